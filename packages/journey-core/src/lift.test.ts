import { describe, expect, it } from 'vitest';
import { compareGroups, customersNeeded, rateDifference, revenueDifference, t975, type GroupTotals } from './lift';

const group = (customers: number, converted: number, revenue = 0, revenueSq = 0): GroupTotals => ({ customers, converted, revenue, revenueSq });

/** mulberry32: the same stream for a seed, so the simulations below are repeatable. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('rate difference (Newcombe, method 10)', () => {
  it('gives the intervals of Newcombe’s table (Statist. Med. 1998): 56/70 vs 48/80 and 9/10 vs 3/10', () => {
    const d = rateDifference(group(70, 56), group(80, 48))!;
    expect(d.estimate).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
    const small = rateDifference(group(10, 9), group(10, 3))!;
    expect(small.low).toBeCloseTo(0.1705, 4);
    expect(small.high).toBeCloseTo(0.8090, 4);
  });

  it('stays within -1..1 at the edges and says nothing of an empty group', () => {
    const d = rateDifference(group(10, 10), group(10, 0))!;
    expect(d.estimate).toBe(1);
    expect(d.high).toBeLessThanOrEqual(1);
    expect(d.low).toBeGreaterThan(0.5);
    expect(rateDifference(group(0, 0), group(10, 1))).toBeNull();
  });

  it('covers the true difference in about 95% of seeded simulations', () => {
    const next = random(18);
    let covered = 0;
    const reps = 2000;
    for (let r = 0; r < reps; r++) {
      let x1 = 0, x2 = 0;
      for (let i = 0; i < 400; i++) if (next() < 0.12) x1++;
      for (let i = 0; i < 300; i++) if (next() < 0.08) x2++;
      const d = rateDifference(group(400, x1), group(300, x2))!;
      if (d.low <= 0.04 && 0.04 <= d.high) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.93);
    expect(covered / reps).toBeLessThan(0.97);
  });
});

describe('revenue per customer (Welch)', () => {
  it('uses Student’s t quantiles', () => {
    expect(t975(3)).toBeCloseTo(3.182, 2);
    expect(t975(10)).toBeCloseTo(2.228, 3);
    expect(t975(30)).toBeCloseTo(2.042, 3);
    expect(t975(Infinity)).toBeCloseTo(1.96, 3);
  });

  it('matches a hand-computed interval', () => {
    // a: 0, 10, 20 (mean 10, variance 100); b: 0, 0, 0, 4 (mean 1, variance 4).
    const d = revenueDifference(group(3, 2, 30, 500), group(4, 1, 4, 16))!;
    const se = Math.sqrt(100 / 3 + 4 / 4);
    const df = (100 / 3 + 1) ** 2 / ((100 / 3) ** 2 / 2 + 1 / 3);
    expect(d.estimate).toBe(9);
    expect(d.high - 9).toBeCloseTo(t975(df) * se, 10);
    expect(9 - d.low).toBeCloseTo(t975(df) * se, 10);
  });

  it('covers the true difference in about 95% of seeded simulations of skewed order values', () => {
    const next = random(7);
    // A customer orders with probability p, then spends 20 + an exponential amount of mean 40.
    const customer = (p: number) => (next() < p ? 20 + -40 * Math.log(1 - next()) : 0);
    const totals = (n: number, p: number) => {
      const g = group(n, 0);
      for (let i = 0; i < n; i++) {
        const v = customer(p);
        if (v > 0) g.converted++;
        g.revenue += v;
        g.revenueSq += v * v;
      }
      return g;
    };
    const truth = 0.3 * 60 - 0.2 * 60;
    let covered = 0;
    const reps = 2000;
    for (let r = 0; r < reps; r++) {
      const d = revenueDifference(totals(500, 0.3), totals(200, 0.2))!;
      if (d.low <= truth && truth <= d.high) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.93);
    expect(covered / reps).toBeLessThan(0.97);
  });
});

describe('how many customers a test needs', () => {
  it('gives the textbook size for equal groups: 10% vs 15% needs 686 a group', () => {
    // (1.96·√(2·0.125·0.875) + 0.8416·√(0.1·0.9 + 0.15·0.85))² / 0.05² = 685.5
    expect(customersNeeded(group(100, 15), group(100, 10))).toBe(686 * 2);
  });

  it('says how many more are needed while the interval still holds 0, and none once it does not', () => {
    const small = compareGroups(group(100, 15), group(100, 10));
    expect(small.significant).toBe(false);
    expect(small.moreNeeded).toBe(686 * 2 - 200);
    const large = compareGroups(group(2000, 300), group(2000, 200));
    expect(large.significant).toBe(true);
    expect(large.moreNeeded).toBe(0);
    expect(compareGroups(group(50, 5), group(50, 5)).moreNeeded).toBeNull();
  });
});

// The statistics of the journey report (docs/analytics.md), pure so the API and tests share
// them. Two groups (treated vs held out, or two A/B arms), each given as customers, customers
// who ordered, revenue and revenue's sum of squares: the difference in conversion rate with
// Newcombe's hybrid score interval (method 10, from two Wilson intervals: honest near 0% and
// with small groups, where the Wald interval is not), the difference in revenue per customer
// with Welch's interval (unequal variances, Welch–Satterthwaite degrees of freedom), and how
// many more customers a test needs: the standard two-proportion sample size for 80% power at
// a two-sided 5% level, at the observed rates and the groups' current split.

export interface GroupTotals {
  customers: number;
  converted: number;
  revenue: number;
  /** Sum over customers of (revenue of the customer)². */
  revenueSq: number;
}

export interface Interval { estimate: number; low: number; high: number }

const Z95 = 1.959963984540054;
const Z80 = 0.8416212335729143;

function wilson(x: number, n: number, z = Z95): { low: number; high: number } {
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Rate of a minus rate of b, with Newcombe's 95% interval; null when a group is empty. */
export function rateDifference(a: GroupTotals, b: GroupTotals): Interval | null {
  if (a.customers <= 0 || b.customers <= 0) return null;
  const p1 = a.converted / a.customers;
  const p2 = b.converted / b.customers;
  const w1 = wilson(a.converted, a.customers);
  const w2 = wilson(b.converted, b.customers);
  const d = p1 - p2;
  return {
    estimate: d,
    low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}

/** The 97.5% quantile of Student's t (Cornish–Fisher expansion: within 0.1% from 3 degrees of freedom). */
export function t975(df: number): number {
  if (!Number.isFinite(df)) return Z95;
  const z = Z95;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7, z9 = z ** 9;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2)
    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
    + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4);
}

/** Revenue per customer of a minus that of b, with Welch's 95% interval; null below 2 customers a group. */
export function revenueDifference(a: GroupTotals, b: GroupTotals): Interval | null {
  if (a.customers < 2 || b.customers < 2) return null;
  const m1 = a.revenue / a.customers;
  const m2 = b.revenue / b.customers;
  const v1 = Math.max(0, (a.revenueSq - a.customers * m1 * m1) / (a.customers - 1)) / a.customers;
  const v2 = Math.max(0, (b.revenueSq - b.customers * m2 * m2) / (b.customers - 1)) / b.customers;
  const se = Math.sqrt(v1 + v2);
  const d = m1 - m2;
  if (se === 0) return { estimate: d, low: d, high: d };
  const df = (v1 + v2) ** 2 / ((v1 * v1) / (a.customers - 1) + (v2 * v2) / (b.customers - 1));
  const half = t975(df) * se;
  return { estimate: d, low: d - half, high: d + half };
}

/**
 * Customers both groups need together to detect the observed difference in rates with 80%
 * power at a two-sided 5% level, keeping the current split (b = k·a); null when the rates are
 * equal (no difference to detect) or a group is empty.
 */
export function customersNeeded(a: GroupTotals, b: GroupTotals): number | null {
  if (a.customers <= 0 || b.customers <= 0) return null;
  const p1 = a.converted / a.customers;
  const p2 = b.converted / b.customers;
  if (p1 === p2) return null;
  const k = b.customers / a.customers;
  const pbar = (p1 + k * p2) / (1 + k);
  const n1 = (Z95 * Math.sqrt(pbar * (1 - pbar) * (1 + 1 / k)) + Z80 * Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / k)) ** 2 / (p1 - p2) ** 2;
  return Math.ceil(n1) + Math.ceil(n1 * k);
}

export interface Comparison {
  rate: Interval | null;
  revenuePerCustomer: Interval | null;
  /** The interval of the rates' difference excludes 0. */
  significant: boolean;
  /** Customers still to come before the comparison can say something (0: enough; null: no difference seen yet). */
  moreNeeded: number | null;
}

export function compareGroups(a: GroupTotals, b: GroupTotals): Comparison {
  const rate = rateDifference(a, b);
  const needed = customersNeeded(a, b);
  const significant = rate !== null && (rate.low > 0 || rate.high < 0);
  return {
    rate,
    revenuePerCustomer: revenueDifference(a, b),
    significant,
    moreNeeded: significant ? 0 : needed === null ? null : Math.max(0, needed - a.customers - b.customers),
  };
}

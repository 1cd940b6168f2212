// Seeded generators of shop data and segment rules for the property and differential tests.
// Every user-supplied string carries the marker "Zq9", so a test can prove none of them ever
// reaches the SQL text.
import type { SegmentRule } from '@afterglow/db';
import { DEFAULT_LOYALTY_TIERS } from '@afterglow/journey-core';
import type { OracleData } from './segment-oracle';

export const MARKER = 'Zq9';
const DAY = 86_400_000;

/** mulberry32: small, fast, good enough to explore; the seed makes a failure reproducible. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof rng>;

const HOSTILE = [
  "'; drop table customers; --", '"; select pg_sleep(1); --', '$1', '$$', '%', '_', '\\', "' or '1'='1", '*/', '/*',
  ') or true --', '${x}', '::text', 'E\'\\x00\'', '😀', '\t\n',
];
export const hostile = (r: Rng) => `${r.pick(HOSTILE)}${MARKER}${r.chance(0.5) ? r.pick(HOSTILE) : ''}`;

export const CATEGORIES = ['Football', 'Football > Red Star', 'Football > Red Star > Kits', 'Cosmetics', 'Cosmetics > Skin', "Kids' stuff", `x${MARKER}%_`];
export const BRANDS = ['Sony', 'Adidas', 'nike', `b${MARKER}'"`];
export const PRODUCTS = ['p1', 'p2', 'P1', `p${MARKER}';--`];
export const EVENT_NAMES = ['Order Completed', 'order_completed', 'Viewed Product', 'signed-up', `e${MARKER} x`];
export const ATTR_KEYS = ['tier', 'score', 'note', `k${MARKER}'); drop table x; --`];
/** Canonical tags as ingestion stores them: Serbian in both scripts and with regions, and a near miss ('srn'). */
const LOCALES_SEEN = ['sr', 'sr-RS', 'sr-Latn-RS', 'sr-Cyrl', 'srn', 'sl-SI', 'ru', 'en-CA'];
/** Tags as customers carry them, a case and a space apart, and one hostile. */
const TAGS = ['VIP', 'vip', 'Wholesale', 'Recent buyer', `t${MARKER}'`];
const ATTR_VALUES: (string | number | boolean)[] = ['gold', 'GOLD', 'silver', '42', ' 7 ', '4.5', 'n/a', '', 12, 3.5, true, `v${MARKER}%`];

export function randomData(r: Rng, now: Date, customerCount: number): Omit<OracleData, 'segments'> {
  const data: Omit<OracleData, 'segments'> = { customers: [], orders: [], items: [], events: [], points: [], emailEvents: [] };
  const ago = (maxDays: number) => new Date(now.getTime() - r.int(0, maxDays * 24) * 3_600_000 - r.int(0, 3_599_999));
  for (let n = 0; n < customerCount; n++) {
    const id = `c${n}${r.chance(0.2) ? MARKER + "'" : ''}`;
    const attributes: Record<string, string | number | boolean> = {};
    for (const key of ATTR_KEYS) if (r.chance(0.5)) attributes[key] = r.pick(ATTR_VALUES);
    data.customers.push({
      id, email: r.chance(0.85) ? `${r.pick(['ann', 'Bob', 'cy.d'])}${n}@${r.pick(['example.com', 'Shop.org'])}` : null,
      firstName: r.pick(['Ann', 'bob', null, `f${MARKER}'`]), lastName: r.pick(['Lee', null]),
      birthday: r.chance(0.7) ? `19${r.int(50, 99)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` : null,
      timezone: r.pick(['UTC', 'Europe/Berlin', 'America/New_York']), createdAt: ago(900), attributes,
      locale: r.pick([null, ...LOCALES_SEEN]),
      tags: TAGS.filter(() => r.chance(0.3)),
    });
    for (let o = r.int(0, 4); o > 0; o--) {
      const orderId = `${id}_o${o}`;
      data.orders.push({ id: orderId, customerId: id, status: r.pick(['placed', 'placed', 'shipped', 'cancelled', 'refunded']),
        total: r.int(0, 300), placedAt: ago(800) });
      for (let i = r.int(0, 3); i > 0; i--) {
        data.items.push({ orderId, customerId: id, productId: r.pick(PRODUCTS),
          category: r.chance(0.9) ? r.pick(CATEGORIES) : null, brand: r.chance(0.8) ? r.pick(BRANDS) : null });
      }
    }
    for (let e = r.int(0, 5); e > 0; e--) data.events.push({ customerId: id, name: r.pick(EVENT_NAMES), timestamp: ago(120) });
    // Now and then a big grant, so every tier has members.
    for (let p = r.int(0, 3); p > 0; p--) data.points.push({ customerId: id, points: r.chance(0.25) ? r.int(0, 3000) : r.int(-50, 200) });
    for (let m = r.int(0, 3); m > 0; m--) {
      data.emailEvents.push({ customerId: id, type: r.pick(['open', 'click', 'bounce']), bot: r.chance(0.3), at: ago(90) });
    }
  }
  return data;
}

const window = (r: Rng) => (r.chance(0.4) ? undefined : r.pick([1, 7, 30, 90, 365, 730]));
const cmp = (r: Rng) => r.pick(['gte', 'lte', 'gt', 'lt', 'eq'] as const);

export function randomCondition(r: Rng, segmentIds: string[]): SegmentRule {
  switch (r.int(0, segmentIds.length ? 7 : 6)) {
    case 0: case 1: {
      const field = r.pick([...ATTR_KEYS, 'email', 'firstName', 'timezone', 'birthdayMonth', 'birthdayDay', 'signupDaysAgo', 'signupDate', hostile(r)]);
      // Only comparisons the field's type allows (the schema refuses the rest: see opsForField).
      if (field === 'signupDate') {
        return { kind: 'attribute', field, op: r.pick(['equals', 'not_equals', 'gt', 'lt'] as const),
          value: new Date(Date.UTC(2024, 0, 1) + r.int(0, 900) * DAY).toISOString().slice(0, 10) };
      }
      const numeric = ['birthdayMonth', 'birthdayDay', 'signupDaysAgo'].includes(field);
      const text = ['email', 'firstName', 'timezone'].includes(field);
      const op = numeric ? r.pick(['equals', 'not_equals', 'gt', 'lt', 'exists'] as const)
        : text ? r.pick(['equals', 'not_equals', 'contains', 'exists'] as const)
          : r.pick(['equals', 'not_equals', 'contains', 'gt', 'lt', 'exists'] as const);
      const value = field === 'birthdayMonth' ? r.pick([r.int(1, 12), String(r.int(1, 12)), ' 7 '])
        : field === 'birthdayDay' ? r.pick([r.int(1, 31), String(r.int(1, 31)), ' 7 ', '0x10'])
          : op === 'gt' || op === 'lt' || numeric ? r.pick([r.int(0, 400), String(r.int(0, 50)), 4.5, ' 7 ', '0x10'])
            : r.pick([...ATTR_VALUES.filter((v) => v !== ''), hostile(r), 'EXAMPLE.com', 'ann']);
      return { kind: 'attribute', field, op, value };
    }
    case 2: {
      const measure = r.pick(['count', 'totalSpent', 'averageOrderValue', 'daysSinceLastOrder'] as const);
      return { kind: 'orders', measure, op: cmp(r), value: r.pick([0, 0.5, 1, 2, 2.5, 50, 100, 150, 365]),
        withinDays: measure === 'daysSinceLastOrder' ? undefined : window(r) };
    }
    case 3: {
      const what = r.pick(['product', 'category', 'brand'] as const);
      const value = r.chance(0.15) ? hostile(r) : what === 'product' ? r.pick(PRODUCTS) : what === 'brand' ? r.pick([...BRANDS, 'SONY'])
        : r.pick([...CATEGORIES, 'football', 'Football > Red', 'FOOTBALL > red star']);
      return { kind: 'bought', what, value, withinDays: window(r), negate: r.chance(0.3) };
    }
    case 4:
      return { kind: 'event', name: r.chance(0.15) ? hostile(r) : r.pick([...EVENT_NAMES, 'ORDER-COMPLETED']), minCount: r.int(1, 3), withinDays: window(r), negate: r.chance(0.3) };
    case 5:
      if (r.chance(0.5)) return { kind: 'tier', op: r.pick(['is', 'atLeast'] as const), tier: r.pick(DEFAULT_LOYALTY_TIERS).id };
      return { kind: 'loyalty', measure: 'points', op: cmp(r), value: r.pick([0, 50, 100, -10]) };
    case 6:
      if (r.chance(0.3)) {
        return r.chance(0.2) ? { kind: 'language', op: 'unknown' }
          : { kind: 'language', op: 'is', language: r.pick(['sr', 'SR_latn', 'sr-Latn-RS', 'sl', 'ru-RU', 'en', 'de']) };
      }
      if (r.chance(0.3)) return { kind: 'tag', op: r.pick(['has', 'lacks'] as const), tag: r.pick([...TAGS, 'Recent', ' VIP ']) };
      return { kind: 'email', action: r.pick(['open', 'click'] as const), withinDays: window(r), negate: r.chance(0.3) };
    default:
      return { kind: 'segment', segmentId: r.pick(segmentIds), negate: r.chance(0.3) };
  }
}

export function randomRule(r: Rng, segmentIds: string[], depth = 0): SegmentRule {
  if (depth >= 3 || r.chance(depth === 0 ? 0.2 : 0.5)) return randomCondition(r, segmentIds);
  const rules = Array.from({ length: r.int(0, 4) }, () => randomRule(r, segmentIds, depth + 1));
  return { kind: 'group', op: r.pick(['and', 'or'] as const), rules };
}

/**
 * Rules the query planner treats specially: several conditions on one purchase ("bought X in
 * 2 years but not in 30 days", read from the customer's own purchase row) and "any of" groups
 * of purchases sharing a window (one search over all values), next to other conditions.
 */
export function randomPurchaseRule(r: Rng, segmentIds: string[]): SegmentRule {
  const what = r.pick(['product', 'category', 'brand'] as const);
  const value = what === 'product' ? r.pick(PRODUCTS) : what === 'brand' ? r.pick(BRANDS) : r.pick(CATEGORIES);
  const days = () => r.pick([undefined, 30, 90, 365, 730]);
  const same = (): SegmentRule => ({ kind: 'bought', what, value, withinDays: days(), negate: r.chance(0.5) });
  const withinDays = days();
  const anyOf: SegmentRule = { kind: 'group', op: 'or', rules: Array.from({ length: r.int(2, 3) }, () => ({
    kind: 'bought' as const, what, value: what === 'product' ? r.pick(PRODUCTS) : what === 'brand' ? r.pick(BRANDS) : r.pick(CATEGORIES),
    withinDays })) };
  const rules: SegmentRule[] = [{ kind: 'bought', what, value, withinDays: days() }, same()];
  if (r.chance(0.5)) rules.push(same());
  if (r.chance(0.5)) rules.push(anyOf);
  if (r.chance(0.5)) rules.push(randomCondition(r, segmentIds));
  return r.chance(0.8) ? { kind: 'group', op: 'and', rules } : anyOf;
}

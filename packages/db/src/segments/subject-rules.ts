// What a rule tree needs from the database, read before compiling it: whether it reads the
// order aggregates or the customer's own columns, and which customers it can possibly match.
// subject.ts uses these facts to drive the query from the smallest table that holds every
// possible member. Segment references count as the rules they refer to.
import type { SegmentBoughtRule, SegmentRule } from './rule';

type Refs = ReadonlyMap<string, SegmentRule>;

/** True when `test` holds for any condition of the tree, references followed once each. */
function some(rule: SegmentRule, refs: Refs, test: (r: SegmentRule) => boolean, seen = new Set<string>()): boolean {
  if (test(rule)) return true;
  if (rule.kind === 'group') return rule.rules.some((r) => some(r, refs, test, seen));
  if (rule.kind === 'segment' && !seen.has(rule.segmentId)) {
    seen.add(rule.segmentId);
    const referenced = refs.get(rule.segmentId);
    return referenced ? some(referenced, refs, test, seen) : false;
  }
  return false;
}

export function usesOrderStats(rule: SegmentRule, refs: Refs): boolean {
  return some(rule, refs, (r) => r.kind === 'orders');
}

/** Conditions on the customer's own columns (attributes, birthday, sign-up, language, tags) need the customers row. */
export function readsCustomer(rule: SegmentRule, refs: Refs): boolean {
  return some(rule, refs, (r) => r.kind === 'attribute' || r.kind === 'language' || r.kind === 'tag');
}

/**
 * True when no customer without orders can match (e.g. "5 or more orders", "bought Sony"):
 * every member then has a row in customer_order_stats. Purchases are built from the same
 * orders as the stats (cancelled and refunded ones left out of both), so a purchase implies
 * the stats row.
 */
export function requiresOrders(rule: SegmentRule, refs: Refs, seen = new Set<string>()): boolean {
  switch (rule.kind) {
    case 'orders': {
      if (rule.measure === 'averageOrderValue' || rule.measure === 'daysSinceLastOrder') return true;
      // A customer without orders measures 0 (count, spend), in any window.
      const v = rule.value;
      const zeroMatches = { gte: 0 >= v, lte: 0 <= v, gt: 0 > v, lt: 0 < v, eq: v === 0 }[rule.op];
      return !zeroMatches;
    }
    case 'bought':
      return !rule.negate;
    case 'group':
      return rule.op === 'and'
        ? rule.rules.some((r) => requiresOrders(r, refs, seen))
        : rule.rules.length > 0 && rule.rules.every((r) => requiresOrders(r, refs, seen));
    case 'segment': {
      if (rule.negate || seen.has(rule.segmentId)) return false;
      const referenced = refs.get(rule.segmentId);
      return referenced ? requiresOrders(referenced, refs, new Set([...seen, rule.segmentId])) : false;
    }
    default:
      return false;
  }
}

/**
 * A positive purchase condition every member must meet (a conjunct of the top-level "all of"
 * groups), so the customers' purchase rows for it hold every possible member. Prefers a
 * product (fewest buyers), then the narrowest time window.
 */
export function drivingPurchase(rule: SegmentRule): SegmentBoughtRule | null {
  const candidates: SegmentBoughtRule[] = [];
  const collect = (r: SegmentRule) => {
    if (r.kind === 'bought' && !r.negate) candidates.push(r);
    else if (r.kind === 'group' && r.op === 'and') r.rules.forEach(collect);
  };
  collect(rule);
  const score = (r: SegmentBoughtRule) => (r.what === 'product' ? 0 : 1) * 1e6 + (r.withinDays ?? 1e5);
  return candidates.sort((a, b) => score(a) - score(b))[0] ?? null;
}

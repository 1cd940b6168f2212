// The whole query for a rule: FROM and WHERE. Conditions name the customer as `c` (c.id,
// c.workspace_id, and c.email etc. for attributes) and the aggregates as `s`; this picks which
// table drives the scan, the smallest that still holds every possible member:
// - the customers' purchase rows for a purchase every member made ("bought Football in 2
//   years"), as p0: one row per customer and value, so no duplicates;
// - the order aggregates `s`, when every member must have orders ("5 or more orders");
// - otherwise all customers.
// When the rule reads no customer column, `c` is not joined at all but named on the driving
// row (a lateral projection Postgres flattens): this relies on the ingestion invariant that an
// order's customer row exists (writers create it in the same transaction), so the aggregates
// never hold a customer the customers table lacks.
import type { Queryable as Sql } from '../client';
import type { TierSettings } from '../loyalty';
import { boughtValue } from './compile-history';
import { compileSegmentRule, type CompileContext, type SegmentRefs, type SqlCondition } from './compile';
import type { SegmentRule } from './rule';
import { drivingPurchase, readsCustomer, requiresOrders, usesOrderStats } from './subject-rules';

export interface SegmentQuery {
  from: SqlCondition;
  /** Holds for members; the caller adds `c.workspace_id = ...`. */
  where: SqlCondition;
}

export function compileSegmentQuery(
  sql: Sql, rule: SegmentRule, now: Date, refs: SegmentRefs = new Map(), tiers?: TierSettings,
): SegmentQuery {
  const customerColumns = readsCustomer(rule, refs);
  const stats = usesOrderStats(rule, refs);
  const purchase = drivingPurchase(rule);
  if (purchase) {
    const ctx: CompileContext = { purchaseRow: { what: purchase.what, value: purchase.value }, tiers };
    const customer = customerColumns
      ? sql`join customers c on c.workspace_id = p0.workspace_id and c.id = p0.customer_id`
      : sql`cross join lateral (select p0.workspace_id, p0.customer_id as id) c`;
    const withStats = stats
      ? sql`left join customer_order_stats s on s.workspace_id = p0.workspace_id and s.customer_id = p0.customer_id`
      : sql``;
    return {
      from: sql`customer_purchases p0 ${customer} ${withStats}`,
      where: sql`p0.kind = ${purchase.what}::text and p0.value = ${boughtValue(sql, purchase.what, purchase.value)}
        and ${compileSegmentRule(sql, rule, now, refs, ctx)}`,
    };
  }
  if (requiresOrders(rule, refs)) {
    const customer = customerColumns
      ? sql`join customers c on c.workspace_id = s.workspace_id and c.id = s.customer_id`
      : sql`cross join lateral (select s.workspace_id, s.customer_id as id) c`;
    return { from: sql`customer_order_stats s ${customer}`, where: compileSegmentRule(sql, rule, now, refs, { tiers }) };
  }
  const from = stats
    ? sql`customers c left join customer_order_stats s on s.workspace_id = c.workspace_id and s.customer_id = c.id`
    : sql`customers c`;
  return { from, where: compileSegmentRule(sql, rule, now, refs, { tiers }) };
}

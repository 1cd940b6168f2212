// Conditions over what customers did: orders (from the per-customer aggregates when there is
// no time window), purchases by product / brand / category, events, loyalty points and email
// engagement. Cancelled and refunded orders never became sales, so order history ignores them.
import type { Queryable as Sql } from '../client';
import { findTier, tierMeasure, tierPosition, type TierSettings } from '../loyalty';
import type { SqlCondition } from './compile';
import { SegmentRuleError } from './rule';
import type {
  OrderComparison, SegmentBoughtRule, SegmentEmailRule, SegmentEventRule, SegmentLoyaltyRule, SegmentOrdersRule, SegmentTierRule,
} from './rule-types';

const DAY_MS = 86_400_000;

export function since(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** `measured op value`, false when the measure is null (e.g. no orders for an average). */
function compare(sql: Sql, measured: SqlCondition, op: OrderComparison, value: number, integer = false): SqlCondition {
  // An integer measure against a whole number compares as integers: no numeric cast per row.
  const v = integer && Number.isSafeInteger(value) ? sql`${value}::bigint` : sql`${value}::numeric`;
  switch (op) {
    case 'gte': return sql`coalesce(${measured} >= ${v}, false)`;
    case 'lte': return sql`coalesce(${measured} <= ${v}, false)`;
    case 'gt': return sql`coalesce(${measured} > ${v}, false)`;
    case 'lt': return sql`coalesce(${measured} < ${v}, false)`;
    case 'eq': return sql`coalesce(${measured} = ${v}, false)`;
  }
}

/** `now` minus whole days; further back than any real order (1,300+ years), minus infinity. */
function daysBefore(sql: Sql, now: Date, days: number): SqlCondition {
  // A constant of ours, not a parameter: postgres.js would read a timestamptz parameter as a Date.
  if (days > 500_000) return sql`'-infinity'::timestamptz`;
  return sql`${since(now, days)}::timestamptz`;
}

/**
 * "Days since the last order op v", where days = floor((now - last) / 1 day), as a plain
 * comparison of last_order_at with a precomputed instant (no arithmetic per customer):
 * floor(d) >= k <=> last <= now - k days, for whole k.
 */
function compileDaysSince(sql: Sql, op: OrderComparison, v: number, now: Date): SqlCondition {
  const atMost = (k: number) => sql`coalesce(s.last_order_at <= ${daysBefore(sql, now, k)}, false)`;
  const after = (k: number) => sql`coalesce(s.last_order_at > ${daysBefore(sql, now, k)}, false)`;
  switch (op) {
    case 'gte': return atMost(Math.ceil(v));
    case 'gt': return atMost(Math.floor(v) + 1);
    case 'lte': return after(Math.floor(v) + 1);
    case 'lt': return after(Math.ceil(v));
    case 'eq': return Number.isInteger(v) ? sql`(${after(v + 1)} and ${atMost(v)})` : sql`false`;
  }
}

export function compileOrders(sql: Sql, rule: SegmentOrdersRule, now: Date): SqlCondition {
  if (rule.withinDays === undefined) {
    // Whole history: read the aggregates (one row per customer, joined once as `s`).
    switch (rule.measure) {
      case 'count': return compare(sql, sql`coalesce(s.order_count, 0)`, rule.op, rule.value, true);
      case 'totalSpent': return compare(sql, sql`coalesce(s.total_spent, 0)`, rule.op, rule.value);
      case 'daysSinceLastOrder': return compileDaysSince(sql, rule.op, rule.value, now);
      case 'averageOrderValue': {
        // total / count op v <=> total op v * count (count > 0): a multiplication, not a division, per row.
        const v = sql`${rule.value}::numeric * s.order_count`;
        const cmp = { gte: sql`>=`, lte: sql`<=`, gt: sql`>`, lt: sql`<`, eq: sql`=` }[rule.op];
        return sql`coalesce(s.order_count > 0 and s.total_spent ${cmp} ${v}, false)`;
      }
    }
  }
  if (rule.measure === 'count') {
    // "At least one order / none in the last N days" is the last order's date: no order scan.
    const v = rule.value;
    const atLeastOne = (rule.op === 'gte' && v > 0 && v <= 1) || (rule.op === 'gt' && v < 1);
    const none = (rule.op === 'eq' && v === 0) || (rule.op === 'lt' && v > 0 && v <= 1) || (rule.op === 'lte' && v < 1);
    const recent = sql`coalesce(s.last_order_at > ${since(now, rule.withinDays)}::timestamptz, false)`;
    if (atLeastOne) return recent;
    if (none) return sql`not ${recent}`;
  }
  const aggregate = { count: sql`count(*)`, totalSpent: sql`coalesce(sum(o.total), 0)`, averageOrderValue: sql`avg(o.total)` };
  if (rule.measure === 'daysSinceLastOrder') throw new Error('Days since the last order takes no time window');
  // Customers with no orders at all measure 0 (count, spend): only those can skip the subquery.
  const measured = sql`(case when s.customer_id is null then ${rule.measure === 'averageOrderValue' ? sql`null` : sql`0`}
    else (select ${aggregate[rule.measure]} from orders o
      where o.workspace_id = c.workspace_id and o.customer_id = c.id and o.status not in ('cancelled', 'refunded')
        and o.placed_at > ${since(now, rule.withinDays)}::timestamptz) end)`;
  return compare(sql, measured, rule.op, rule.value);
}

/** Products match by exact id; brands and categories case-insensitively (stored lower-cased). */
export const boughtValue = (sql: Sql, what: SegmentBoughtRule['what'], value: string) =>
  (what === 'product' ? sql`${value}::text` : sql`lower(${value}::text)`);

export function compileBought(
  sql: Sql, rule: SegmentBoughtRule, now: Date, purchaseRow?: { what: string; value: string },
): SqlCondition {
  let bought: SqlCondition;
  if (purchaseRow && purchaseRow.what === rule.what && purchaseRow.value === rule.value) {
    // The query is driven by this very purchase row (p0, one per customer and value): read it.
    bought = rule.withinDays === undefined ? sql`true` : sql`p0.last_at > ${since(now, rule.withinDays)}::timestamptz`;
  } else {
    const window = rule.withinDays === undefined ? sql`` : sql`and p.last_at > ${since(now, rule.withinDays)}::timestamptz`;
    bought = sql`exists (select 1 from customer_purchases p
      where p.workspace_id = c.workspace_id and p.kind = ${rule.what}::text and p.value = ${boughtValue(sql, rule.what, rule.value)}
        and p.customer_id = c.id ${window})`;
  }
  return rule.negate ? sql`not ${bought}` : bought;
}

/** Bought any of these (positive conditions sharing kind and window): one search over all values. */
export function compileBoughtAny(sql: Sql, rules: SegmentBoughtRule[], now: Date): SqlCondition {
  const { what, withinDays } = rules[0];
  const window = withinDays === undefined ? sql`` : sql`and p.last_at > ${since(now, withinDays)}::timestamptz`;
  let values = boughtValue(sql, what, rules[0].value);
  for (const r of rules.slice(1)) values = sql`${values}, ${boughtValue(sql, what, r.value)}`;
  return sql`exists (select 1 from customer_purchases p
    where p.workspace_id = c.workspace_id and p.kind = ${what}::text and p.value = any(array[${values}])
      and p.customer_id = c.id ${window})`;
}

/** Event names compare normalised, as triggers do ("Order Completed" = "order_completed"). */
export function normalizedEventName(sql: Sql, column: SqlCondition): SqlCondition {
  return sql`btrim(regexp_replace(lower(${column}), '[^a-z0-9]+', '_', 'g'), '_')`;
}

export function compileEvent(sql: Sql, rule: SegmentEventRule, now: Date): SqlCondition {
  const window = rule.withinDays === undefined ? sql`` : sql`and e.timestamp > ${since(now, rule.withinDays)}::timestamptz`;
  const counted = sql`(select count(*) from (select 1 from events e
    where e.workspace_id = c.workspace_id and e.customer_id = c.id
      and ${normalizedEventName(sql, sql`e.name`)} = ${normalizedEventName(sql, sql`${rule.name}::text`)} ${window}
    limit ${rule.minCount}) x)`;
  return rule.negate ? sql`${counted} < ${rule.minCount}` : sql`${counted} >= ${rule.minCount}`;
}

export function compileLoyalty(sql: Sql, rule: SegmentLoyaltyRule): SqlCondition {
  const points = sql`coalesce((select sum(l.points) from loyalty_ledger l
    where l.workspace_id = c.workspace_id and l.customer_id = c.id), 0)`;
  return compare(sql, points, rule.op, rule.value);
}

/** The customer's tier as the one definition computes it (packages/db/src/loyalty.ts), against the rule's. */
export function compileTier(sql: Sql, rule: SegmentTierRule, now: Date, tiers: TierSettings | undefined): SqlCondition {
  if (!tiers) throw new Error('A loyalty tier condition needs the workspace\'s tiers (segmentTiers)');
  const index = findTier(tiers, rule.tier);
  if (index < 0) throw new SegmentRuleError([{ field: 'tier', message: `No loyalty tier "${rule.tier}" (tiers: ${tiers.list.map((t) => t.id).join(', ')})` }]);
  const position = tierPosition(sql, tiers, tierMeasure(sql, tiers, now, sql`c.workspace_id`, sql`c.id`));
  return rule.op === 'atLeast' ? sql`${position} >= ${index + 1}::int` : sql`${position} = ${index + 1}::int`;
}

export function compileEmail(sql: Sql, rule: SegmentEmailRule, now: Date): SqlCondition {
  const window = rule.withinDays === undefined ? sql`` : sql`and m.at > ${since(now, rule.withinDays)}::timestamptz`;
  // Machine opens and clicks (scanners, privacy proxies) are stored but never count.
  const engaged = sql`exists (select 1 from email_events m
    where m.workspace_id = c.workspace_id and m.customer_id = c.id and m.type = ${rule.action}::text and not m.bot ${window})`;
  return rule.negate ? sql`not ${engaged}` : engaged;
}

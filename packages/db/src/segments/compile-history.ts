// Conditions over what customers did: orders (from the per-customer aggregates when there is
// no time window), purchases by product / brand / category, events, loyalty points and email
// engagement. Cancelled and refunded orders never became sales, so order history ignores them.
import type { Queryable as Sql } from '../client';
import type { SqlCondition } from './compile';
import type {
  OrderComparison, SegmentBoughtRule, SegmentEmailRule, SegmentEventRule, SegmentLoyaltyRule, SegmentOrdersRule,
} from './rule-types';

const DAY_MS = 86_400_000;

export function since(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** `measured op value`, false when the measure is null (e.g. no orders for an average). */
function compare(sql: Sql, measured: SqlCondition, op: OrderComparison, value: number): SqlCondition {
  const v = sql`${value}::numeric`;
  switch (op) {
    case 'gte': return sql`coalesce(${measured} >= ${v}, false)`;
    case 'lte': return sql`coalesce(${measured} <= ${v}, false)`;
    case 'gt': return sql`coalesce(${measured} > ${v}, false)`;
    case 'lt': return sql`coalesce(${measured} < ${v}, false)`;
    case 'eq': return sql`coalesce(${measured} = ${v}, false)`;
  }
}

export function compileOrders(sql: Sql, rule: SegmentOrdersRule, now: Date): SqlCondition {
  if (rule.withinDays === undefined) {
    // Whole history: read the aggregates (one row per customer, joined once as `s`).
    const measured = {
      count: sql`coalesce(s.order_count, 0)`,
      totalSpent: sql`coalesce(s.total_spent, 0)`,
      averageOrderValue: sql`(s.total_spent / nullif(s.order_count, 0))`,
      daysSinceLastOrder: sql`floor(extract(epoch from (${now.toISOString()}::timestamptz - s.last_order_at)) / 86400)`,
    }[rule.measure];
    return compare(sql, measured, rule.op, rule.value);
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

export function compileBought(sql: Sql, rule: SegmentBoughtRule, now: Date): SqlCondition {
  // Products match by exact id; brands and categories case-insensitively (stored lower-cased).
  const value = rule.what === 'product' ? sql`${rule.value}::text` : sql`lower(${rule.value}::text)`;
  const window = rule.withinDays === undefined ? sql`` : sql`and p.last_at > ${since(now, rule.withinDays)}::timestamptz`;
  const bought = sql`exists (select 1 from customer_purchases p
    where p.workspace_id = c.workspace_id and p.kind = ${rule.what}::text and p.value = ${value}
      and p.customer_id = c.id ${window})`;
  return rule.negate ? sql`not ${bought}` : bought;
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

export function compileEmail(sql: Sql, rule: SegmentEmailRule, now: Date): SqlCondition {
  const window = rule.withinDays === undefined ? sql`` : sql`and m.at > ${since(now, rule.withinDays)}::timestamptz`;
  // Machine opens and clicks (scanners, privacy proxies) are stored but never count.
  const engaged = sql`exists (select 1 from email_events m
    where m.workspace_id = c.workspace_id and m.customer_id = c.id and m.type = ${rule.action}::text and not m.bot ${window})`;
  return rule.negate ? sql`not ${engaged}` : engaged;
}

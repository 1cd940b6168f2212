// Compiles a rule tree into ONE parameterised SQL condition over `customers c`.
// Every value and every custom attribute key travels as a bind parameter; the SQL text
// holds only constants chosen here. Time windows are computed from the caller's `now`
// (never SQL now()), so evaluation is reproducible under a controlled clock.
import type postgres from 'postgres';
import type { Queryable } from '../client';
import {
  numericSegmentFields,
  parseSegmentRule,
  type SegmentAttributeRule,
  type SegmentBoughtRule,
  type SegmentOrdersRule,
  type SegmentRule,
} from './rule';

// Dates travel as ISO text with explicit casts: correct whatever serialisers the client has.
type Sql = Queryable;
export type SqlCondition = postgres.Fragment;

const DAY_MS = 86_400_000;


export function compileSegmentRule(sql: Sql, rule: unknown, now: Date): SqlCondition {
  return compileNode(sql, parseSegmentRule(rule), now);
}

function compileNode(sql: Sql, rule: SegmentRule, now: Date): SqlCondition {
  switch (rule.kind) {
    case 'group': return compileGroup(sql, rule.op, rule.rules.map((r) => compileNode(sql, r, now)));
    case 'attribute': return compileAttribute(sql, rule, now);
    case 'orders': return compileOrders(sql, rule, now);
    case 'bought': return compileBought(sql, rule, now);
  }
}

function compileGroup(sql: Sql, op: 'and' | 'or', parts: SqlCondition[]): SqlCondition {
  // An empty "all of" matches everyone; an empty "any of" matches no one.
  if (parts.length === 0) return op === 'and' ? sql`true` : sql`false`;
  const joiner = op === 'and' ? sql` and ` : sql` or `;
  let joined = sql`(${parts[0]})`;
  for (const part of parts.slice(1)) joined = sql`${joined}${joiner}(${part})`;
  return sql`(${joined})`;
}

/** The SQL expression for a built-in text field, or a custom attribute's text. */
function textExpression(sql: Sql, field: string): SqlCondition {
  switch (field) {
    case 'email': return sql`c.email`;
    case 'firstName': return sql`c.first_name`;
    case 'lastName': return sql`c.last_name`;
    case 'timezone': return sql`c.timezone`;
    default: return sql`(c.attributes ->> ${field}::text)`;
  }
}

/** Text that looks like a number becomes numeric; anything else null (never a cast error). */
function safeNumeric(sql: Sql, text: SqlCondition): SqlCondition {
  return sql`(case when btrim(${text}) ~ '^-?[0-9]+([.][0-9]+)?$' then btrim(${text})::numeric end)`;
}

function numericExpression(sql: Sql, field: string, now: Date): SqlCondition {
  if (field === 'birthdayMonth') return sql`extract(month from c.birthday)::numeric`;
  if (field === 'signupDaysAgo') {
    return sql`floor(extract(epoch from (${now.toISOString()}::timestamptz - c.created_at)) / 86400)::numeric`;
  }
  return safeNumeric(sql, textExpression(sql, field));
}

function compileAttribute(sql: Sql, rule: SegmentAttributeRule, now: Date): SqlCondition {
  const numericField = numericSegmentFields.includes(rule.field);
  const { value } = rule;
  if (rule.op === 'exists') {
    if (numericField) return sql`${numericExpression(sql, rule.field, now)} is not null`;
    return sql`coalesce(${textExpression(sql, rule.field)}, '') <> ''`;
  }
  // Numbers compare as numbers (42 equals "42.0"); text compares case-insensitively.
  if (numericField || rule.op === 'gt' || rule.op === 'lt' || typeof value === 'number') {
    const left = numericExpression(sql, rule.field, now);
    const right = sql`${String(value)}::numeric`;
    switch (rule.op) {
      case 'gt': return sql`coalesce(${left} > ${right}, false)`;
      case 'lt': return sql`coalesce(${left} < ${right}, false)`;
      case 'equals': return sql`coalesce(${left} = ${right}, false)`;
      case 'not_equals': return sql`${left} is distinct from ${right}`;
      case 'contains': break; // numbers with contains fall through to text matching
    }
  }
  const left = sql`lower(${textExpression(sql, rule.field)})`;
  const right = sql`lower(${String(value)}::text)`;
  switch (rule.op) {
    case 'equals': return sql`coalesce(${left} = ${right}, false)`;
    case 'not_equals': return sql`${left} is distinct from ${right}`;
    // strpos, not LIKE: % and _ in the value are ordinary characters.
    case 'contains': return sql`coalesce(strpos(${left}, ${right}) > 0, false)`;
    default: throw new Error(`Unhandled attribute operator ${rule.op} for field ${rule.field}`);
  }
}

function windowCondition(sql: Sql, column: SqlCondition, withinDays: number | undefined, now: Date): SqlCondition {
  if (withinDays === undefined) return sql`${column} <= ${now.toISOString()}::timestamptz`;
  const since = new Date(now.getTime() - withinDays * DAY_MS);
  return sql`${column} > ${since.toISOString()}::timestamptz and ${column} <= ${now.toISOString()}::timestamptz`;
}

// Cancelled and refunded orders never became sales, so order history ignores them.
function compileOrders(sql: Sql, rule: SegmentOrdersRule, now: Date): SqlCondition {
  const aggregate = rule.measure === 'count' ? sql`count(*)` : sql`coalesce(sum(o.total), 0)`;
  const measured = sql`(select ${aggregate} from orders o
    where o.workspace_id = c.workspace_id and o.customer_id = c.id and o.status not in ('cancelled', 'refunded')
      and ${windowCondition(sql, sql`o.placed_at`, rule.withinDays, now)})`;
  const value = sql`${rule.value}::numeric`;
  switch (rule.op) {
    case 'gte': return sql`${measured} >= ${value}`;
    case 'lte': return sql`${measured} <= ${value}`;
    case 'gt': return sql`${measured} > ${value}`;
    case 'lt': return sql`${measured} < ${value}`;
    case 'eq': return sql`${measured} = ${value}`;
  }
}

function compileBought(sql: Sql, rule: SegmentBoughtRule, now: Date): SqlCondition {
  const matchesItem = rule.what === 'product'
    ? sql`i.product_id = ${rule.value}::text`
    // A category also covers its sub-categories written "Parent > Child".
    : sql`(lower(i.category) = lower(${rule.value}::text) or starts_with(lower(i.category), lower(${rule.value}::text) || ' > '))`;
  const bought = sql`exists (select 1 from order_items i
    join orders o on o.workspace_id = i.workspace_id and o.id = i.order_id
    where i.workspace_id = c.workspace_id and i.customer_id = c.id and ${matchesItem}
      and o.status not in ('cancelled', 'refunded') and ${windowCondition(sql, sql`o.placed_at`, rule.withinDays, now)})`;
  return rule.negate ? sql`not ${bought}` : bought;
}

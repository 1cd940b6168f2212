// Compiles a rule tree into ONE parameterised SQL condition over `customers c` left-joined to
// `customer_order_stats s` (see segmentSource). Every value and every custom attribute key
// travels as a bind parameter; the SQL text holds only constants chosen here. Time windows
// are computed from the caller's `now` (never SQL now()), so evaluation is reproducible
// under a controlled clock.
import type postgres from 'postgres';
import type { Queryable } from '../client';
import { compileBought, compileEmail, compileEvent, compileLoyalty, compileOrders } from './compile-history';
import {
  dateSegmentFields, numericSegmentFields, parseSegmentRule, type SegmentAttributeRule, type SegmentRule,
} from './rule';

type Sql = Queryable;
export type SqlCondition = postgres.Fragment;
/** Rules of the saved segments a rule refers to, already checked for cycles (see resolve.ts). */
export type SegmentRefs = ReadonlyMap<string, SegmentRule>;

/**
 * The FROM clause compiled conditions expect. Order conditions read the per-customer
 * aggregates `s`; without any, the join is left out (a count then scans customers only).
 */
export function segmentSource(sql: Sql, rule?: SegmentRule, refs: SegmentRefs = new Map()): SqlCondition {
  if (rule && !usesOrderStats(rule, refs, new Set())) return sql`customers c`;
  return sql`customers c left join customer_order_stats s on s.workspace_id = c.workspace_id and s.customer_id = c.id`;
}

/**
 * True when no customer without orders can match (e.g. "5 or more orders"). The caller then adds
 * the redundant `s.customer_id is not null`, which lets Postgres turn the left join into an
 * inner join and filter the aggregates before joining. Only a speed-up: the result is the same.
 */
export function requiresOrders(rule: SegmentRule, refs: SegmentRefs, seen = new Set<string>()): boolean {
  switch (rule.kind) {
    case 'orders': {
      if (rule.measure === 'averageOrderValue' || rule.measure === 'daysSinceLastOrder') return true;
      if (rule.withinDays !== undefined) return false; // an old order alone measures 0 too
      const v = rule.value;
      const zeroMatches = { gte: 0 >= v, lte: 0 <= v, gt: 0 > v, lt: 0 < v, eq: v === 0 }[rule.op];
      return !zeroMatches;
    }
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

function usesOrderStats(rule: SegmentRule, refs: SegmentRefs, seen: Set<string>): boolean {
  if (rule.kind === 'orders') return true;
  if (rule.kind === 'group') return rule.rules.some((r) => usesOrderStats(r, refs, seen));
  if (rule.kind === 'segment' && !seen.has(rule.segmentId)) {
    seen.add(rule.segmentId);
    const referenced = refs.get(rule.segmentId);
    return referenced ? usesOrderStats(referenced, refs, seen) : false;
  }
  return false;
}

export function compileSegmentRule(sql: Sql, rule: unknown, now: Date, refs: SegmentRefs = new Map()): SqlCondition {
  return compileNode(sql, parseSegmentRule(rule), now, refs, []);
}

function compileNode(sql: Sql, rule: SegmentRule, now: Date, refs: SegmentRefs, path: string[]): SqlCondition {
  switch (rule.kind) {
    case 'group': return compileGroup(sql, rule.op, rule.rules.map((r) => compileNode(sql, r, now, refs, path)));
    case 'attribute': return compileAttribute(sql, rule, now);
    case 'orders': return compileOrders(sql, rule, now);
    case 'bought': return compileBought(sql, rule, now);
    case 'event': return compileEvent(sql, rule, now);
    case 'loyalty': return compileLoyalty(sql, rule);
    case 'email': return compileEmail(sql, rule, now);
    case 'segment': {
      const referenced = refs.get(rule.segmentId);
      if (!referenced) throw new Error(`Segment ${rule.segmentId} is not loaded (or does not exist)`);
      if (path.includes(rule.segmentId)) throw new Error(`Segment ${rule.segmentId} refers to itself`);
      // Inlined, so the membership is exact as of `now`, not as of the last membership check.
      const inner = compileNode(sql, referenced, now, refs, [...path, rule.segmentId]);
      return rule.negate ? sql`not (${inner})` : sql`(${inner})`;
    }
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
  if (field === 'birthdayDay') return sql`extract(day from c.birthday)::numeric`;
  if (field === 'signupDaysAgo') {
    return sql`floor(extract(epoch from (${now.toISOString()}::timestamptz - c.created_at)) / 86400)::numeric`;
  }
  return safeNumeric(sql, textExpression(sql, field));
}

function compileSignupDate(sql: Sql, rule: SegmentAttributeRule): SqlCondition {
  if (rule.op === 'exists') return sql`true`;
  const left = sql`(c.created_at at time zone 'UTC')::date`;
  const right = sql`${String(rule.value)}::date`;
  switch (rule.op) {
    case 'equals': return sql`${left} = ${right}`;
    case 'not_equals': return sql`${left} <> ${right}`;
    case 'gt': return sql`${left} > ${right}`;
    case 'lt': return sql`${left} < ${right}`;
    default: throw new Error(`Unhandled date operator ${rule.op} for field ${rule.field}`);
  }
}

function compileAttribute(sql: Sql, rule: SegmentAttributeRule, now: Date): SqlCondition {
  if (dateSegmentFields.includes(rule.field)) return compileSignupDate(sql, rule);
  const numericField = numericSegmentFields.includes(rule.field);
  const { value } = rule;
  if (rule.op === 'exists') {
    if (numericField) return sql`${numericExpression(sql, rule.field, now)} is not null`;
    return sql`coalesce(${textExpression(sql, rule.field)}, '') <> ''`;
  }
  // Numbers compare as numbers (42 equals "42.0"); text compares case-insensitively.
  if (numericField || rule.op === 'gt' || rule.op === 'lt' || typeof value === 'number') {
    const left = numericExpression(sql, rule.field, now);
    // Number(), not the raw text: "0x10" or " 1e3" pass validation as numbers and must not reach a numeric cast.
    const right = sql`${String(Number(value))}::numeric`;
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

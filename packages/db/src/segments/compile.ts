// Compiles a rule tree into ONE parameterised SQL condition over `customers c` left-joined to
// `customer_order_stats s` (see segmentSource). Every value and every custom attribute key
// travels as a bind parameter; the SQL text holds only constants chosen here. Time windows
// are computed from the caller's `now` (never SQL now()), so evaluation is reproducible
// under a controlled clock.
import { canonicalLanguageTag } from '@afterglow/i18n';
import type postgres from 'postgres';
import type { Queryable } from '../client';
import type { TierSettings } from '../loyalty';
import {
  compileBought, compileBoughtAny, compileEmail, compileEvent, compileLoyalty, compileOrders, compileTier,
} from './compile-history';
import {
  dateSegmentFields, numericSegmentFields, parseSegmentRule, type SegmentAttributeRule, type SegmentBoughtRule, type SegmentLanguageRule,
  type SegmentRule,
} from './rule';
import { usesOrderStats } from './subject-rules';

type Sql = Queryable;
export type SqlCondition = postgres.Fragment;
/** Rules of the saved segments a rule refers to, already checked for cycles (see resolve.ts). */
export type SegmentRefs = ReadonlyMap<string, SegmentRule>;

/**
 * The FROM clause compiled conditions expect when customers drive the query: order conditions
 * read the per-customer aggregates `s`; without any, the join is left out. (compileSegmentQuery
 * in subject.ts picks a smaller driving table when the rule allows it.)
 */
export function segmentSource(sql: Sql, rule?: SegmentRule, refs: SegmentRefs = new Map()): SqlCondition {
  if (rule && !usesOrderStats(rule, refs)) return sql`customers c`;
  return sql`customers c left join customer_order_stats s on s.workspace_id = c.workspace_id and s.customer_id = c.id`;
}

/**
 * How conditions are compiled for one query. `purchaseRow`: the query is driven by the
 * customer's own customer_purchases row `p0` for this (what, value) (unique per customer), so
 * any condition on the same purchase reads that row instead of searching the table again.
 */
export interface CompileContext {
  purchaseRow?: { what: SegmentBoughtRule['what']; value: string };
  /** The workspace's loyalty tiers, for tier conditions (segmentTiers loads them when a rule has one). */
  tiers?: TierSettings;
}

export function compileSegmentRule(
  sql: Sql, rule: unknown, now: Date, refs: SegmentRefs = new Map(), ctx: CompileContext = {},
): SqlCondition {
  return compileNode(sql, parseSegmentRule(rule), now, refs, [], ctx);
}

function compileNode(sql: Sql, rule: SegmentRule, now: Date, refs: SegmentRefs, path: string[], ctx: CompileContext): SqlCondition {
  switch (rule.kind) {
    case 'group': {
      const { merged, rest } = rule.op === 'or' ? mergeBoughtAlternatives(rule.rules, ctx) : { merged: [], rest: rule.rules };
      const parts = rest.map((r) => compileNode(sql, r, now, refs, path, ctx));
      return compileGroup(sql, rule.op, [...merged.map((m) => compileBoughtAny(sql, m, now)), ...parts]);
    }
    case 'attribute': return compileAttribute(sql, rule, now);
    case 'orders': return compileOrders(sql, rule, now);
    case 'bought': return compileBought(sql, rule, now, ctx.purchaseRow);
    case 'event': return compileEvent(sql, rule, now);
    case 'loyalty': return compileLoyalty(sql, rule);
    case 'tier': return compileTier(sql, rule, now, ctx.tiers);
    case 'email': return compileEmail(sql, rule, now);
    case 'language': return compileLanguage(sql, rule);
    // Containment, so the GIN index on customers.tags serves "has" over a whole workspace.
    case 'tag': return rule.op === 'has' ? sql`c.tags @> array[${rule.tag}::text]` : sql`not (c.tags @> array[${rule.tag}::text])`;
    case 'segment': {
      const referenced = refs.get(rule.segmentId);
      if (!referenced) throw new Error(`Segment ${rule.segmentId} is not loaded (or does not exist)`);
      if (path.includes(rule.segmentId)) throw new Error(`Segment ${rule.segmentId} refers to itself`);
      // Inlined, so the membership is exact as of `now`, not as of the last membership check.
      const inner = compileNode(sql, referenced, now, refs, [...path, rule.segmentId], ctx);
      return rule.negate ? sql`not (${inner})` : sql`(${inner})`;
    }
  }
}

/**
 * "Bought Sony or bought Canon": positive purchase conditions of one kind and window, side by
 * side in an "any of" group, become one search over both values (one semi-join for the
 * planner instead of a hashed subplan per value; the meaning is the same).
 */
function mergeBoughtAlternatives(rules: SegmentRule[], ctx: CompileContext) {
  const groups = new Map<string, SegmentBoughtRule[]>();
  const rest: SegmentRule[] = [];
  for (const r of rules) {
    const own = ctx.purchaseRow && r.kind === 'bought' && r.what === ctx.purchaseRow.what && r.value === ctx.purchaseRow.value;
    if (r.kind !== 'bought' || r.negate || own) { rest.push(r); continue; }
    const key = `${r.what}:${r.withinDays ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const merged: SegmentBoughtRule[][] = [];
  for (const g of groups.values()) (g.length > 1 ? merged.push(g) : rest.push(g[0]));
  return { merged, rest };
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
  // date_part (double precision), not extract (numeric): half the cost per customer, and exact
  // for whole months and days.
  if (field === 'birthdayMonth') return sql`date_part('month', c.birthday)`;
  if (field === 'birthdayDay') return sql`date_part('day', c.birthday)`;
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

/** The language, or a narrower tag of it: customers.locale holds canonical tags, so subtags compare as text. */
function compileLanguage(sql: Sql, rule: SegmentLanguageRule): SqlCondition {
  if (rule.op === 'unknown') return sql`c.locale is null`;
  const language = canonicalLanguageTag(rule.language);
  if (language === null) throw new Error(`Not a language tag: ${rule.language}`);
  return sql`coalesce(c.locale = ${language}::text or starts_with(c.locale, ${`${language}-`}::text), false)`;
}

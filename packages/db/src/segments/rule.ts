// A segment is a rule tree over customers, their orders, events, loyalty points and other
// segments, stored as jsonb in segments.rule and validated here at every boundary.
import { canonicalLanguageTag, MAX_LANGUAGE_TAG } from '@afterglow/i18n';
import { z } from 'zod';
import type { SegmentRule } from './rule-types';

export * from './rule-types';

/** Customer columns a rule can name; any other field is a key of customers.attributes. */
export const builtInSegmentFields = [
  'email', 'firstName', 'lastName', 'timezone', 'birthdayMonth', 'birthdayDay', 'signupDaysAgo', 'signupDate',
] as const;
export type BuiltInSegmentField = (typeof builtInSegmentFields)[number];
/** Built-in fields compared as numbers (contains makes no sense for them). */
export const numericSegmentFields: readonly string[] = ['birthdayMonth', 'birthdayDay', 'signupDaysAgo'];
/** Built-in fields compared as calendar dates (YYYY-MM-DD). */
export const dateSegmentFields: readonly string[] = ['signupDate'];

export const attributeOps = ['equals', 'not_equals', 'contains', 'gt', 'lt', 'exists'] as const;
export const orderOps = ['gte', 'lte', 'gt', 'lt', 'eq'] as const;
export const orderMeasures = ['count', 'totalSpent', 'averageOrderValue', 'daysSinceLastOrder'] as const;
export const boughtKinds = ['product', 'category', 'brand'] as const;

const MAX_DEPTH = 6;
const MAX_CONDITIONS = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Postgres text cannot hold NUL: refuse it here rather than fail inside the query.
const noNul = (t: string) => !t.includes('\u0000');
const NUL_MESSAGE = 'Text cannot contain NUL characters';

const withinDays = z.number().int('Days must be a whole number').min(1, 'At least 1 day').max(36_500, 'At most 100 years').optional();

const attributeRule = z.object({
  kind: z.literal('attribute'),
  field: z.string().trim().min(1, 'Choose a field').max(100, 'Field names are at most 100 characters').refine(noNul, NUL_MESSAGE),
  op: z.enum(attributeOps),
  value: z.union([z.string().max(500).refine(noNul, NUL_MESSAGE), z.number().finite(), z.boolean()]).optional(),
}).superRefine((r, ctx) => {
  if (r.op === 'exists') return;
  if (r.value === undefined || r.value === '') {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `Enter a value for field “${r.field}”` });
  } else if (dateSegmentFields.includes(r.field)) {
    if (r.op === 'contains') ctx.addIssue({ code: 'custom', path: ['op'], message: `“${r.field}” is a date: use equals, before or after` });
    else if (!DATE.test(String(r.value)) || Number.isNaN(Date.parse(String(r.value)))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `“${r.field}” needs a date like 2024-01-31` });
    }
  } else if ((r.op === 'gt' || r.op === 'lt') && !Number.isFinite(Number(r.value))) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `“${r.field}” ${r.op === 'gt' ? 'greater' : 'less'} than needs a number` });
  } else if (numericSegmentFields.includes(r.field) && r.op === 'contains') {
    ctx.addIssue({ code: 'custom', path: ['op'], message: `“${r.field}” is a number: use equals, greater or less than` });
  } else if (numericSegmentFields.includes(r.field) && !Number.isFinite(Number(r.value))) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `“${r.field}” needs a number` });
  }
});

const ordersRule = z.object({
  kind: z.literal('orders'),
  measure: z.enum(orderMeasures),
  op: z.enum(orderOps),
  value: z.number().finite().min(0, 'Use a value of 0 or more'),
  withinDays,
}).superRefine((r, ctx) => {
  if (r.measure === 'daysSinceLastOrder' && r.withinDays !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['withinDays'], message: 'Days since the last order takes no time window' });
  }
});

const boughtRule = z.object({
  kind: z.literal('bought'),
  what: z.enum(boughtKinds),
  value: z.string().trim().min(1, 'Choose a product, category or brand').max(300).refine(noNul, NUL_MESSAGE),
  withinDays,
  negate: z.boolean().optional(),
});

const eventRule = z.object({
  kind: z.literal('event'),
  name: z.string().trim().min(1, 'Name the event').max(200).refine(noNul, NUL_MESSAGE),
  minCount: z.number().int('A whole number of times').min(1, 'At least once').max(1_000_000).default(1),
  withinDays,
  negate: z.boolean().optional(),
});

const loyaltyRule = z.object({
  kind: z.literal('loyalty'),
  measure: z.literal('points'),
  op: z.enum(orderOps),
  value: z.number().finite(),
});

const tierRule = z.object({
  kind: z.literal('tier'),
  op: z.enum(['is', 'atLeast']),
  // A tier id of the workspace's loyalty settings (checked against them when saved and compiled).
  tier: z.string({ error: 'Choose a loyalty tier' }).trim().min(1, 'Choose a loyalty tier').max(60, 'Choose a loyalty tier'),
});

const emailRule = z.object({
  kind: z.literal('email'),
  action: z.enum(['open', 'click']),
  withinDays,
  negate: z.boolean().optional(),
});

const languageRule = z.object({
  kind: z.literal('language'),
  op: z.enum(['is', 'unknown']),
  language: z.string().trim().max(MAX_LANGUAGE_TAG).optional(),
}).superRefine((r, ctx) => {
  if (r.op === 'is' && canonicalLanguageTag(r.language) === null) {
    ctx.addIssue({ code: 'custom', path: ['language'], message: 'Choose a language (a language tag such as sr, sr-Latn or ru)' });
  }
});

const tagRule = z.object({
  kind: z.literal('tag'),
  op: z.enum(['has', 'lacks']),
  tag: z.string().trim().min(1, 'Name the tag').max(100, 'Tags are at most 100 characters').refine(noNul, NUL_MESSAGE),
});

const segmentRefRule = z.object({
  kind: z.literal('segment'),
  segmentId: z.string().trim().min(1, 'Choose a segment').max(100).refine(noNul, NUL_MESSAGE),
  negate: z.boolean().optional(),
});

const groupRule = z.object({
  kind: z.literal('group'),
  op: z.enum(['and', 'or']),
  // A getter makes the schema recursive (zod 4); the annotation breaks the type cycle.
  get rules(): z.ZodArray<z.ZodType<SegmentRule>> {
    return z.array(anyRule).max(50, 'A group holds at most 50 rules');
  },
});

// Discriminated by kind, so a bad condition reports its own fields, not "no union member matched".
const anyRule = z.discriminatedUnion('kind', [
  groupRule, attributeRule, ordersRule, boughtRule, eventRule, loyaltyRule, tierRule, emailRule, languageRule, tagRule,
  segmentRefRule,
]) as unknown as z.ZodType<SegmentRule>;

function measure(rule: SegmentRule, depth = 1): { depth: number; conditions: number } {
  if (rule.kind !== 'group') return { depth, conditions: 1 };
  return rule.rules.map((r) => measure(r, depth + 1)).reduce(
    (acc, m) => ({ depth: Math.max(acc.depth, m.depth), conditions: acc.conditions + m.conditions }),
    { depth, conditions: 0 },
  );
}

/** The rule tree as stored and sent by the segment editor. */
export const segmentRuleSchema: z.ZodType<SegmentRule> = anyRule.superRefine((rule, ctx) => {
  const m = measure(rule);
  if (m.depth > MAX_DEPTH) ctx.addIssue({ code: 'custom', message: `Groups nest at most ${MAX_DEPTH} levels deep` });
  if (m.conditions > MAX_CONDITIONS) ctx.addIssue({ code: 'custom', message: `A segment has at most ${MAX_CONDITIONS} conditions` });
});

/** Thrown when a rule does not parse; names the path of each bad field. */
export class SegmentRuleError extends Error {
  constructor(readonly issues: { field: string; message: string }[]) {
    super(`Invalid segment rule: ${issues.map((i) => `${i.field || 'rule'}: ${i.message}`).join('; ')}`);
    this.name = 'SegmentRuleError';
  }
}

export function parseSegmentRule(input: unknown): SegmentRule {
  const parsed = segmentRuleSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new SegmentRuleError(parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
}

/** Ids of the segments a rule refers to (directly). */
export function referencedSegments(rule: SegmentRule): string[] {
  if (rule.kind === 'segment') return [rule.segmentId];
  if (rule.kind === 'group') return [...new Set(rule.rules.flatMap(referencedSegments))];
  return [];
}

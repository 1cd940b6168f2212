// A segment is a rule tree over customers, their orders, events, loyalty points and other
// segments, stored as jsonb in segments.rule and validated here at every boundary.
import { canonicalLanguageTag, MAX_LANGUAGE_TAG } from '@afterglow/i18n';
import { builtInSegmentFields, fieldRange, opsForField, segmentFieldType, attributeOps } from '@afterglow/journey-core';
import { z } from 'zod';
import type { SegmentRule } from './rule-types';

export * from './rule-types';

export { attributeOps, builtInSegmentFields, type BuiltInSegmentField } from '@afterglow/journey-core';
/** Built-in fields compared as numbers (contains makes no sense for them). */
export const numericSegmentFields: readonly string[] = builtInSegmentFields.filter((f) => ['number', 'month', 'day'].includes(segmentFieldType(f)));
/** Built-in fields compared as calendar dates (YYYY-MM-DD). */
export const dateSegmentFields: readonly string[] = builtInSegmentFields.filter((f) => segmentFieldType(f) === 'date');

/**
 * What an attribute condition is refused for. Said on the input itself in the editor (the issue's
 * path names it), so the words need not repeat the field; fixed, so they are translated.
 */
export const attributeRuleMessages = {
  value: 'Enter a value',
  text: 'For text, choose is, is not, contains or is set',
  number: 'For a number, choose is, is not, greater than, less than or is set',
  date: 'For a date, choose is on, is not on, after or before',
  dateValue: 'Enter a date such as 2024-01-31',
  numberValue: 'Enter a number',
  month: 'Enter a month from 1 to 12',
  day: 'Enter a day of the month from 1 to 31',
} as const;

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
  const type = segmentFieldType(r.field);
  const say = (path: 'op' | 'value', message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (!opsForField(r.field).includes(r.op)) return say('op', attributeRuleMessages[type === 'date' ? 'date' : type === 'text' ? 'text' : 'number']);
  if (r.op === 'exists') return;
  if (r.value === undefined || r.value === '') return say('value', attributeRuleMessages.value);
  const text = String(r.value);
  if (type === 'date') {
    if (!DATE.test(text) || Number.isNaN(Date.parse(text))) say('value', attributeRuleMessages.dateValue);
    return;
  }
  const numeric = type !== 'text' && type !== 'any';
  if ((numeric || r.op === 'gt' || r.op === 'lt') && (text.trim() === '' || !Number.isFinite(Number(r.value)))) return say('value', attributeRuleMessages.numberValue);
  const range = fieldRange(type);
  if (range) {
    const n = Number(r.value);
    if (!Number.isInteger(n) || n < range.min || n > range.max) say('value', attributeRuleMessages[type === 'month' ? 'month' : 'day']);
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

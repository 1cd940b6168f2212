// A segment is a rule tree over customers and their orders, stored as jsonb in
// segments.rule and validated here at every boundary (save, preview, evaluation).
import { z } from 'zod';

/** Customer columns a rule can name; any other field is a key of customers.attributes. */
export const builtInSegmentFields = ['email', 'firstName', 'lastName', 'timezone', 'birthdayMonth', 'signupDaysAgo'] as const;
export type BuiltInSegmentField = (typeof builtInSegmentFields)[number];
/** Built-in fields compared as numbers (contains makes no sense for them). */
export const numericSegmentFields: readonly string[] = ['birthdayMonth', 'signupDaysAgo'];

export const attributeOps = ['equals', 'not_equals', 'contains', 'gt', 'lt', 'exists'] as const;
export const orderOps = ['gte', 'lte', 'gt', 'lt', 'eq'] as const;

export interface SegmentGroupRule {
  kind: 'group';
  op: 'and' | 'or';
  rules: SegmentRule[];
}
export interface SegmentAttributeRule {
  kind: 'attribute';
  /** A built-in field or a custom attribute key. */
  field: string;
  op: (typeof attributeOps)[number];
  /** Ignored for `exists`; a number (or numeric text) for `gt` / `lt`. */
  value?: string | number | boolean;
}
export interface SegmentOrdersRule {
  kind: 'orders';
  measure: 'count' | 'totalSpent';
  op: (typeof orderOps)[number];
  value: number;
  /** Only orders placed in the last N days (relative to the evaluation's `now`). */
  withinDays?: number;
}
export interface SegmentBoughtRule {
  kind: 'bought';
  what: 'product' | 'category';
  /** A product id, or a category name (also matches its sub-categories "A > B"). */
  value: string;
  withinDays?: number;
  /** true: has NOT bought it (in the window). */
  negate?: boolean;
}
export type SegmentRule = SegmentGroupRule | SegmentAttributeRule | SegmentOrdersRule | SegmentBoughtRule;

const MAX_DEPTH = 6;
const MAX_CONDITIONS = 100;

const withinDays = z.number().int('Days must be a whole number').min(1, 'At least 1 day').max(36_500, 'At most 100 years').optional();

const attributeRule = z.object({
  kind: z.literal('attribute'),
  field: z.string().trim().min(1, 'Choose a field').max(100, 'Field names are at most 100 characters'),
  op: z.enum(attributeOps),
  value: z.union([z.string().max(500), z.number().finite(), z.boolean()]).optional(),
}).superRefine((r, ctx) => {
  if (r.op === 'exists') return;
  if (r.value === undefined || r.value === '') {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `Enter a value for field “${r.field}”` });
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
  measure: z.enum(['count', 'totalSpent']),
  op: z.enum(orderOps),
  value: z.number().finite().min(0, 'Use a value of 0 or more'),
  withinDays,
});

const boughtRule = z.object({
  kind: z.literal('bought'),
  what: z.enum(['product', 'category']),
  value: z.string().trim().min(1, 'Choose a product or category').max(300),
  withinDays,
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
const anyRule: z.ZodType<SegmentRule> = z.discriminatedUnion('kind', [groupRule, attributeRule, ordersRule, boughtRule]);

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

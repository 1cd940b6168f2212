// What each customer field of a segment condition holds, and so which comparisons make sense
// for it: one table read by the segment editor (the operators it offers) and by the rule
// schema (what it refuses), so the two never disagree. A custom attribute's type is unknown,
// so it is offered every comparison and its value decides (numbers compare as numbers).

export const builtInSegmentFields = [
  'email', 'firstName', 'lastName', 'timezone', 'birthdayMonth', 'birthdayDay', 'signupDaysAgo', 'signupDate',
] as const;
export type BuiltInSegmentField = (typeof builtInSegmentFields)[number];

export const attributeOps = ['equals', 'not_equals', 'contains', 'gt', 'lt', 'exists'] as const;
export type AttributeOp = (typeof attributeOps)[number];

/** month: 1-12; day: 1-31; number: any number; date: YYYY-MM-DD; text: words; any: a custom attribute. */
export type SegmentFieldType = 'text' | 'number' | 'month' | 'day' | 'date' | 'any';

const fieldTypes: Record<BuiltInSegmentField, SegmentFieldType> = {
  email: 'text', firstName: 'text', lastName: 'text', timezone: 'text',
  birthdayMonth: 'month', birthdayDay: 'day', signupDaysAgo: 'number', signupDate: 'date',
};

const numberOps: readonly AttributeOp[] = ['equals', 'not_equals', 'gt', 'lt', 'exists'];
const opsByType: Record<SegmentFieldType, readonly AttributeOp[]> = {
  // Text is not ordered in any way a marketer means ("email greater than"), so no gt/lt.
  text: ['equals', 'not_equals', 'contains', 'exists'],
  number: numberOps,
  month: numberOps,
  day: numberOps,
  // Before / after / on; every customer has a signup date, so "exists" would say nothing.
  date: ['equals', 'not_equals', 'gt', 'lt'],
  any: attributeOps,
};

export const segmentFieldType = (field: string): SegmentFieldType =>
  (fieldTypes as Record<string, SegmentFieldType | undefined>)[field] ?? 'any';

/** The comparisons a field's values allow, in the order the editor lists them. */
export const opsForField = (field: string): readonly AttributeOp[] => opsByType[segmentFieldType(field)];

/** The whole-number range of a bounded field (month 1-12, day of month 1-31). */
export const fieldRange = (type: SegmentFieldType): { min: number; max: number } | null =>
  type === 'month' ? { min: 1, max: 12 } : type === 'day' ? { min: 1, max: 31 } : null;

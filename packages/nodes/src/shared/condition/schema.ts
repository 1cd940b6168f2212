// One property condition as a marketer writes it: what to look at (a customer field, the
// trigger event's property, something an earlier step stored, the order's value), how to
// compare it, and with what. Shared by "Condition: property" and each rule of the multi-way
// split. Every field always parses (hidden ones keep their defaults); whether the fields the
// chosen comparison needs are filled in is checked by `conditionIssues`, so a hidden field
// never blocks a save.
import { z } from 'zod';

const SOURCES = ['customer', 'event', 'context', 'order'] as const;
const CUSTOMER_FIELDS = ['email', 'firstName', 'lastName', 'locale', 'timezone', 'birthday', 'tags', 'attribute'] as const;
const OPERATORS = [
  'equals', 'not_equals', 'contains', 'greater_than', 'less_than', 'between', 'is_set', 'is_not_set',
  'in_list', 'not_in_list', 'before', 'after', 'within_last_days',
] as const;
export type Operator = (typeof OPERATORS)[number];

const SOURCE_LABELS: Record<(typeof SOURCES)[number], string> = {
  customer: 'A customer field', event: 'The event that started the journey',
  context: 'Something an earlier step stored', order: 'The order’s value',
};
const FIELD_LABELS: Record<(typeof CUSTOMER_FIELDS)[number], string> = {
  email: 'Email', firstName: 'First name', lastName: 'Last name', locale: 'Language', timezone: 'Time zone',
  birthday: 'Birthday', tags: 'Tags', attribute: 'Another attribute…',
};
const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'is', not_equals: 'is not', contains: 'contains', greater_than: 'is greater than', less_than: 'is less than',
  between: 'is between', is_set: 'is set', is_not_set: 'is not set', in_list: 'is one of', not_in_list: 'is none of',
  before: 'is before', after: 'is after', within_last_days: 'is within the last days',
};

const options = <T extends string>(labels: Record<T, string>) => Object.entries(labels).map(([value, label]) => ({ value, label: label as string }));

export const conditionShape = {
  source: z.enum(SOURCES).meta({ label: 'Check', widget: 'select', options: options(SOURCE_LABELS) }),
  customerField: z.enum(CUSTOMER_FIELDS).meta({ label: 'Customer field', widget: 'select', options: options(FIELD_LABELS), showIf: { source: 'customer' } }),
  attribute: z.string().trim().max(100, 'At most 100 characters').meta({
    label: 'Attribute', placeholder: 'e.g. vip_level', help: 'As your shop sends it with the customer; a dot reaches inside: address.city',
    showIf: { source: 'customer', customerField: 'attribute' },
  }),
  eventProperty: z.string().trim().max(100, 'At most 100 characters').meta({
    label: 'Event property', widget: 'event-property', placeholder: 'e.g. shipping.country', help: 'A property of the event that started the journey', showIf: { source: 'event' },
  }),
  contextKey: z.string().trim().max(100, 'At most 100 characters').meta({
    label: 'Stored value', placeholder: 'coupon', help: 'coupon: the coupon an earlier step issued (coupon.value for its value)', showIf: { source: 'context' },
  }),
  operator: z.enum(OPERATORS).meta({ label: 'Condition', widget: 'select', options: options(OPERATOR_LABELS) }),
  value: z.string().trim().max(500, 'At most 500 characters').meta({ label: 'Value', showIf: { operator: ['equals', 'not_equals', 'contains'] } }),
  number: z.number({ error: 'Enter a number' }).finite().meta({ label: 'Number', showIf: { operator: ['greater_than', 'less_than', 'between'] } }),
  numberTo: z.number({ error: 'Enter a number' }).finite().meta({ label: 'And', showIf: { operator: 'between' } }),
  date: z.string().meta({ label: 'Date', widget: 'datetime', showIf: { operator: ['before', 'after'] } }),
  days: z.number({ error: 'Enter a number of days' }).default(30).meta({ label: 'Days', showIf: { operator: 'within_last_days' } }),
  values: z.array(z.string().trim().max(200, 'At most 200 characters')).max(50, 'At most 50 values')
    .meta({ label: 'Values', widget: 'list', showIf: { operator: ['in_list', 'not_in_list'] } }),
};

export const conditionSchema = z.object(conditionShape);
export type Condition = z.output<typeof conditionSchema>;

export const conditionDefaults: z.input<typeof conditionSchema> = {
  source: 'customer', customerField: 'email', attribute: '', eventProperty: '', contextKey: '',
  operator: 'is_set', value: '', number: 0, numberTo: 0, date: '', days: 30, values: [],
};

type Kind = 'text' | 'number' | 'date' | 'any';
/** What a subject holds, so a comparison that cannot fit it is refused while the form is open. */
function kindOf(c: Pick<Condition, 'source' | 'customerField'>): Kind {
  if (c.source === 'order') return 'number';
  if (c.source !== 'customer' || c.customerField === 'attribute') return 'any';
  return c.customerField === 'birthday' ? 'date' : 'text';
}

const FITS: Record<Exclude<Kind, 'any'>, readonly Operator[]> = {
  text: ['equals', 'not_equals', 'contains', 'is_set', 'is_not_set', 'in_list', 'not_in_list'],
  number: ['equals', 'not_equals', 'greater_than', 'less_than', 'between', 'is_set', 'is_not_set', 'in_list', 'not_in_list'],
  date: ['before', 'after', 'within_last_days', 'is_set', 'is_not_set'],
};
const MISFIT: Record<Exclude<Kind, 'any'>, string> = {
  text: 'This field is text: choose is, is not, contains, is one of or is set',
  number: 'The order’s value is a number: compare it with a number',
  date: 'This field is a date: choose before, after or within the last days',
};

/** Problems of one condition, at `path` (the config's root, or a rule of a list). */
export function conditionIssues(c: Condition, add: (path: (string | number)[], message: string) => void): void {
  if (c.source === 'customer' && c.customerField === 'attribute' && !c.attribute) add(['attribute'], 'Name the attribute');
  if (c.source === 'event' && !c.eventProperty) add(['eventProperty'], 'Name the event property');
  if (c.source === 'context' && !c.contextKey) add(['contextKey'], 'Name the stored value, e.g. coupon');
  const kind = kindOf(c);
  if (kind !== 'any' && !FITS[kind].includes(c.operator)) add(['operator'], MISFIT[kind]);
  switch (c.operator) {
    case 'equals': case 'not_equals': case 'contains':
      if (!c.value) add(['value'], 'Enter a value');
      break;
    case 'between':
      if (c.number > c.numberTo) add(['numberTo'], 'The second number must not be smaller than the first');
      break;
    case 'before': case 'after':
      if (Number.isNaN(Date.parse(c.date))) add(['date'], 'Choose a date');
      break;
    case 'within_last_days':
      if (!Number.isInteger(c.days) || c.days < 1 || c.days > 36_500) add(['days'], 'Use whole days from 1 to 36500');
      break;
    case 'in_list': case 'not_in_list':
      if (!c.values.some((v) => v !== '')) add(['values'], 'Add at least one value');
      break;
  }
}

import { defineNodeType, type DateSource } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const sources = ['birthday', 'signup', 'first_order', 'attribute'] as const;

const config = z.object({
  source: z.enum(sources).meta({
    label: 'Date', widget: 'select',
    options: [
      { value: 'birthday', label: 'birthday' },
      { value: 'signup', label: 'sign-up anniversary' },
      { value: 'first_order', label: 'first order anniversary' },
      { value: 'attribute', label: 'a date attribute' },
    ],
  }),
  attribute: z.string().trim().max(100, 'At most 100 characters')
    .meta({ label: 'Attribute', placeholder: 'membership_renewal', help: 'Holds a date such as 2027-03-14', showIf: { source: 'attribute' } }),
  when: z.enum(['on', 'before', 'after']).meta({
    label: 'When', widget: 'select',
    options: [{ value: 'on', label: 'on the day' }, { value: 'before', label: 'days before' }, { value: 'after', label: 'days after' }],
  }),
  days: z.number().int('Use a whole number').min(1, 'At least 1 day').max(365, 'At most 365 days')
    .meta({ label: 'Days', showIf: { when: ['before', 'after'] } }),
  repeat: z.enum(['yearly', 'once']).meta({
    label: 'Repeat', widget: 'select',
    options: [{ value: 'yearly', label: 'every year' }, { value: 'once', label: 'once, on the date itself' }],
    help: 'Born on 29 February: 28 February in other years',
  }),
  hour: z.number().int('Use a whole hour').min(0, 'Hour is 0–23').max(23, 'Hour is 0–23')
    .meta({ label: 'At hour', help: '0–23, in the customer’s own time zone' }),
}).refine((c) => c.source !== 'attribute' || c.attribute !== '', { message: 'Name the attribute that holds the date', path: ['attribute'] });
export type DateTriggerConfig = z.output<typeof config>;

const sourceOf = (c: DateTriggerConfig): DateSource =>
  c.source === 'attribute' ? { field: 'attribute', name: c.attribute } : { field: c.source };

export const triggerDate = defineNodeType({
  id: 'core/trigger-date',
  version: 1,
  category: 'trigger',
  config,
  defaults: { source: 'birthday', attribute: '', when: 'on', days: 7, repeat: 'yearly', hour: 9 },
  ui: {
    label: 'Date in the profile',
    description: 'Starts the journey on a date of each customer: a birthday, a sign-up or first-order anniversary, or any date attribute.',
    icon: 'gift',
    color: 'violet',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  trigger: {
    eventName: () => null,
    matches: () => false,
    entryKey: () => 'date',
    calendar: (c) => ({
      kind: 'date', source: sourceOf(c), hour: c.hour, repeat: c.repeat,
      offsetDays: c.when === 'on' ? 0 : c.when === 'before' ? -c.days : c.days,
    }),
  },
  translations,
});

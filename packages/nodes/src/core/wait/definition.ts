import { addDuration, defineNodeType, nextLocalTime, sleepUntil } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { untilDate } from './dates';
import { ENGLISH_DAYS, summaries } from './summaries';
import { translations } from './translations';

const units = ['minutes', 'hours', 'days', 'weeks'] as const;
/** Where a date comes from: the first two are moments, the rest a date in the customer's data. */
const SOURCES = ['step', 'trigger', 'birthday', 'attribute', 'event'] as const;
const DATA_SOURCES: readonly string[] = ['birthday', 'attribute', 'event'];
const FROM_DATA = { mode: ['relative', 'window'], from: ['birthday', 'attribute', 'event'] };
const clockOptions = (none: string) => [{ value: -1, label: none }, ...Array.from({ length: 24 }, (_, h) => ({ value: h, label: `${String(h).padStart(2, '0')}:00` }))];

// Every field added after the first four modes has a default, so a config saved before them
// parses to the same wait it always was (no new version: see the Wait section of docs/nodes.md).
const config = z.object({
  mode: z.enum(['duration', 'until', 'date', 'relative', 'window']).meta({
    label: 'Wait', widget: 'select',
    options: [
      { value: 'duration', label: 'for a period of time' },
      { value: 'until', label: 'until a day and hour (customer’s time zone)' },
      { value: 'date', label: 'until a date and time' },
      { value: 'relative', label: 'until a date from the customer’s data, before or after it' },
      { value: 'window', label: 'a random time within a window of days' },
    ],
  }),
  amount: z.number().int('Use a whole number').min(1, 'Wait at least 1').max(3650, 'At most 3650')
    .meta({ label: 'For', showIf: { mode: 'duration' } }),
  unit: z.enum(units).meta({ label: 'Unit', widget: 'select', options: units.map((u) => ({ value: u, label: u })), showIf: { mode: 'duration' } }),
  weekday: z.number().int().min(-1).max(6).meta({
    label: 'Day', widget: 'select', showIf: { mode: 'until' },
    options: [{ value: -1, label: 'the next day at that hour' }, ...ENGLISH_DAYS.map((d, i) => ({ value: i, label: `next ${d}` }))],
  }),
  hour: z.number().int('Use a whole hour').min(0, 'Hour is 0–23').max(23, 'Hour is 0–23')
    .meta({ label: 'At hour', help: '0–23, in the customer’s own time zone', showIf: { mode: 'until' } }),
  at: z.union([z.literal(''), z.iso.datetime({ offset: true, message: 'A date and time, e.g. 2026-12-24T09:00:00+01:00' })]).default('')
    .meta({ label: 'Date and time', widget: 'datetime', showIf: { mode: 'date' } }),
  atZone: z.enum(['customer', 'exact']).default('customer').meta({
    label: 'Whose clock', widget: 'select', showIf: { mode: 'date' },
    options: [{ value: 'customer', label: 'this date and time in each customer’s time zone' }, { value: 'exact', label: 'this exact moment for everyone' }],
  }),
  from: z.enum(SOURCES).default('trigger').meta({
    label: 'Counted from', widget: 'select', showIf: { mode: ['relative', 'window'] },
    options: [
      { value: 'step', label: 'when the customer reaches this step' },
      { value: 'trigger', label: 'the event that started the journey' },
      { value: 'birthday', label: 'the customer’s birthday' },
      { value: 'attribute', label: 'a date attribute of the customer' },
      { value: 'event', label: 'a date in the event that started the journey' },
    ],
  }),
  field: z.string().trim().max(200, 'At most 200 characters').default('').meta({
    label: 'Attribute or property', placeholder: 'renewal_date', showIf: { mode: ['relative', 'window'], from: ['attribute', 'event'] },
    help: 'Its name as the shop sends it; a date (2026-05-14) or a date and time (2026-05-14T10:00:00Z)',
  }),
  yearly: z.boolean().default(false).meta({
    label: 'Every year', help: 'Its next anniversary, like a birthday (29 February: 28 February in other years)',
    showIf: { mode: ['relative', 'window'], from: ['attribute', 'event'] },
  }),
  direction: z.enum(['after', 'before']).default('after').meta({
    label: 'Before or after', widget: 'select', showIf: { mode: 'relative' },
    options: [{ value: 'after', label: 'after the date' }, { value: 'before', label: 'before the date' }],
  }),
  offset: z.number().int('Use a whole number').min(0, 'At least 0').max(3650, 'At most 3650').default(0)
    .meta({ label: 'By', showIf: { mode: 'relative' } }),
  offsetUnit: z.enum(['days', 'hours']).default('days').meta({
    label: 'Unit', widget: 'select', showIf: { mode: 'relative' }, options: [{ value: 'days', label: 'days' }, { value: 'hours', label: 'hours' }],
  }),
  minDays: z.number().int('Use a whole number').min(0, 'At least 0').max(3650, 'At most 3650').default(7)
    .meta({ label: 'From (days after)', showIf: { mode: 'window' } }),
  maxDays: z.number().int('Use a whole number').min(0, 'At least 0').max(3650, 'At most 3650').default(15)
    .meta({ label: 'To (days after)', showIf: { mode: 'window' } }),
  atHour: z.number().int('Use a whole hour').min(-1).max(23, 'Hour is 0–23').default(-1).meta({
    label: 'At', widget: 'select', help: 'In the customer’s own time zone', showIf: { mode: ['relative', 'window'] },
    options: clockOptions('the date’s own time (any time in a window)'),
  }),
  ifMissing: z.enum(['continue', 'branch']).default('continue').meta({
    label: 'Without that date', widget: 'select', showIf: FROM_DATA,
    options: [{ value: 'continue', label: 'go on at once' }, { value: 'branch', label: 'take the “No date” branch' }],
  }),
}).superRefine((c, issue) => {
  if (c.mode === 'date' && c.at === '') issue.addIssue({ code: 'custom', path: ['at'], message: 'Choose a date and time' });
  const named = c.from === 'attribute' || c.from === 'event';
  if ((c.mode === 'relative' || c.mode === 'window') && named && c.field === '') {
    issue.addIssue({ code: 'custom', path: ['field'], message: 'Name the attribute or property' });
  }
  if (c.mode === 'window' && c.minDays > c.maxDays) issue.addIssue({ code: 'custom', path: ['maxDays'], message: 'At least the first day' });
});
export type WaitConfig = z.output<typeof config>;

/** Whether the wait reads a date the customer may not have. */
const readsData = (c: WaitConfig) => (c.mode === 'relative' || c.mode === 'window') && DATA_SOURCES.includes(c.from);

export const wait = defineNodeType({
  id: 'core/wait',
  version: 1,
  category: 'wait',
  config,
  defaults: { mode: 'duration', amount: 3, unit: 'days', weekday: -1, hour: 10 },
  ui: {
    label: 'Wait',
    description: 'Holds the customer for a while, until a day and hour, a date, a date from their data, or a random day in a window.',
    icon: 'clock',
    color: 'amber',
    branches: (c) => [{ id: 'out', label: 'Then' }, ...(readsData(c) && c.ifMissing === 'branch' ? [{ id: 'missing', label: 'No date' }] : [])],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  counters: [{ id: 'missing', label: 'No date', tone: 'bad' }, { id: 'past', label: 'Date passed' }],
  execute: (ctx, c) => {
    if (c.mode === 'duration') return sleepUntil(addDuration(ctx.now(), c.amount, c.unit));
    if (c.mode === 'until') return sleepUntil(nextLocalTime(ctx.now(), ctx.customer.timezone, c.hour, c.weekday < 0 ? undefined : c.weekday));
    return untilDate(ctx, c);
  },
  translations,
});

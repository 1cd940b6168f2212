import { addDuration, defineNodeType, nextLocalTime, sleepUntil } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { ENGLISH_DAYS, summaries, translations } from './translations';

const units = ['minutes', 'hours', 'days', 'weeks'] as const;

const config = z.object({
  mode: z.enum(['duration', 'until']).meta({
    label: 'Wait', widget: 'select',
    options: [{ value: 'duration', label: 'for a period of time' }, { value: 'until', label: 'until a day and hour (customer’s time zone)' }],
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
});
export type WaitConfig = z.output<typeof config>;

export const wait = defineNodeType({
  id: 'core/wait',
  version: 1,
  category: 'wait',
  config,
  defaults: { mode: 'duration', amount: 3, unit: 'days', weekday: -1, hour: 10 },
  ui: {
    label: 'Wait',
    description: 'Holds the customer for a while, or until a weekday and hour in their time zone.',
    icon: 'clock',
    color: 'amber',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale) => summarize(summaries, c, locale),
  },
  execute: (ctx, c) =>
    c.mode === 'duration'
      ? sleepUntil(addDuration(ctx.now(), c.amount, c.unit))
      : sleepUntil(nextLocalTime(ctx.now(), ctx.customer.timezone, c.hour, c.weekday < 0 ? undefined : c.weekday)),
  translations,
});

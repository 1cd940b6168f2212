import { defineNodeType, isValidTimeZone } from '@afterglow/node-sdk';
import { z } from 'zod';
import { segmentIdField, segmentMustExist } from '../../shared/segments';
import { summarize } from '../../shared/translate';
import { MONTHS, monthOptions, WEEKDAY_FIELDS, weekdaysOf } from './occurrences';
import { summaries, translations } from './translations';

const weekly = { showIf: { every: 'weekly' } } as const;
const day = (label: string) => z.boolean().meta({ label, widget: 'checkbox', ...weekly });

const config = z.object({
  segmentId: segmentIdField('Choose the segment to enrol'),
  every: z.enum(['daily', 'weekly', 'monthly', 'yearly']).meta({
    label: 'Repeat', widget: 'select',
    options: [{ value: 'daily', label: 'every day' }, { value: 'weekly', label: 'every week' }, { value: 'monthly', label: 'every month' },
      { value: 'yearly', label: 'every year (a holiday)' }],
  }),
  monday: day('Monday'),
  tuesday: day('Tuesday'),
  wednesday: day('Wednesday'),
  thursday: day('Thursday'),
  friday: day('Friday'),
  saturday: day('Saturday'),
  sunday: day('Sunday'),
  month: z.enum(MONTHS).default('1').meta({ label: 'Month', widget: 'select', options: monthOptions('en'), showIf: { every: 'yearly' } }),
  dayOfMonth: z.number().int('Use a whole number').min(1, 'Day is 1–31').max(31, 'Day is 1–31')
    .meta({ label: 'Day of the month', help: 'A shorter month uses its last day', showIf: { every: ['monthly', 'yearly'] } }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 09:30').meta({ label: 'At', placeholder: '09:30' }),
  timeZone: z.string().trim().max(60).refine((tz) => tz === '' || isValidTimeZone(tz), 'Use a time zone such as Europe/Belgrade, or leave empty')
    .meta({ label: 'Time zone', placeholder: 'Europe/Belgrade', help: 'Empty: each customer’s own time zone; or the shop’s, for everyone at once' }),
}).refine((c) => c.every !== 'weekly' || WEEKDAY_FIELDS.some((d) => c[d]), { message: 'Choose at least one day of the week', path: ['monday'] });
export type ScheduleConfig = z.output<typeof config>;

export const triggerSchedule = defineNodeType({
  id: 'core/trigger-schedule',
  version: 1,
  category: 'trigger',
  config,
  defaults: {
    segmentId: '', every: 'weekly', monday: true, tuesday: false, wednesday: false, thursday: false, friday: false,
    saturday: false, sunday: false, month: '1', dayOfMonth: 1, time: '10:00', timeZone: '',
  },
  ui: {
    label: 'Recurring schedule',
    description: 'Starts the journey for everyone in a segment on a schedule, e.g. a weekly promotion every Monday at 10:00, or a holiday every year.',
    icon: 'clock',
    color: 'violet',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  trigger: {
    eventName: () => null,
    matches: () => false,
    entryKey: () => 'schedule',
    calendar: (c) => ({
      kind: 'schedule', segmentId: c.segmentId, every: c.every, weekdays: weekdaysOf(c), dayOfMonth: c.dayOfMonth, month: Number(c.month),
      hour: Number(c.time.slice(0, 2)), minute: Number(c.time.slice(3, 5)), timeZone: c.timeZone || null,
    }),
  },
  check: (c, ctx) => segmentMustExist(c.segmentId, ctx),
  translations,
});

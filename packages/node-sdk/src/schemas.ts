// Ready-made config fields with their widgets, so common values are stored one way across
// node types and plugins: a duration is always { amount, unit }, a date-time an ISO string.
import { z } from 'zod';
import type { DurationUnit } from './time.js';

const UNITS = ['minutes', 'hours', 'days', 'weeks'] as const satisfies readonly DurationUnit[];

/** `{ amount, unit }`, edited as a number and a unit. */
export function durationSchema(opts: { label: string; min?: number; max?: number; help?: string }) {
  return z.object({
    amount: z.number().int('A whole number').min(opts.min ?? 0, `At least ${opts.min ?? 0}`).max(opts.max ?? 10_000),
    unit: z.enum(UNITS),
  }).meta({ label: opts.label, help: opts.help, widget: 'duration' });
}

/** An ISO 8601 date-time with its offset, edited in the workspace's time zone. */
export function dateTimeSchema(opts: { label: string; help?: string }) {
  return z.iso.datetime({ offset: true, message: 'A date and time, e.g. 2026-12-24T09:00:00+01:00' })
    .meta({ label: opts.label, help: opts.help, widget: 'datetime' });
}

/** `{ key, value }[]`, edited as rows; keys unique. */
export function keyValueSchema(opts: { label: string; help?: string; max?: number }) {
  return z.array(z.object({ key: z.string().trim().min(1, 'A name').max(100), value: z.string().max(2_000) }))
    .max(opts.max ?? 50)
    .refine((rows) => new Set(rows.map((r) => r.key)).size === rows.length, 'Each name once')
    .meta({ label: opts.label, help: opts.help, widget: 'key-value' });
}

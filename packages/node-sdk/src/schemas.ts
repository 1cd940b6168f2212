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

/**
 * A list item's stable id: the form generates one (`newItemId`) when the item is added and never
 * shows it. Use it as the id of what the item stands for (a branch per arm), not the item's place
 * in the list or its name, which change when items are removed, reordered or renamed.
 * @example z.array(z.object({ id: itemIdSchema(), name: z.string() })).meta({ widget: 'list' })
 */
export function itemIdSchema() {
  return z.string().trim().min(1, 'This item has lost its id: remove it and add it again').max(100).meta({ widget: 'item-id' });
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new item id: 10 random letters and digits (getRandomValues: also on a page served over plain http). */
export function newItemId(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(10)), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

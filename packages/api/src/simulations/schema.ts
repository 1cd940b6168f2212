// The simulations procedures' inputs: one zod schema each, messages in English (translated in
// i18n/schema/*.json).
import { z } from 'zod';

const id = z.string().min(1).max(100);
const DAY = 86400e3;
/** The longest period replayed (a year), and a customer list's length. */
const MAX_DAYS = 366;

/** What is simulated: the journey's draft, or one of its published versions. */
const source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft') }),
  z.object({ kind: z.literal('version'), versionId: id }),
]);

/** Last 7, 30 or 90 days, or dates. */
const period = z.union([
  z.object({ lastDays: z.union([z.literal(7), z.literal(30), z.literal(90)]) }),
  z.object({ from: z.iso.datetime({ offset: true, error: 'Give the start as a date and time' }), to: z.iso.datetime({ offset: true, error: 'Give the end as a date and time' }) })
    .refine((p) => Date.parse(p.to) > Date.parse(p.from), { error: 'The period must end after it starts', path: ['to'] })
    .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= MAX_DAYS * DAY, { error: 'Simulate at most 366 days at once', path: ['to'] }),
]);

const population = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }),
  z.object({ kind: z.literal('segment'), segmentId: id }),
  z.object({ kind: z.literal('sample'), size: z.number().int().min(1, 'A sample has at least 1 customer').max(1_000_000, 'A sample has at most 1,000,000 customers') }),
]);

export const startInput = z.object({
  journeyId: id,
  source,
  period,
  population,
  sampleCustomerIds: z.array(z.string().min(1).max(200)).max(5, 'Choose at most 5 customers to see their emails').default([]),
});

export const simulationIdInput = z.object({ simulationId: id });

export const listInput = z.object({ journeyId: id });

export const followInput = z.object({
  journeyId: id,
  source,
  period,
  customerId: z.string().min(1, 'Choose a customer').max(200, 'A customer id is at most 200 characters'),
});

export type StartInput = z.infer<typeof startInput>;
export type FollowInput = z.infer<typeof followInput>;
export type PeriodInput = z.infer<typeof period>;

/** The period as the instants replayed, ending now for "last N days". */
export function periodOf(input: PeriodInput, now: Date): { from: string; to: string } {
  if ('lastDays' in input) return { from: new Date(now.getTime() - input.lastDays * DAY).toISOString(), to: now.toISOString() };
  return { from: new Date(input.from).toISOString(), to: new Date(input.to).toISOString() };
}

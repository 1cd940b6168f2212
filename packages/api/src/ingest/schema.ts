// The Segment HTTP Tracking API shapes Afterglow accepts (track, identify, batch).
// Segment clients send many more fields (context.library, integrations, sentAt...);
// loose objects let them through while the fields we use are checked strictly.
import { z } from 'zod';

const MAX_BATCH = 2_000;

/** Segment allows numeric ids; Afterglow keys customers by their string form. */
const userId = z.union([z.string().trim().min(1, 'userId must not be empty').max(200, 'userId is at most 200 characters'), z.number().finite()], {
  error: (issue) => (issue.input === undefined ? 'userId is required: say which customer this is' : 'userId must be a string'),
}).transform((v) => String(v));

const isoTimestamp = z.iso.datetime({ offset: true, local: false, error: 'timestamp must be an ISO 8601 date-time, e.g. 2025-05-01T12:00:00Z' });

const jsonObject = (what: string) => z.record(z.string(), z.unknown(), { error: `${what} must be an object` });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().refine(isTimeZone, 'timezone must be an IANA time zone such as Europe/Berlin');

const common = {
  userId,
  anonymousId: z.union([z.string().max(200), z.number()]).transform(String).optional(),
  messageId: z.string().trim().min(1, 'messageId must not be empty').max(200, 'messageId is at most 200 characters').optional(),
  timestamp: isoTimestamp.optional(),
  context: z.looseObject({ timezone: timeZone.optional() }).optional(),
};

/** Known traits are checked; any others are kept as customer attributes. */
export const traitsSchema = z.looseObject({
  email: z.email('traits.email must be an email address').max(320).optional(),
  firstName: z.string().max(200).optional(),
  first_name: z.string().max(200).optional(),
  lastName: z.string().max(200).optional(),
  last_name: z.string().max(200).optional(),
  birthday: z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'birthday must be a date such as 1990-04-23' }).optional(),
  timezone: timeZone.optional(),
});

export const trackSchema = z.looseObject({
  ...common,
  type: z.literal('track').optional(),
  event: z.string({ error: (i) => (i.input === undefined ? 'event is required' : 'event must be a string') })
    .trim().min(1, 'event must not be empty').max(200, 'event is at most 200 characters'),
  properties: jsonObject('properties').default({}),
});

export const identifySchema = z.looseObject({
  ...common,
  type: z.literal('identify').optional(),
  traits: traitsSchema.default({}),
});

const batchMessage = z.discriminatedUnion('type', [
  trackSchema.extend({ type: z.literal('track') }),
  identifySchema.extend({ type: z.literal('identify') }),
], { error: 'type must be "track" or "identify"' });

export const batchSchema = z.looseObject({
  batch: z.array(batchMessage, { error: 'batch must be an array of messages' })
    .min(1, 'batch must contain at least one message').max(MAX_BATCH, `batch holds at most ${MAX_BATCH} messages`),
});

export type TrackMessage = z.output<typeof trackSchema>;
export type IdentifyMessage = z.output<typeof identifySchema>;

/** Which schema an endpoint uses; the short paths are the ones Segment's clients also know. */
export const endpoints = {
  track: 'track', t: 'track',
  identify: 'identify', i: 'identify',
  batch: 'batch', b: 'batch',
} as const;
export type Endpoint = (typeof endpoints)[keyof typeof endpoints];

/** Validates a body for an endpoint into a uniform list of typed messages. */
export function parseMessages(endpoint: Endpoint, body: unknown):
  | { ok: true; messages: Array<{ kind: 'track'; msg: TrackMessage } | { kind: 'identify'; msg: IdentifyMessage }> }
  | { ok: false; issues: Array<{ path: string; message: string }> } {
  const schema = endpoint === 'track' ? trackSchema : endpoint === 'identify' ? identifySchema : batchSchema;
  const result = schema.safeParse(body);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message })),
    };
  }
  if (endpoint === 'batch') {
    const { batch } = result.data as z.output<typeof batchSchema>;
    return {
      ok: true,
      messages: batch.map((m) => (m.type === 'track' ? { kind: 'track' as const, msg: m } : { kind: 'identify' as const, msg: m })),
    };
  }
  return endpoint === 'track'
    ? { ok: true, messages: [{ kind: 'track', msg: result.data as TrackMessage }] }
    : { ok: true, messages: [{ kind: 'identify', msg: result.data as IdentifyMessage }] };
}

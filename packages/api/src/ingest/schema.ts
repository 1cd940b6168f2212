// The Segment HTTP Tracking API shapes Afterglow accepts: track, identify, page, group,
// alias, and batch of those. Segment clients send many more fields (context.library,
// integrations, sentAt...); loose objects let them through while the fields we use are
// checked strictly.
import { fitsDate } from '@afterglow/db';
import { z } from 'zod';
import { commaSeparatedTags, inputIssues, TAG_MAX, timestamptz } from '../input-policy/index';
import { orderStatusOf, orderPropertiesSchema } from './order-schema';

const idValue = (field: string) => z.union([
  z.string().trim().min(1, `${field} must not be empty`).max(200, `${field} is at most 200 characters`),
  z.number().finite(),
], {
  error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`),
}).transform((v) => String(v));

const isoTimestamp = timestamptz('timestamp', 'timestamp must be an ISO 8601 date-time, e.g. 2025-05-01T12:00:00Z');

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

// Segment requires a userId or an anonymousId on every message but alias (previousId).
const common = {
  userId: idValue('userId').optional(),
  anonymousId: idValue('anonymousId').optional(),
  messageId: z.string().trim().min(1, 'messageId must not be empty').max(200, 'messageId is at most 200 characters').optional(),
  timestamp: isoTimestamp.optional(),
  context: z.looseObject({ timezone: timeZone.optional() }, { error: 'context must be an object' }).optional(),
};

function requireIdentity(m: { userId?: string; anonymousId?: string }, ctx: z.RefinementCtx) {
  if (m.userId === undefined && m.anonymousId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['userId'], message: 'userId is required (or an anonymousId): say which customer this is' });
  }
}

/** Known traits are checked; any others are kept as customer attributes. */
export const traitsSchema = z.looseObject({
  email: z.email('traits.email must be an email address').max(320).optional(),
  firstName: z.string().max(200).optional(),
  first_name: z.string().max(200).optional(),
  lastName: z.string().max(200).optional(),
  last_name: z.string().max(200).optional(),
  birthday: z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'birthday must be a date such as 1990-04-23' })
    .refine(fitsDate, 'birthday must be in the years 0001-9999').optional(),
  timezone: timeZone.optional(),
  marketing_consent: z.boolean({ error: 'traits.marketing_consent must be true or false' }).optional(),
  // A list, or Shopify's way: one string, tags separated by commas.
  tags: z.union([z.array(z.string().max(TAG_MAX)).max(250), commaSeparatedTags('traits.tags')],
    { error: 'traits.tags must be a list of tags or one string of comma-separated tags' }).optional(),
}, { error: 'traits must be an object' });

const trackBase = z.looseObject({
  ...common,
  type: z.literal('track').optional(),
  event: z.string({ error: (i) => (i.input === undefined ? 'event is required' : 'event must be a string') })
    .trim().min(1, 'event must not be empty').max(200, 'event is at most 200 characters'),
  properties: jsonObject('properties').default({}),
});

/** Order lifecycle events must carry a valid order (and a known customer) to become rows. */
export const trackSchema = trackBase.superRefine((m, ctx) => {
  requireIdentity(m, ctx);
  if (!orderStatusOf(m.event, m.properties)) return;
  if (m.userId === undefined && m.anonymousId !== undefined) ctx.addIssue({ code: 'custom', path: ['userId'], message: `userId is required for ${m.event}: an order belongs to a customer` });
  const order = orderPropertiesSchema.safeParse(m.properties);
  if (!order.success) {
    for (const i of order.error.issues) ctx.addIssue({ code: 'custom', path: ['properties', ...i.path.map(String)], message: i.message });
  }
});

export const identifySchema = z.looseObject({
  ...common,
  type: z.literal('identify').optional(),
  traits: traitsSchema.default({}),
}).superRefine(requireIdentity);

export const pageSchema = z.looseObject({
  ...common,
  type: z.enum(['page', 'screen']).optional(),
  name: z.string().max(200, 'name is at most 200 characters').optional(),
  category: z.string().max(200, 'category is at most 200 characters').optional(),
  properties: jsonObject('properties').default({}),
}).superRefine(requireIdentity);

export const groupSchema = z.looseObject({
  ...common,
  type: z.literal('group').optional(),
  groupId: idValue('groupId'),
  traits: jsonObject('traits').default({}),
}).superRefine(requireIdentity);

export const aliasSchema = z.looseObject({
  ...common,
  type: z.literal('alias').optional(),
  userId: idValue('userId'),
  previousId: idValue('previousId'),
});

export type TrackMessage = z.output<typeof trackSchema>;
export type IdentifyMessage = z.output<typeof identifySchema>;
export type PageMessage = z.output<typeof pageSchema>;
export type GroupMessage = z.output<typeof groupSchema>;
export type AliasMessage = z.output<typeof aliasSchema>;

export type ParsedMessage =
  | { kind: 'track'; msg: TrackMessage }
  | { kind: 'identify'; msg: IdentifyMessage }
  | { kind: 'page'; msg: PageMessage }
  | { kind: 'group'; msg: GroupMessage }
  | { kind: 'alias'; msg: AliasMessage };

type Kind = ParsedMessage['kind'];
const schemas: Record<Kind, z.ZodType> = {
  track: trackSchema, identify: identifySchema, page: pageSchema, group: groupSchema, alias: aliasSchema,
};

/** Which schema an endpoint uses; the short paths are the ones Segment's clients also know. */
export const endpoints = {
  track: 'track', t: 'track',
  identify: 'identify', i: 'identify',
  page: 'page', p: 'page', screen: 'page', s: 'page',
  group: 'group', g: 'group',
  alias: 'alias', a: 'alias',
  batch: 'batch', b: 'batch', import: 'batch',
} as const;
export type Endpoint = (typeof endpoints)[keyof typeof endpoints];

export const MAX_BATCH = 2_000;

export interface Issue { path: string; message: string }
export interface Rejected { index: number; messageId?: string; issues: Issue[] }

/** The messageId a (possibly invalid) message carries, to name it in errors. */
export function messageIdOf(raw: unknown): string | undefined {
  const id = raw && typeof raw === 'object' ? (raw as { messageId?: unknown }).messageId : undefined;
  return typeof id === 'string' && id.length <= 200 ? id : undefined;
}

const issuesOf = (error: z.ZodError, prefix: string[]): Issue[] =>
  error.issues.map((i) => ({ path: [...prefix, ...i.path.map(String)].join('.') || '(body)', message: i.message }));

/** Held to the input policy first (NUL, unpaired surrogates, depth), each message on its own. */
function parseOne(kind: Kind, body: unknown, prefix: string[]): { ok: true; message: ParsedMessage } | { ok: false; issues: Issue[] } {
  const refused = inputIssues(body, prefix);
  if (refused.length > 0) return { ok: false, issues: refused };
  const result = schemas[kind].safeParse(body);
  if (!result.success) return { ok: false, issues: issuesOf(result.error, prefix) };
  return { ok: true, message: { kind, msg: result.data } as ParsedMessage };
}

/**
 * A message made by Afterglow itself (from a Shopify webhook) held to the schema of its kind,
 * as a Segment message is: what the store re-reads (an order's properties) must parse there.
 */
export function messageIssues(message: ParsedMessage): Issue[] {
  const result = schemas[message.kind].safeParse(message.msg);
  return result.success ? [] : issuesOf(result.error, []);
}

const batchEnvelope = z.looseObject({
  batch: z.array(z.unknown(), { error: 'batch must be an array of messages' })
    .min(1, 'batch must contain at least one message').max(MAX_BATCH, `batch holds at most ${MAX_BATCH} messages`),
}, { error: 'the body must be an object with a batch array' });

const batchKinds: Record<string, Kind> = { track: 'track', identify: 'identify', page: 'page', screen: 'page', group: 'group', alias: 'alias' };

/**
 * Validates a body into typed messages. A single message is all or nothing; a batch
 * keeps its good messages and reports each bad one by index with the field paths.
 */
export function parseMessages(endpoint: Endpoint, body: unknown):
  | { ok: true; messages: ParsedMessage[]; rejected: Rejected[] }
  | { ok: false; issues: Issue[]; rejected: Rejected[] } {
  if (endpoint !== 'batch') {
    const one = parseOne(endpoint, body, []);
    return one.ok ? { ok: true, messages: [one.message], rejected: [] } : { ok: false, issues: one.issues, rejected: [] };
  }
  const envelope = batchEnvelope.safeParse(body);
  if (!envelope.success) return { ok: false, issues: issuesOf(envelope.error, []), rejected: [] };
  const messages: ParsedMessage[] = [];
  const rejected: Rejected[] = [];
  envelope.data.batch.forEach((raw, index) => {
    const prefix = ['batch', String(index)];
    const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
    const kind = typeof type === 'string' && Object.hasOwn(batchKinds, type) ? batchKinds[type] : undefined;
    const messageId = messageIdOf(raw);
    if (!kind) {
      rejected.push({ index, ...(messageId ? { messageId } : {}), issues: [{ path: `batch.${index}.type`, message: 'type must be one of track, identify, page, screen, group, alias' }] });
      return;
    }
    const one = parseOne(kind, raw, prefix);
    if (one.ok) messages.push(one.message);
    else rejected.push({ index, ...(messageId ? { messageId } : {}), issues: one.issues });
  });
  if (messages.length === 0) return { ok: false, issues: rejected.flatMap((r) => r.issues), rejected };
  return { ok: true, messages, rejected };
}

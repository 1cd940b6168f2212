// Mailgun's webhooks (the current, JSON ones): the body carries signature { timestamp, token,
// signature }, the signature being hex HMAC-SHA256 of timestamp + token under the domain's
// HTTP webhook signing key. That signature does not cover the event, so, as Mailgun advises,
// a timestamp more than 15 minutes from now is refused, and so is a token already used
// (remembered by this process for those 15 minutes). Permanent failures and complaints are
// read; temporary failures are Mailgun still retrying, so they change nothing.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { HttpError, parseJsonBody, refuseBadInput } from '../../ingest/http-io';
import { addressOf, bounceEvent, bracketed, complaintEvent, ignoredEvent, type RelayEvent } from './report';
import { credentialsFor } from './settings';
import type { RelayReader } from './types';
import { zodIssues } from './zod-issues';

const WINDOW_MS = 15 * 60_000;

const schema = z.object({
  signature: z.object({
    timestamp: z.union([z.string(), z.number()], { error: 'signature.timestamp is required' }).transform(String),
    token: z.string({ error: 'signature.token is required' }).min(1).max(200),
    signature: z.string({ error: 'signature.signature is required' }).regex(/^[0-9a-f]{64}$/i, 'signature.signature must be 64 hex digits'),
  }, { error: 'signature is required: Mailgun signs every webhook' }),
  'event-data': z.object({
    event: z.string({ error: 'event-data.event is required' }),
    recipient: z.string().optional(), severity: z.string().optional(), reason: z.string().optional(),
    message: z.object({ headers: z.record(z.string(), z.unknown()).optional() }).loose().optional(),
    'delivery-status': z.object({
      code: z.union([z.number(), z.string()]).optional(), message: z.string().optional(), description: z.string().optional(),
      'enhanced-code': z.string().optional(),
    }).loose().optional(),
  }).loose(),
});
type Body = z.output<typeof schema>;

export const mailgunSignature = (key: string, timestamp: string, token: string) => createHmac('sha256', key).update(timestamp + token).digest('hex');

function mailgunEvent(data: Body['event-data']): RelayEvent {
  const address = addressOf(data.recipient);
  const messageId = bracketed(data.message?.headers?.['message-id']);
  if (!address) return ignoredEvent(`Mailgun ${data.event} names no recipient`, null, messageId);
  if (data.event === 'complained') return complaintEvent(address, messageId, 'Mailgun complaint');
  if (data.event !== 'failed') return ignoredEvent(`Mailgun ${data.event} is not a bounce or complaint`, address, messageId);
  if (data.severity !== 'permanent') return ignoredEvent('delayed', address, messageId);
  // Mailgun's own lists: an earlier bounce counts, an unsubscribe or complaint is not a bounce.
  if (/^suppress-(?!bounce)/.test(data.reason ?? '')) return ignoredEvent(`Mailgun did not send it (${data.reason})`, address, messageId);
  const status = data['delivery-status'] ?? {};
  const words = [status.code, status.message || status.description].filter((w) => w !== undefined && w !== '').join(' ');
  return bounceEvent({ address, messageId, diagnostic: words, status: status['enhanced-code'], temporary: false, fallbackWords: data.reason });
}

export function createMailgunReader(): RelayReader {
  const seen = new Map<string, number>();
  return async (database, { raw, now }) => {
    const json = parseJsonBody(raw);
    refuseBadInput(json, 'Mailgun webhook');
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HttpError(400, 'Not a Mailgun webhook: nothing was recorded', zodIssues(parsed.error));
    const { timestamp, token, signature } = parsed.data.signature;
    const given = Buffer.from(signature.toLowerCase(), 'hex');
    const owner = (await credentialsFor(database, 'mailgun'))
      .find(({ credential }) => timingSafeEqual(Buffer.from(mailgunSignature(credential, timestamp, token), 'hex'), given));
    if (!owner) throw new HttpError(401, 'Invalid Mailgun signature: no workspace\'s webhook signing key produces it', [{ path: 'signature.signature', message: 'does not verify' }]);
    const at = Number(timestamp) * 1000;
    if (!Number.isFinite(at) || Math.abs(now.getTime() - at) > WINDOW_MS) {
      throw new HttpError(401, `Mailgun signature timestamp ${timestamp} is more than 15 minutes from now: a replay is refused`, [{ path: 'signature.timestamp', message: 'too old or in the future' }]);
    }
    for (const [t, until] of seen) if (until < now.getTime()) seen.delete(t);
    if (seen.has(token)) throw new HttpError(409, `Mailgun signature token ${token} was already used: a replay is refused`, [{ path: 'signature.token', message: 'already used' }]);
    // Remembered once recorded: a delivery that failed here (a 5xx) may come again with its token.
    return { workspaceIds: [owner.workspaceId], events: [mailgunEvent(parsed.data['event-data'])], recorded: () => void seen.set(token, at + WINDOW_MS) };
  };
}

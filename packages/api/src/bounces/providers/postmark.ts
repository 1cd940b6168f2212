// Postmark's bounce and spam-complaint webhooks. Postmark signs nothing; it documents HTTP
// Basic authentication in the webhook URL (https://user:password@host/...), so the password is
// the workspace's credential (any user name). Postmark's MessageID is its own; the original
// Message-ID is read from Metadata (a "message-id" key) or from the bounce's Content (the dump,
// when "include bounce content" is on), else the report names only the recipient.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { HttpError, parseJsonBody, refuseBadInput } from '../../ingest/http-io';
import { effectKeyOfMessageId } from '../match';
import { addressOf, bounceEvent, bracketed, complaintEvent, ignoredEvent, type RelayEvent } from './report';
import { credentialsFor } from './settings';
import { headerOf, type RelayReader } from './types';
import { zodIssues } from './zod-issues';

/** Postmark's bounce types that are failures: temporary or not, and words for when Details has none. */
const FAILURES: Record<string, { temporary: boolean; words: string }> = {
  HardBounce: { temporary: false, words: 'hard bounce' },
  BadEmailAddress: { temporary: false, words: 'invalid email address: user unknown' },
  SoftBounce: { temporary: true, words: 'soft bounce' },
  Transient: { temporary: true, words: 'message delayed' },
  DnsError: { temporary: true, words: 'DNS error' },
  Blocked: { temporary: true, words: 'blocked' },
  SpamNotification: { temporary: true, words: 'message classified as spam' },
  VirusNotification: { temporary: true, words: 'message refused as a virus' },
  DMARCPolicy: { temporary: true, words: 'DMARC policy' },
  Unknown: { temporary: true, words: '' },
};

const schema = z.object({
  RecordType: z.string().optional(),
  Type: z.string({ error: 'Type is required (HardBounce, SpamComplaint, ...)' }),
  Email: z.string({ error: 'Email is required' }),
  Details: z.string().optional(), Description: z.string().optional(), Content: z.string().optional(),
  Metadata: z.record(z.string(), z.unknown()).optional(),
}).loose();

const hashed = (value: string) => createHash('sha256').update(value).digest();

function basicPassword(authorization: string | undefined): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : null;
}

/** Our Message-ID in the notice: Metadata's, else the first of ours among the dump's headers. */
function messageIdOf(notice: z.output<typeof schema>): string | null {
  const meta = Object.entries(notice.Metadata ?? {}).find(([k]) => /^message-?id$/i.test(k))?.[1];
  if (bracketed(meta)) return bracketed(meta);
  const ids = [...(notice.Content ?? '').matchAll(/^Message-ID:\s*(<[^<>\s]+>)/gim)].map((m) => m[1]);
  return ids.find((id) => effectKeyOfMessageId(id) !== '') ?? null;
}

function postmarkEvent(notice: z.output<typeof schema>): RelayEvent {
  const address = addressOf(notice.Email);
  const messageId = messageIdOf(notice);
  if (!address) return ignoredEvent('not an email address', null, messageId);
  if (notice.RecordType === 'SpamComplaint' || notice.Type === 'SpamComplaint') return complaintEvent(address, messageId, `Postmark spam complaint${notice.Details ? `: ${notice.Details}` : ''}`);
  const failure = FAILURES[notice.Type];
  if (!failure || (notice.RecordType && notice.RecordType !== 'Bounce')) return ignoredEvent(`Postmark ${notice.RecordType ?? notice.Type} is not a bounce or complaint`, address, messageId);
  return bounceEvent({ address, messageId, diagnostic: notice.Details ?? '', temporary: failure.temporary, fallbackWords: failure.words || notice.Description });
}

export const readPostmark: RelayReader = async (database, { headers, raw }) => {
  const password = basicPassword(headerOf(headers, 'authorization'));
  if (password === null) {
    throw new HttpError(401, 'Put the password from Settings, Relay webhooks in the webhook URL: https://postmark:<password>@<host>/webhooks/bounces/postmark',
      [{ path: 'Authorization', message: 'HTTP Basic credentials are missing' }]);
  }
  const given = hashed(password);
  const owner = (await credentialsFor(database, 'postmark')).find(({ credential }) => timingSafeEqual(hashed(credential), given));
  if (!owner) throw new HttpError(401, 'Wrong password in the Postmark webhook URL', [{ path: 'Authorization', message: 'no workspace has this Postmark password' }]);
  const json = parseJsonBody(raw);
  refuseBadInput(json, 'Postmark webhook');
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, 'Not a Postmark bounce or spam complaint webhook: nothing was recorded', zodIssues(parsed.error));
  return { workspaceIds: [owner.workspaceId], events: [postmarkEvent(parsed.data)] };
};

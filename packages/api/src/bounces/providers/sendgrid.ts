// SendGrid's Event Webhook, signed (Signed Event Webhook): X-Twilio-Email-Event-Webhook-Signature
// is a base64 ECDSA (P-256, SHA-256) signature over the X-Twilio-Email-Event-Webhook-Timestamp
// value followed by the raw body, checked with the verification key SendGrid shows (base64 DER).
// The workspace is the one whose key verifies. The body is a batch of events: bounces (type
// bounce or blocked), spam reports, and drops of an address SendGrid knows bounced are read;
// deferrals, deliveries, opens and clicks are acknowledged and change nothing.
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { HttpError, parseJsonBody, refuseBadInput } from '../../ingest/http-io';
import { addressOf, bounceEvent, bracketed, complaintEvent, ignoredEvent, type RelayEvent } from './report';
import { credentialsFor } from './settings';
import { headerOf, type RelayReader } from './types';
import { zodIssues } from './zod-issues';

export const SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

/** The verification key as SendGrid shows it (base64 DER, or a PEM); null when it is not an EC public key. */
export function sendgridKey(value: string): KeyObject | null {
  try {
    const trimmed = value.trim();
    const key = trimmed.startsWith('-----') ? createPublicKey(trimmed) : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ec' ? key : null;
  } catch {
    return null;
  }
}

const events = z.array(z.object({
  event: z.string({ error: 'event is required' }),
  email: z.string({ error: 'email is required' }),
  'smtp-id': z.string().optional(),
  type: z.string().optional(), status: z.string().optional(), reason: z.string().optional(), response: z.string().optional(),
}).loose(), { error: 'the body must be an array of events' }).max(10_000, 'at most 10,000 events per request');

function sendgridEvent(e: z.output<typeof events>[number]): RelayEvent {
  const address = addressOf(e.email);
  const messageId = bracketed(e['smtp-id']);
  if (!address) return ignoredEvent('not an email address', null, messageId);
  if (e.event === 'spamreport') return complaintEvent(address, messageId, 'SendGrid spam report');
  if (e.event === 'bounce') {
    // "blocked" is SendGrid's word for a refusal it calls temporary; the server's words still decide.
    return bounceEvent({ address, messageId, diagnostic: e.reason ?? '', status: e.status, temporary: e.type === 'blocked' });
  }
  // Dropped because SendGrid's own list says the address bounced before: as good as a bounce.
  if (e.event === 'dropped' && /bounced address/i.test(e.reason ?? '')) {
    return bounceEvent({ address, messageId, diagnostic: `SendGrid dropped it: ${e.reason}`, temporary: false });
  }
  return ignoredEvent(`SendGrid ${e.event}${e.reason ? ` (${e.reason})` : ''} is not a bounce or complaint`, address, messageId);
}

export const readSendgrid: RelayReader = async (database, { headers, raw }) => {
  const signature = headerOf(headers, SIGNATURE_HEADER);
  const timestamp = headerOf(headers, TIMESTAMP_HEADER);
  if (!signature || !timestamp) {
    throw new HttpError(401, 'The request is not signed: turn on the Signed Event Webhook in SendGrid',
      [{ path: signature ? 'X-Twilio-Email-Event-Webhook-Timestamp' : 'X-Twilio-Email-Event-Webhook-Signature', message: 'header is missing' }]);
  }
  const payload = Buffer.concat([Buffer.from(timestamp, 'utf8'), raw]);
  const signatureBytes = Buffer.from(signature, 'base64');
  const owner = (await credentialsFor(database, 'sendgrid')).find(({ credential }) => {
    const key = sendgridKey(credential);
    try {
      return key !== null && verifySignature('sha256', payload, key, signatureBytes);
    } catch {
      return false;
    }
  });
  if (!owner) throw new HttpError(401, 'Invalid X-Twilio-Email-Event-Webhook-Signature: no workspace\'s SendGrid verification key verifies it', [{ path: 'X-Twilio-Email-Event-Webhook-Signature', message: 'does not verify' }]);
  const json = parseJsonBody(raw);
  refuseBadInput(json, 'SendGrid events');
  const parsed = events.safeParse(json);
  if (!parsed.success) throw new HttpError(400, 'Not a SendGrid Event Webhook batch: nothing was recorded', zodIssues(parsed.error));
  return { workspaceIds: [owner.workspaceId], events: parsed.data.map(sendgridEvent) };
};

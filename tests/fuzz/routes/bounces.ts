// POST /webhooks/bounces: real bounce and complaint mails from many MTAs, and reports made
// here about the email the app really sent (so the recording path runs) with hostile text in
// their fields; bytes cut, NUL bytes put in; and the JSON shape, Afterglow's (also made from
// its zod schema) and relays'.
import fc from 'fast-check';
import { bounceNoticeSchema } from '@afterglow/api';
import { POSTMARK_PASSWORD } from '../app';
import { bounceMails, relayBodies, relaySamples } from '../corpus';
import { hostileString, toJson, withHostility } from '../hostile';
import { arbitraryForZod } from '../json-schema';
import type { FuzzRequest } from '../request';
import { authorization } from './common';

const field = (usual: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: hostileString });

function report(messageId: string) {
  return fc.record({
    kind: fc.constantFrom('delivery-status', 'feedback-report', 'disposition-notification'),
    action: field(['failed', 'delayed', 'delivered']),
    status: field(['5.1.1', '4.2.2', '5.7.1', '2.0.0']),
    diagnostic: field(['smtp; 550 5.1.1 User unknown', '']),
    recipient: field(['rfc822; ada@example.com', '<ada@example.com>']),
    messageId: field([messageId, '<nobody@example.com>', messageId.toUpperCase()]),
    feedbackType: field(['abuse', 'fraud', 'not-spam']),
  }).map((r) => [
    'From: MAILER-DAEMON@mx.example', 'To: shop@afterglow.local', 'Subject: Returned mail', 'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=${r.kind}; boundary="b1"`, '', '--b1', 'Content-Type: text/plain', '', 'Not delivered.',
    '--b1', `Content-Type: message/${r.kind}`, '', 'Reporting-MTA: dns; mx.example', `Feedback-Type: ${r.feedbackType}`, '',
    `Final-Recipient: ${r.recipient}`, `Action: ${r.action}`, `Status: ${r.status}`, `Diagnostic-Code: ${r.diagnostic}`, '',
    '--b1', 'Content-Type: text/rfc822-headers', '', `Message-ID: ${r.messageId}`, 'Subject: Hi', '', '--b1--', '',
  ].join('\r\n'));
}

/** Bytes changed the way transports break mail: a NUL put in, cut short, a run of 0xff. */
const damaged = (mail: string) => fc.tuple(fc.nat(), fc.constantFrom('none', 'none', 'nul', 'cut', 'ff')).map(([at, how]) => {
  const i = at % (mail.length + 1);
  if (how === 'nul') return `${mail.slice(0, i)}\u0000${mail.slice(i)}`;
  if (how === 'cut') return mail.slice(0, i);
  if (how === 'ff') return `${mail.slice(0, i)}\xff\xff\xfe${mail.slice(i)}`;
  return mail;
});

export function bounceRequests(ingestKey: string, messageId: string): fc.Arbitrary<FuzzRequest> {
  const mail = fc.oneof(fc.constantFrom(...bounceMails), report(messageId).map((m) => Buffer.from(m, 'utf8').toString('latin1'))).chain(damaged);
  const notice = withHostility(fc.oneof(
    { weight: 3, arbitrary: fc.record({ type: fc.constantFrom('bounce', 'complaint', 'delivery'), messageId: fc.constantFrom(messageId, '<x@y>'), address: fc.emailAddress(), reason: fc.string() }) },
    { weight: 1, arbitrary: fc.constantFrom(...relayBodies) },
    { weight: 1, arbitrary: arbitraryForZod(bounceNoticeSchema, { messageId: [messageId] }) },
  ), 0.6).map(toJson);
  return fc.record({
    auth: authorization(ingestKey),
    method: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'PUT'),
    asJson: fc.boolean(),
    contentType: fc.constantFrom<string | null>(null, null, null, null, 'text/plain', 'message/rfc822; charset=utf-8', 'application/json; charset=latin1', ''),
  }).chain(({ auth, method, asJson, contentType }) => (asJson ? notice : mail).map((body): FuzzRequest => ({
    route: `${method} /webhooks/bounces ${asJson ? 'json' : 'rfc822'}`, method, path: '/webhooks/bounces',
    headers: { 'content-type': contentType ?? (asJson ? 'application/json' : 'message/rfc822'), ...auth },
    body, bodyEncoding: asJson ? 'utf8' : 'latin1',
  })));
}

/**
 * POST /webhooks/bounces/<relay>: the relays' documented samples (tests/fixtures/relays/) and
 * other relay JSON, with hostile values put in; Postmark's with the workspace's password (so
 * they reach reading and recording, the Message-ID sometimes the sent email's), the others
 * unsigned or signed wrong (nothing is fetched: no SNS topic is configured).
 */
export function relayWebhookRequests(messageId: string): fc.Arbitrary<FuzzRequest> {
  const aboutSent = fc.constantFrom(...relaySamples).map((sample) => (sample && typeof sample === 'object' && !Array.isArray(sample)
    ? { ...sample, Metadata: { 'message-id': messageId }, Email: 'fuzz@example.com' } : sample));
  const body = withHostility(fc.oneof(fc.constantFrom(...relaySamples, ...relayBodies), aboutSent), 0.6).map(toJson);
  const headers = fc.constantFrom<Record<string, string>>(
    { authorization: `Basic ${Buffer.from(`postmark:${POSTMARK_PASSWORD}`).toString('base64')}` },
    { authorization: `Basic ${Buffer.from('postmark:wrong').toString('base64')}` },
    { 'x-twilio-email-event-webhook-signature': 'MEUCIQ==', 'x-twilio-email-event-webhook-timestamp': '1700000000' },
    { 'x-amz-sns-message-type': 'Notification' }, {},
  );
  return fc.record({
    relay: fc.constantFrom('ses', 'sendgrid', 'postmark', 'postmark', 'mailgun', 'sparkpost', ''),
    method: fc.constantFrom('POST', 'POST', 'POST', 'GET'),
    headers, body,
    contentType: fc.constantFrom('application/json', 'text/plain; charset=UTF-8', 'application/x-www-form-urlencoded'),
  }).map(({ relay, method, headers: h, body: b, contentType }): FuzzRequest => ({
    route: `${method} /webhooks/bounces/${relay || '(empty)'}`, method, path: `/webhooks/bounces/${relay}`,
    headers: { 'content-type': contentType, ...h }, body: b, bodyEncoding: 'utf8',
  }));
}

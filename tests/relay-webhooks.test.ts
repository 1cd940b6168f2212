// Relays' own bounce and complaint webhooks (POST /webhooks/bounces/{ses,sendgrid,postmark,mailgun})
// fed with each provider's documented sample bodies (tests/fixtures/relays/), signed as that
// provider signs them with test keys: recorded through the same path as a bounce mail, refused
// (4xx naming what is wrong) when unsigned, tampered or replayed, and suppressing nobody when
// the report matches no email Afterglow sent. Real Postgres, dispatcher, SMTP sink, HTTP front door.
import { createRelayWebhookHandler } from '@afterglow/api';
import { classifyBounce, isHardRefusal } from '@afterglow/email';
import { createSign, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailgunSignature } from '../packages/api/src/bounces/providers/mailgun';
import { setRelayCredential } from '../packages/api/src/bounces/providers/settings';
import { stringToSign, type SnsMessage } from '../packages/api/src/bounces/providers/sns-verify';
import { startRig, WS, type Rig } from './support/compliance';

type Json = Record<string, unknown>;
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures/relays', name), 'utf8');
const sample = (name: string) => JSON.parse(fixture(name)) as Json;

const TOPIC = 'arn:aws:sns:us-west-2:123456789012:MyTopic';
const snsKey = fixture('sns-test-key.pem');
const snsCert = fixture('sns-test-cert.pem');
const fetched: string[] = [];
async function fetchSns(url: string): Promise<string> {
  fetched.push(url);
  if (url.endsWith('.pem')) return snsCert;
  if (url.includes('Action=ConfirmSubscription')) return '<ConfirmSubscriptionResponse/>';
  throw new Error('HTTP 404');
}
const sendgridKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const POSTMARK_PASSWORD = 'pm-relay-password-0123456789';
const MAILGUN_KEY = 'key-mailgun-test-signing-0123456789';

let rig: Rig;
const customers = ['ada', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal'].map((id) => ({ id, email: `${id}@example.com`, firstName: id }));
beforeAll(async () => {
  rig = await startRig(customers, { relays: (database, clock) => createRelayWebhookHandler({ database, clock, fetchSns }) });
  const now = rig.clock.now();
  await setRelayCredential(rig.db, WS, { provider: 'ses', topicArns: [TOPIC] }, now);
  await setRelayCredential(rig.db, WS, { provider: 'sendgrid', publicKey: sendgridKeys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64') }, now);
  await setRelayCredential(rig.db, WS, { provider: 'postmark', password: POSTMARK_PASSWORD }, now);
  await setRelayCredential(rig.db, WS, { provider: 'mailgun', signingKey: MAILGUN_KEY }, now);
});
afterAll(async () => { await rig?.close(); });

interface Reply { status: number; body: Json & { events?: Json[]; issues?: Array<{ path: string; message: string }> } }
async function post(relay: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${rig.base}/webhooks/bounces/${relay}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: await res.json() as Reply['body'] };
}

async function sentEmail(customerId: string): Promise<string> {
  await rig.order(customerId, `o-${customerId}`);
  await rig.dispatch();
  const [row] = await rig.db.sql`select message_id from email_outbox where customer_id = ${customerId} and node_id = 'mail' order by created_at desc limit 1`;
  return row.message_id as string;
}
const suppression = async (address: string) =>
  (await rig.db.sql`select reason, detail, facts from email_suppressions where workspace_id = ${WS} and address = ${address}`)[0];

/** The SNS sample with `Message` replaced and signed with the test key (SignatureVersion 1). */
function snsSigned(envelope: Json): string {
  const message = { ...envelope } as unknown as SnsMessage;
  message.Signature = createSign('RSA-SHA1').update(stringToSign(message)).sign(snsKey, 'base64');
  return JSON.stringify(message);
}
const sesNotification = (inner: Json) => ({ ...sample('sns-notification.json'), Message: JSON.stringify(inner) });

/** The SES sample about our email: its Message-ID and recipient put in. */
function sesAbout(name: string, messageId: string, address: string): Json {
  const text = fixture(name).replaceAll('custom-message-ID', messageId).replaceAll('jane@example.com', address).replaceAll('richard@example.com', address);
  return JSON.parse(text) as Json;
}

describe('Amazon SES through SNS', () => {
  it('confirms a subscription to a configured topic by visiting its SubscribeURL', async () => {
    const confirmation = sample('sns-subscription-confirmation.json');
    const res = await post('ses', snsSigned(confirmation), { 'x-amz-sns-message-type': 'SubscriptionConfirmation' });
    expect(res.status).toBe(200);
    expect(res.body.note).toContain('confirmed');
    expect(fetched).toContain(confirmation.SubscribeURL);
  });

  it('records the documented bounce about an email it sent as a hard bounce', async () => {
    const messageId = await sentEmail('ada');
    const res = await post('ses', snsSigned(sesNotification(sesAbout('ses-bounce.json', messageId, 'ada@example.com'))));
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([expect.objectContaining({ type: 'bounce', reason: 'user_unknown', hard: true, matched: true, suppressed: 'hard_bounce' })]);
    expect(await suppression('ada@example.com')).toMatchObject({ reason: 'hard_bounce', facts: { reason: 'user_unknown' } });
  });

  it('counts a mailbox-full bounce as soft, even under bounceType Permanent', async () => {
    const messageId = await sentEmail('fay');
    const inner = sesAbout('ses-bounce.json', messageId, 'fay@example.com') as { bounce: { bouncedRecipients: Json[] } };
    inner.bounce.bouncedRecipients[0] = { emailAddress: 'fay@example.com', status: '5.2.2', action: 'failed', diagnosticCode: 'smtp; 552 5.2.2 Mailbox full' };
    const res = await post('ses', snsSigned(sesNotification(inner as unknown as Json)));
    expect(res.body.events).toEqual([expect.objectContaining({ type: 'bounce', reason: 'mailbox_full', hard: false, matched: true, suppressed: null })]);
    expect(await suppression('fay@example.com')).toBeUndefined();
  });

  it('records the documented complaint: marketing suppressed, consent withdrawn', async () => {
    const messageId = await sentEmail('gus');
    const res = await post('ses', snsSigned(sesNotification(sesAbout('ses-complaint.json', messageId, 'gus@example.com'))));
    expect(res.body.events).toEqual([expect.objectContaining({ type: 'complaint', matched: true, suppressed: 'complaint' })]);
    const [consent] = await rig.db.sql`select source from consent_ledger where workspace_id = ${WS} and customer_id = 'gus' order by at desc limit 1`;
    expect(consent).toMatchObject({ source: 'complaint' });
  });

  it('suppresses nobody for the sample as published: its Message-ID is no email Afterglow sent', async () => {
    const res = await post('ses', snsSigned(sesNotification(sample('ses-bounce.json'))));
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([expect.objectContaining({ matched: false, suppressed: null })]);
    expect(await suppression('jane@example.com')).toBeUndefined();
  });

  it('refuses a tampered message, the documentation\'s placeholder signature, a foreign certificate host and an unknown topic', async () => {
    const messageId = await sentEmail('hal');
    const signed = JSON.parse(snsSigned(sesNotification(sesAbout('ses-bounce.json', messageId, 'hal@example.com')))) as Json;
    const tampered = await post('ses', JSON.stringify({ ...signed, Message: String(signed.Message).replace('5.1.1', '5.1.2') }));
    expect(tampered.status).toBe(401);
    expect(tampered.body.issues).toEqual([{ path: 'Signature', message: 'does not verify' }]);
    expect(await suppression('hal@example.com')).toBeUndefined();

    expect((await post('ses', fixture('sns-notification.json'))).status).toBe(401);

    const evil = { ...sesNotification(sample('ses-bounce.json')), SigningCertURL: 'https://sns.us-west-2.amazonaws.com.evil.example/cert.pem' };
    const before = fetched.length;
    const foreign = await post('ses', snsSigned(evil));
    expect(foreign.status).toBe(401);
    expect(foreign.body.issues?.[0].path).toBe('SigningCertURL');
    expect(fetched.length).toBe(before);

    const otherTopic = await post('ses', snsSigned({ ...sesNotification(sample('ses-bounce.json')), TopicArn: 'arn:aws:sns:us-west-2:123456789012:Other' }));
    expect(otherTopic.status).toBe(403);
    expect(otherTopic.body.issues?.[0].path).toBe('TopicArn');

    const notSns = await post('ses', JSON.stringify({ hello: 'world' }));
    expect(notSns.status).toBe(400);
    expect(notSns.body.issues?.map((i) => i.path)).toContain('TopicArn');
  });
});

describe('SendGrid Event Webhook (signed)', () => {
  const signed = (body: string, timestamp = '1700000000', key = sendgridKeys.privateKey) => ({
    'x-twilio-email-event-webhook-timestamp': timestamp,
    'x-twilio-email-event-webhook-signature': sign('sha256', Buffer.from(timestamp + body), key).toString('base64'),
  });

  it('reads the documented batch: the bounce and the spam report recorded, the rest acknowledged', async () => {
    const bob = await sentEmail('bob');
    const cy = await sentEmail('cy');
    const batch = (JSON.parse(fixture('sendgrid-events.json')) as Json[]).map((e) =>
      e.event === 'bounce' ? { ...e, email: 'bob@example.com', 'smtp-id': bob } : e.event === 'spamreport' ? { ...e, email: 'cy@example.com', 'smtp-id': cy } : e);
    const body = JSON.stringify(batch);
    const res = await post('sendgrid', body, signed(body));
    expect(res.status).toBe(200);
    const byEvent = Object.fromEntries(batch.map((e, i) => [e.event as string, res.body.events![i]]));
    // Read as the shared classifier reads the same words in a DSN (whatever it makes of them).
    const facts = { status: '5.0.0', replyCode: '500', diagnostic: '500 unknown recipient', action: 'failed' };
    const hard = isHardRefusal(facts);
    expect(byEvent.bounce).toMatchObject({ type: 'bounce', reason: classifyBounce(facts).reason, hard, matched: true, suppressed: hard ? 'hard_bounce' : null });
    expect(byEvent.spamreport).toMatchObject({ type: 'complaint', matched: true, suppressed: 'complaint' });
    expect(byEvent.dropped).toMatchObject({ type: 'bounce', matched: false, suppressed: null });
    expect(byEvent.deferred).toMatchObject({ ignored: expect.stringContaining('deferred') });
    expect(byEvent.open).toMatchObject({ ignored: expect.any(String) });
    expect(await suppression('example@test.com')).toBeUndefined();
  });

  it('refuses an unsigned batch, a signature by another key, and a body changed after signing', async () => {
    const body = fixture('sendgrid-events.json');
    const unsigned = await post('sendgrid', body);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.issues?.[0].path).toBe('X-Twilio-Email-Event-Webhook-Signature');
    const stranger = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    expect((await post('sendgrid', body, signed(body, '1700000000', stranger))).status).toBe(401);
    expect((await post('sendgrid', body.replace('cat facts', 'dog facts'), signed(body))).status).toBe(401);
  });
});

describe('Postmark bounce and spam complaint webhooks (HTTP Basic)', () => {
  const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`postmark:${password}`).toString('base64')}` });

  it('matches the documented bounce through the dump\'s Message-ID, and the complaint through Metadata', async () => {
    const dee = await sentEmail('dee');
    const bounce = { ...sample('postmark-bounce.json'), Email: 'dee@example.com', Content: `Return-Path: <>\r\nMessage-ID: <dsn.1@mx.example>\r\n\r\n--b\r\nMessage-ID: ${dee}\r\nSubject: Hi\r\n` };
    const res = await post('postmark', JSON.stringify(bounce), basic(POSTMARK_PASSWORD));
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([expect.objectContaining({ type: 'bounce', hard: true, matched: true, suppressed: 'hard_bounce' })]);

    const hal = (await rig.db.sql`select message_id from email_outbox where customer_id = 'hal' and node_id = 'mail'`)[0].message_id as string;
    const complaint = { ...sample('postmark-spam-complaint.json'), Email: 'hal@example.com', Metadata: { 'message-id': hal } };
    const spam = await post('postmark', JSON.stringify(complaint), basic(POSTMARK_PASSWORD));
    expect(spam.body.events).toEqual([expect.objectContaining({ type: 'complaint', matched: true, suppressed: 'complaint' })]);
  });

  it('suppresses nobody for the samples as published, and refuses a missing or wrong password', async () => {
    const res = await post('postmark', fixture('postmark-bounce.json'), basic(POSTMARK_PASSWORD));
    expect(res.body.events).toEqual([expect.objectContaining({ matched: false, suppressed: null })]);
    expect(await suppression('john@example.com')).toBeUndefined();
    const none = await post('postmark', fixture('postmark-bounce.json'));
    expect(none.status).toBe(401);
    expect(none.body.issues?.[0].path).toBe('Authorization');
    expect((await post('postmark', fixture('postmark-spam-complaint.json'), basic('not-the-password-at-all'))).status).toBe(401);
  });
});

describe('Mailgun webhooks (HMAC-SHA256 of timestamp and token)', () => {
  function resigned(name: string, patch: (data: Json) => Json = (d) => d, timestamp = String(Math.floor(rig.clock.now().getTime() / 1000))) {
    const body = sample(name) as { signature: Json; 'event-data': Json };
    const token = randomBytes(25).toString('hex');
    return JSON.stringify({ signature: { timestamp, token, signature: mailgunSignature(MAILGUN_KEY, timestamp, token) }, 'event-data': patch(body['event-data']) });
  }

  it('records the documented permanent failure about an email it sent; a temporary one changes nothing', async () => {
    const eve = await sentEmail('eve');
    const about = (d: Json) => ({ ...d, recipient: 'eve@example.com', message: { headers: { 'message-id': eve.slice(1, -1) } } });
    const temporary = await post('mailgun', resigned('mailgun-failed-temporary.json', about));
    expect(temporary.body.events).toEqual([expect.objectContaining({ ignored: 'delayed' })]);
    const permanent = await post('mailgun', resigned('mailgun-failed-permanent.json', about));
    expect(permanent.status).toBe(200);
    expect(permanent.body.events).toEqual([expect.objectContaining({ type: 'bounce', hard: true, matched: true, suppressed: 'hard_bounce' })]);
  });

  it('refuses the published signature, a stale timestamp and a replayed token', async () => {
    const published = await post('mailgun', fixture('mailgun-failed-permanent.json'));
    expect(published.status).toBe(401);
    expect(published.body.issues?.[0].path).toBe('signature.signature');
    const stale = await post('mailgun', resigned('mailgun-failed-permanent.json', (d) => d, String(Math.floor(rig.clock.now().getTime() / 1000) - 3600)));
    expect(stale.status).toBe(401);
    expect(stale.body.issues?.[0].path).toBe('signature.timestamp');
    const once = resigned('mailgun-failed-permanent.json');
    expect((await post('mailgun', once)).status).toBe(200);
    const replay = await post('mailgun', once);
    expect(replay.status).toBe(409);
    expect(replay.body.issues?.[0].path).toBe('signature.token');
  });
});

it('names the relays it knows when posted to another', async () => {
  const res = await post('sparkpost', '{}');
  expect(res.status).toBe(404);
  expect(res.body.error).toContain('/webhooks/bounces/ses');
});

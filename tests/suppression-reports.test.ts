// Every suppression says from which report (issue 21): a bounce posted to the webhook, one sent
// by SMTP to the bounce listener, and one from a relay's own webhook (Postmark) each leave their
// report on the suppression (source, how it was tied to its email, reason, status, the server's
// words, when), and the customer page and the compliance overview return it with the email it
// answered; lifting still works. Bounces are counted hard and soft apart, on the email step and
// on the dashboard. Real Postgres, dispatcher, SMTP sink, listener and HTTP front door.
import { createRelayWebhookHandler, startBounceListener } from '@afterglow/api';
import { bounceSettingsSection } from '@afterglow/db';
import { createTemplateSandbox } from '@afterglow/email';
import { bounceSettingsSchema } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import nodemailer from 'nodemailer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setRelayCredential } from '../packages/api/src/bounces/providers/settings';
import { seedUser, signIn, startApiServer, type ApiServer } from './support/api-client';
import { corpusMail } from './support/bounce-corpus';
import { INGEST_KEY, startRig, WS, type Rig } from './support/compliance';

const DOMAIN = 'bounces.shop.test';
const POSTMARK_PASSWORD = 'pm-relay-password-0123456789';
const templateSandbox = createTemplateSandbox();
let rig: Rig;
let server: ApiServer;
let listener: { port: number; close(): Promise<void> };

beforeAll(async () => {
  rig = await startRig(['ann', 'ben', 'cy', 'dee'].map((id) => ({ id, email: `${id}@example.com`, firstName: id })),
    { relays: (database, clock) => createRelayWebhookHandler({ database, clock }) });
  await bounceSettingsSection.save(rig.db.sql, WS, bounceSettingsSchema.parse({ returnPathDomain: DOMAIN }));
  await setRelayCredential(rig.db, WS, { provider: 'postmark', password: POSTMARK_PASSWORD }, rig.clock.now());
  listener = await startBounceListener({ database: rig.db, clock: rig.clock, port: 0, host: '127.0.0.1' });
  server = await startApiServer({ database: rig.db, registry: createRegistry(), clock: rig.clock, engine: rig.engine, templateSandbox });
  await seedUser(rig.db, { id: 'u_a', workspaceId: WS, email: 'admin@shop.test', password: 'admin-pass-1', role: 'admin' });
});
afterAll(async () => {
  await server?.close();
  await listener?.close();
  await templateSandbox.close();
  await rig?.close();
});

let orders = 0;
/** An order's marketing email delivered (the transactional receipt dropped: it would count as a delivery). */
async function delivered(customer: string): Promise<{ id: string; message_id: string }> {
  await rig.order(customer, `o-${++orders}`);
  await rig.db.sql`delete from email_outbox where customer_id = ${customer} and node_id = 'receipt' and status = 'pending'`;
  expect((await rig.dispatch()).sent).toBe(1);
  const [row] = await rig.db.sql<{ id: string; message_id: string }[]>`
    select id, message_id from email_outbox where customer_id = ${customer} and node_id = 'mail' order by created_at desc limit 1`;
  return row;
}
const corpus = (file: string, replace: Array<[string, string]>) =>
  replace.reduce((text, [from, to]) => text.split(from).join(to), corpusMail(file).toString('latin1'));
const webhook = (body: string, type: string) => fetch(`${rig.base}/webhooks/bounces`, {
  method: 'POST', body, headers: { authorization: `Basic ${Buffer.from(`${INGEST_KEY}:`).toString('base64')}`, 'content-type': type },
});
const admin = () => signIn(server.url, 'admin@shop.test', 'admin-pass-1');
const reportOf = async (customer: string) => (await (await admin()).customers.get.query({ id: customer })).consent.suppressed;

it('a bounce posted to the webhook: the suppression names it, and the customer page returns it', async () => {
  const sent = await delivered('ann');
  const raw = corpus('lhost-postfix-14.eml', [['kijitora@2jo.example.jp', 'ann@example.com'], ['<20150213024813.DE9FF20C16@2jo.example.jp>', sent.message_id]]);
  expect((await webhook(raw, 'message/rfc822')).status).toBe(200);
  const suppressed = await reportOf('ann');
  expect(suppressed).toMatchObject({ reason: 'hard_bounce', outboxId: sent.id });
  expect(suppressed?.report).toMatchObject({
    source: 'webhook', matchedBy: 'message_id', type: 'bounce', hard: true, reason: 'user_unknown', status: '5.1.1',
    at: rig.clock.now().toISOString(), eventId: expect.any(String),
    email: { id: sent.id, subject: expect.any(String), sentAt: expect.any(String), journeyId: 'j_comply' },
  });
  expect(suppressed?.report?.diagnostic).toMatch(/unknown user/i);
  const [event] = await rig.db.sql`select type, soft from email_events where id = ${suppressed!.report!.eventId!}`;
  expect(event).toEqual({ type: 'bounce', soft: false });
});

it('a bounce sent to the bounce listener: its report says so, tied by recipient and time', async () => {
  const sent = await delivered('ben');
  const raw = corpus('lhost-courier-01.eml', [['kijitora@example.co.jp', 'ben@example.com']]);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  await transport.sendMail({ envelope: { from: '', to: [`bounces@${DOMAIN}`] }, raw });
  transport.close();
  expect((await reportOf('ben'))?.report).toMatchObject({
    source: 'listener', matchedBy: 'recipient', type: 'bounce', hard: true, email: { id: sent.id },
  });
});

it('a relay\'s webhook (Postmark): the suppression names the relay; the overview lists it with the email answered', async () => {
  const sent = await delivered('cy');
  const sample = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/relays/postmark-bounce.json'), 'utf8'));
  const bounce = { ...sample, Email: 'cy@example.com', Content: `Return-Path: <>\r\n\r\n--b\r\nMessage-ID: ${sent.message_id}\r\nSubject: Hi\r\n` };
  const res = await fetch(`${rig.base}/webhooks/bounces/postmark`, {
    method: 'POST', body: JSON.stringify(bounce),
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`postmark:${POSTMARK_PASSWORD}`).toString('base64')}` },
  });
  expect(res.status).toBe(200);
  expect((await reportOf('cy'))?.report).toMatchObject({ source: 'postmark', matchedBy: 'message_id', hard: true, email: { id: sent.id } });
  const overview = await (await admin()).compliance.overview.query({ search: 'cy@' });
  expect(overview.suppressions).toEqual([expect.objectContaining({ address: 'cy@example.com', report: expect.objectContaining({ source: 'postmark' }) })]);
});

it('soft bounces suppress at the limit, naming the last report; hard and soft are counted apart; lifting works', async () => {
  const soft = (messageId: string) => webhook(JSON.stringify({ type: 'bounce', messageId, address: 'dee@example.com', reason: '452 4.2.2 Mailbox full', hard: false }), 'application/json');
  let last = '';
  for (let i = 0; i < 3; i++) {
    const sent = await delivered('dee');
    last = sent.id;
    expect((await soft(sent.message_id)).status).toBe(200);
  }
  const suppressed = await reportOf('dee');
  expect(suppressed).toMatchObject({ reason: 'soft_bounce', facts: { count: 3, reasons: { mailbox_full: 3 } } });
  expect(suppressed?.report).toMatchObject({ source: 'webhook', hard: false, reason: 'mailbox_full', status: '4.2.2', diagnostic: '452 4.2.2 Mailbox full', email: { id: last } });

  // Three hard (ann, ben, cy) and three soft (dee), each email once: on the email step and the dashboard.
  const counters = (await rig.engine.stats(rig.versionId)).nodes.mail.counters;
  expect(counters).toMatchObject({ bounces: 6, hard_bounces: 3, soft_bounces: 3 });
  const dashboard = await (await admin()).dashboard.get.query({ days: 7 });
  expect(dashboard.email).toMatchObject({ bounced: 6, hardBounced: 3, softBounced: 3 });

  const client = await admin();
  expect(await client.compliance.unsuppress.mutate({ address: 'dee@example.com' })).toEqual({ address: 'dee@example.com' });
  expect(await reportOf('dee')).toBeNull();
  expect(await client.compliance.unsuppress.mutate({ address: 'ann@example.com' })).toEqual({ address: 'ann@example.com' });
  expect(await reportOf('ann')).toBeNull();
  // Lifting clears the soft flag the limit counts by; the counters stay as reported.
  expect((await rig.engine.stats(rig.versionId)).nodes.mail.counters).toMatchObject({ hard_bounces: 3, soft_bounces: 3 });
});

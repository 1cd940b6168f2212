// Bounces and complaints that arrive after the SMTP server accepted an email: POST
// /webhooks/bounces with a DSN (RFC 3464) or ARF report (RFC 5965) as message/rfc822, or the
// JSON a relay forwards. Real Postgres, the real dispatcher and SMTP sink, the real HTTP front door.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_KEY, startRig, WS, type Rig } from './support/compliance';
import { arf, autoReply, dsn, qmailNotice } from './support/reports';

let rig: Rig;
const customers = [
  { id: 'ada', email: 'Ada@Example.com', firstName: 'Ada' },
  { id: 'bob', email: 'bob@example.com', firstName: 'Bob' },
  { id: 'cy', email: 'cy@example.com', firstName: 'Cy' },
  { id: 'dee', email: 'dee@example.com', firstName: 'Dee' },
  { id: 'eve', email: 'eve@example.com', firstName: 'Eve' },
  { id: 'fay', email: 'fay@example.com', firstName: 'Fay' },
];
beforeAll(async () => { rig = await startRig(customers); });
afterAll(async () => { await rig?.close(); });

const auth = { authorization: `Basic ${Buffer.from(`${INGEST_KEY}:`).toString('base64')}` };
async function post(body: string, contentType: string, headers: Record<string, string> = auth) {
  const res = await fetch(`${rig.base}/webhooks/bounces`, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body });
  return { status: res.status, body: await res.json() as Record<string, unknown> & { issues?: Array<{ path: string; message: string }> } };
}

/** Orders for the customer and delivers both emails; the marketing email's Message-ID. */
async function deliveredMarketingEmail(customerId: string, orderId: string): Promise<string> {
  await rig.order(customerId, orderId);
  expect(await rig.dispatch()).toEqual({ sent: 2, retried: 0, failed: 0, suppressed: 0 });
  const [row] = await rig.db.sql`select message_id from email_outbox
    where customer_id = ${customerId} and node_id = 'mail' order by created_at desc limit 1`;
  return row.message_id;
}

const suppression = async (address: string) =>
  (await rig.db.sql`select reason, detail from email_suppressions where workspace_id = ${WS} and address = ${address}`)[0];
const events = async (customerId: string, type: string) =>
  (await rig.db.sql`select node_id from email_events where customer_id = ${customerId} and type = ${type}`).map((e) => e.node_id);

describe('a DSN hard bounce received later', () => {
  it('suppresses the address, counts a bounce on the email step, and stops all email to it', async () => {
    const messageId = await deliveredMarketingEmail('ada', 'o-1');
    const res = await post(dsn({ messageId, recipient: 'ada@example.com' }), 'message/rfc822');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, type: 'bounce', address: 'ada@example.com', suppressed: 'hard_bounce' });
    expect(await suppression('ada@example.com')).toMatchObject({ reason: 'hard_bounce' });
    expect((await suppression('ada@example.com')).detail).toContain('5.1.1');
    expect(await events('ada', 'bounce')).toEqual(['mail']);
    expect((await rig.engine.stats(rig.versionId)).nodes.mail.counters.bounces).toBe(1);

    // Repeating the report (relays retry) changes nothing.
    const again = await post(dsn({ messageId, recipient: 'ada@example.com' }), 'message/rfc822');
    expect(again.body).toMatchObject({ success: true, duplicate: true });
    expect(await events('ada', 'bounce')).toHaveLength(1);

    // A hard bounce stops transactional email too.
    await rig.order('ada', 'o-2');
    expect(await rig.dispatch()).toEqual({ sent: 0, retried: 0, failed: 0, suppressed: 0 });
  });

  it('reads the Message-ID from text/rfc822-headers as well', async () => {
    const messageId = await deliveredMarketingEmail('dee', 'o-3');
    const res = await post(dsn({ messageId, recipient: 'dee@example.com', original: 'headers' }), 'message/rfc822');
    expect(res.body).toMatchObject({ type: 'bounce', address: 'dee@example.com' });
  });

  it('a delayed (4.x.x) DSN changes nothing', async () => {
    const messageId = await deliveredMarketingEmail('cy', 'o-4');
    const res = await post(dsn({ messageId, recipient: 'cy@example.com', action: 'delayed', status: '4.4.7' }), 'message/rfc822');
    expect(res.status).toBe(200);
    expect(res.body.ignored).toMatch(/delayed/);
    expect(await suppression('cy@example.com')).toBeUndefined();
  });
});

describe('soft bounces, notices in prose, auto-replies', () => {
  it('a full mailbox (5.2.2) is recorded as a bounce on the step but suppresses nothing: the next email goes', async () => {
    const messageId = await deliveredMarketingEmail('eve', 'o-8');
    const res = await post(dsn({ messageId, recipient: 'eve@example.com', status: '5.2.2', diagnostic: '552 5.2.2 Mailbox full' }), 'message/rfc822');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, type: 'bounce', reason: 'mailbox_full', hard: false, suppressed: null });
    expect(await suppression('eve@example.com')).toBeUndefined();
    expect(await events('eve', 'bounce')).toEqual(['mail']);
    expect(await deliveredMarketingEmail('eve', 'o-9')).toMatch(/@afterglow>$/);
  });

  it('a qmail notice in plain text is read: an unknown user is a hard bounce', async () => {
    const messageId = await deliveredMarketingEmail('fay', 'o-10');
    const res = await post(qmailNotice({ messageId, recipient: 'fay@example.com', said: '550 5.1.1 <fay@example.com>... User Unknown' }), 'message/rfc822');
    expect(res.body).toMatchObject({ type: 'bounce', reason: 'user_unknown', hard: true, address: 'fay@example.com', suppressed: 'hard_bounce' });
    expect((await suppression('fay@example.com')).detail).toContain('User Unknown');
  });

  it('an out-of-office auto-reply changes nothing', async () => {
    const res = await post(autoReply({ recipient: 'eve@example.com' }), 'message/rfc822');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, reason: 'vacation' });
    expect(await suppression('eve@example.com')).toBeUndefined();
  });
});

describe('an ARF spam complaint', () => {
  it('suppresses marketing email, withdraws consent in the ledger, counts a complaint; order email still goes', async () => {
    const messageId = await deliveredMarketingEmail('bob', 'o-5');
    const res = await post(arf({ messageId, recipient: 'bob@example.com' }), 'message/rfc822');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, type: 'complaint', suppressed: 'complaint' });
    expect(await suppression('bob@example.com')).toMatchObject({ reason: 'complaint' });
    const [customer] = await rig.db.sql`select marketing_consent from customers where id = 'bob'`;
    expect(customer.marketing_consent).toBe(false);
    const ledger = await rig.db.sql`select action, source from consent_ledger where customer_id = 'bob'`;
    expect(ledger).toEqual([{ action: 'opt_out', source: 'complaint' }]);
    expect((await rig.engine.stats(rig.versionId)).nodes.mail.counters.complaints).toBe(1);

    await post(arf({ messageId, recipient: 'bob@example.com' }), 'message/rfc822');
    expect(await events('bob', 'complaint')).toHaveLength(1);
    expect(await rig.db.sql`select 1 from consent_ledger where customer_id = 'bob'`).toHaveLength(1);

    rig.sink.messages.length = 0;
    await rig.order('bob', 'o-6');
    expect(await rig.dispatch()).toEqual({ sent: 1, retried: 0, failed: 0, suppressed: 0 });
    expect(rig.sink.messages.map((m) => m.headers.get('x-afterglow-kind'))).toEqual(['transactional']);
  });
});

describe('the JSON a relay forwards', () => {
  it('records a bounce; a later complaint does not weaken the hard bounce', async () => {
    const messageId = await deliveredMarketingEmail('cy', 'o-7');
    const bare = messageId.replace(/^<|>$/g, '');
    const res = await post(JSON.stringify({ type: 'bounce', messageId: bare, address: 'cy@example.com', reason: 'smtp; 550 5.1.1 user unknown' }), 'application/json');
    expect(res.body).toMatchObject({ type: 'bounce', address: 'cy@example.com' });
    await post(JSON.stringify({ type: 'complaint', messageId, address: 'cy@example.com' }), 'application/json');
    expect(await suppression('cy@example.com')).toMatchObject({ reason: 'hard_bounce' });
    expect(await events('cy', 'complaint')).toEqual(['mail']);
  });

  it('refuses bad requests naming the field, and records nothing', async () => {
    const before = await rig.db.sql`select count(*)::int as n from email_events`;
    const bad = await post(JSON.stringify({ type: 'spam', messageId: 'a b', address: 'nope' }), 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.body.issues!.map((i) => i.path).sort()).toEqual(['address', 'messageId', 'type']);
    const unknown = await post(JSON.stringify({ type: 'bounce', messageId: '<nobody@afterglow>', address: 'x@example.com' }), 'application/json');
    expect(unknown.status).toBe(404);
    expect(unknown.body.issues).toEqual([{ path: 'messageId', message: expect.stringContaining('<nobody@afterglow>') }]);
    // No original, no VERP address, and no email to its recipient: tied to nothing.
    const noOriginal = await post(dsn({ messageId: '<x@y>', recipient: 'x@example.com', original: 'none' }), 'message/rfc822');
    expect(noOriginal.status).toBe(404);
    expect(noOriginal.body.issues).toEqual([{ path: 'messageId', message: expect.stringContaining('no email to x@example.com in the last 7 days') }]);
    const notReport = await post('From: a@b\r\nSubject: hi\r\n\r\nhello', 'message/rfc822');
    expect(notReport.body.issues).toEqual([{ path: 'Content-Type', message: expect.stringContaining('multipart/report') }]);
    expect((await post('{}', 'text/plain')).status).toBe(415);
    expect((await post('{}', 'application/json', {})).status).toBe(401);
    expect((await post('{}', 'application/json', { authorization: `Basic ${Buffer.from('wrong:').toString('base64')}` })).status).toBe(401);
    expect(await rig.db.sql`select count(*)::int as n from email_events`).toEqual(before);
  });
});

// Matching a bounce to its email, and the inbound bounce mailbox (docs/email.md, "Matching a
// report to its email", "The bounce listener"): with a return-path domain set, every email goes
// out with its own signed envelope sender (VERP); real bounce mails of the corpus are sent by
// SMTP to Afterglow's listener and tied by Message-ID, by VERP alone, or by recipient and
// time; a forged token, an old or unknown recipient tie nothing and suppress no one.
// Real Postgres, the real dispatcher and mailer, a real SMTP server recording the envelope.
import { startBounceListener } from '@afterglow/api';
import { bounceSettingsSection } from '@afterglow/db';
import { createMailer, type Mailer } from '@afterglow/email';
import { bounceSettingsSchema } from '@afterglow/journey-core';
import nodemailer from 'nodemailer';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusMail, expected } from './support/bounce-corpus';
import { INGEST_KEY, startRig, WS, type Rig } from './support/compliance';

const DOMAIN = 'bounces.shop.test';
const DAY = 86_400_000;
let rig: Rig;
let listener: { port: number; close(): Promise<void> };
let envelopeSink: SMTPServer;
let mailer: Mailer;
const envelopes: Array<{ from: string; to: string[] }> = [];

beforeAll(async () => {
  rig = await startRig(['ann', 'ben', 'cat', 'dan', 'eve', 'fay'].map((id) => ({ id, email: `${id}@example.com`, firstName: id })));
  await bounceSettingsSection.save(rig.db.sql, WS, bounceSettingsSchema.parse({ returnPathDomain: DOMAIN }));
  listener = await startBounceListener({ database: rig.db, clock: rig.clock, port: 0, host: '127.0.0.1' });
  // Records each email's envelope sender: where its bounces will go.
  envelopeSink = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        envelopes.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => envelopeSink.listen(0, '127.0.0.1', resolve));
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(envelopeSink.server.address() as AddressInfo).port}` });
});
afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => (envelopeSink ? envelopeSink.close(() => resolve()) : resolve()));
  await listener?.close();
  await rig?.close();
});

let orders = 0;
/** An order's marketing email delivered (the order confirmation dropped); its row and envelope sender. */
async function delivered(customer: string) {
  await rig.order(customer, `o-${++orders}`);
  await rig.db.sql`delete from email_outbox where customer_id = ${customer} and node_id = 'receipt' and status = 'pending'`;
  envelopes.length = 0;
  expect((await rig.dispatch(mailer)).sent).toBe(1);
  const [row] = await rig.db.sql<{ id: string; message_id: string }[]>`
    select id, message_id from email_outbox where customer_id = ${customer} and node_id = 'mail' order by created_at desc limit 1`;
  expect(envelopes).toHaveLength(1);
  return { ...row, returnPath: envelopes[0].from };
}

/** Sends a bounce to the listener as a mail server does: from the null sender, to `to`. */
async function bounceBySmtp(raw: string | Buffer, to: string): Promise<{ ok: true; response: string } | { ok: false; code: number; response: string }> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({ envelope: { from: '', to: [to] }, raw });
    return { ok: true, response: info.response };
  } catch (err) {
    const e = err as { responseCode: number; response: string };
    return { ok: false, code: e.responseCode, response: e.response };
  } finally {
    transport.close();
  }
}

const suppressions = () => rig.db.sql<{ address: string; reason: string; outbox_id: string }[]>`
  select address, reason, outbox_id from email_suppressions where workspace_id = ${WS} order by address`;
const counters = async () => (await rig.engine.stats(rig.versionId)).nodes.mail.counters;
/** A corpus mail with its recipient (and Message-ID) replaced by ours. */
const corpus = (file: string, replace: Array<[string, string]>) =>
  replace.reduce((text, [from, to]) => text.split(from).join(to), corpusMail(file).toString('latin1'));

describe('VERP return paths', () => {
  it('every email goes out with its own return path at the domain, the token signed and short', async () => {
    const a = await delivered('eve');
    const b = await delivered('eve');
    for (const r of [a, b]) expect(r.returnPath).toMatch(/^bounces\+[a-z2-7]{39}@bounces\.shop\.test$/);
    expect(a.returnPath).not.toBe(b.returnPath);
    expect(a.returnPath.split('@')[0].length).toBeLessThanOrEqual(64);
  });
});

describe('the bounce listener', () => {
  it('a real Postfix bounce quoting the original: matched by Message-ID, the address suppressed, counted', async () => {
    const sent = await delivered('ann');
    const before = (await counters()).bounces ?? 0;
    const raw = corpus('lhost-postfix-14.eml', [['kijitora@2jo.example.jp', 'ann@example.com'], ['<20150213024813.DE9FF20C16@2jo.example.jp>', sent.message_id]]);
    const reply = await bounceBySmtp(raw, sent.returnPath);
    expect(reply).toMatchObject({ ok: true, response: expect.stringContaining('matched by message_id') });
    expect(await suppressions()).toContainEqual({ address: 'ann@example.com', reason: 'hard_bounce', outbox_id: sent.id });
    expect((await counters()).bounces).toBe(before + 1);
    // Sent again (a relay retrying): recorded once.
    expect(await bounceBySmtp(raw, sent.returnPath)).toMatchObject({ ok: true });
    expect((await counters()).bounces).toBe(before + 1);
  });

  it('a bounce quoting nothing of the original and naming another address: tied by VERP alone', async () => {
    const sent = await delivered('ben');
    // Courier's notice, as received: it names kijitora@example.co.jp and no Message-ID.
    const raw = corpusMail('lhost-courier-01.eml');
    // The signature's first character changed (all five of its bits count).
    const at = 'bounces+'.length + 26;
    const forged = sent.returnPath.slice(0, at) + (sent.returnPath[at] === 'a' ? 'z' : 'a') + sent.returnPath.slice(at + 1);
    expect(await bounceBySmtp(raw, forged)).toMatchObject({ ok: true, response: expect.stringContaining('Nothing recorded') });
    expect((await suppressions()).map((s) => s.address)).not.toContain('ben@example.com');
    const reply = await bounceBySmtp(raw, sent.returnPath);
    expect(reply).toMatchObject({ ok: true, response: expect.stringContaining('matched by verp') });
    expect(await suppressions()).toContainEqual({ address: 'ben@example.com', reason: 'hard_bounce', outbox_id: sent.id });
  });

  it('without Message-ID or VERP: the latest email to the named recipient within 7 days, never an older one', async () => {
    const sent = await delivered('cat');
    rig.clock.advance(2 * DAY);
    const raw = corpus('lhost-courier-01.eml', [['kijitora@example.co.jp', 'cat@example.com']]);
    expect(await bounceBySmtp(raw, `bounces@${DOMAIN}`)).toMatchObject({ ok: true, response: expect.stringContaining('matched by recipient') });
    expect(await suppressions()).toContainEqual({ address: 'cat@example.com', reason: 'hard_bounce', outbox_id: sent.id });

    await delivered('dan');
    rig.clock.advance(8 * DAY);
    const late = corpus('lhost-courier-01.eml', [['kijitora@example.co.jp', 'dan@example.com']]);
    expect(await bounceBySmtp(late, `bounces@${DOMAIN}`)).toMatchObject({ ok: true, response: expect.stringContaining('no email to dan@example.com in the last 7 days') });
    expect((await suppressions()).map((s) => s.address)).not.toContain('dan@example.com');
  });

  it('a report about no email Afterglow sent suppresses no one', async () => {
    const before = await suppressions();
    const reply = await bounceBySmtp(corpusMail('lhost-exchange2007-01.eml'), `bounces@${DOMAIN}`);
    expect(reply).toMatchObject({ ok: true, response: expect.stringContaining('Nothing recorded') });
    expect(await suppressions()).toEqual(before);
  });

  it('reads real mails of every kind from the corpus: a 250 or a 550 naming the part, never a failure, no one suppressed', async () => {
    const before = await suppressions();
    const replies: Record<number, number> = {};
    for (const file of Object.keys(expected).filter((_, i) => i % 8 === 0)) {
      const reply = await bounceBySmtp(corpusMail(file), `bounces@${DOMAIN}`);
      const code = reply.ok ? 250 : reply.code;
      replies[code] = (replies[code] ?? 0) + 1;
      expect([250, 550], `${file}: ${reply.response}`).toContain(code);
    }
    console.log('Every 8th corpus mail through the bounce listener, by SMTP reply:', replies);
    expect(await suppressions()).toEqual(before);
  });

  it('refuses recipients of other domains, mail that is no report, and mail over the size limit', async () => {
    expect(await bounceBySmtp(corpusMail('lhost-courier-01.eml'), 'bounces@elsewhere.test')).toMatchObject({ ok: false, code: 550 });
    expect(await bounceBySmtp('From: a@b.test\r\nSubject: hi\r\n\r\nhello', `bounces@${DOMAIN}`))
      .toMatchObject({ ok: false, code: 550, response: expect.stringContaining('Content-Type') });
    const huge = `From: a@b.test\r\nSubject: big\r\n\r\n${'x'.repeat(76).concat('\r\n').repeat(30_000)}`;
    expect(await bounceBySmtp(huge, `bounces@${DOMAIN}`)).toMatchObject({ ok: false, code: 552 });
  });
});

describe('the webhook reads the VERP address too', () => {
  it('a bounce posted with its To header at the return path and no original: matched by VERP', async () => {
    const sent = await delivered('fay');
    const raw = corpusMail('lhost-courier-01.eml').toString('latin1').replace(/^To: .*$/m, `To: ${sent.returnPath}`);
    const res = await fetch(`${rig.base}/webhooks/bounces`, {
      method: 'POST', body: raw,
      headers: { authorization: `Basic ${Buffer.from(`${INGEST_KEY}:`).toString('base64')}`, 'content-type': 'message/rfc822' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ matchedBy: 'verp', address: 'fay@example.com', suppressed: 'hard_bounce' });
  });
});

// Compliance at delivery, through the engine, the outbox dispatcher and a real SMTP server
// parsed with mailparser: List-Unsubscribe headers and footer on marketing email only,
// tracked links, stable Message-IDs on retry, unsubscribe and hard bounces stopping mail.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { complianceUrls, createMailer } from '@afterglow/email';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawHeader, rawRequest, startRig, WS, type Rig } from './support/compliance';

let rig: Rig;
const customers = [
  { id: 'ada', email: 'ada@example.com', firstName: 'Ada' },
  { id: 'bob', email: 'bob@example.com', firstName: 'Bob' },
  { id: 'cy', email: 'cy@example.com', firstName: 'Cy' },
  { id: 'dee', email: 'dee@example.com', firstName: 'Dee' },
  { id: 'fay', email: 'fay@example.com', firstName: 'Fay' },
  { id: 'gus', email: 'gus@example.com', firstName: 'Gus' },
];

/** Turns the "offers" topic off on the customer's preference page, staying subscribed otherwise. */
async function turnOffOffers(customerId: string) {
  // The preference link every marketing email of the customer carries (queued ones are not rendered yet).
  const [{ secret }] = await rig.db.sql`select signing_secret as secret from workspaces where id = ${WS}`;
  const page = new URL(complianceUrls(rig.base, { workspaceId: WS, customerId, outboxId: '', secret }).preferences).pathname;
  const res = await rawRequest(rig.base, page, { 'content-type': 'application/x-www-form-urlencoded' }, 'POST',
    'marketing=on&topic_new_products=on&topic_reviews=on&topic_loyalty=on');
  expect(res.status).toBe(200);
}

beforeAll(async () => { rig = await startRig(customers); });
afterAll(async () => { await rig?.close(); });

const mailsTo = (address: string) => rig.sink.messages.filter((m) => m.to && 'text' in m.to && m.to.text === address);
const stepDetail = async (customerId: string, nodeId: string) => (await rig.db.sql<{ detail: { email?: string } }[]>`
  select s.detail from run_steps s join journey_runs r on r.id = s.run_id
  where r.customer_id = ${customerId} and s.node_id = ${nodeId} order by s.at desc, s.step_no desc limit 1`)[0]?.detail.email;

/**
 * An SMTP server refusing, with `code`, every message to `address` (others accepted): at RCPT
 * (how "user unknown" usually comes) or after DATA, recording their Message-IDs.
 */
async function refusingServer(address: string, code: number, text: string, at: 'rcpt' | 'data') {
  const seen: string[] = [];
  const refusal = () => Object.assign(new Error(text), { responseCode: code });
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(rcpt, _session, callback) {
      callback(at === 'rcpt' && rcpt.address === address ? refusal() : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        if (!session.envelope.rcptTo.some((r) => r.address === address)) return callback();
        seen.push(mail.messageId ?? '');
        callback(refusal());
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}` });
  return { seen, mailer, close: () => { mailer.close(); return new Promise<void>((r) => server.close(() => r())); } };
}

describe('marketing and transactional email on the wire', () => {
  it('marketing carries RFC 8058 one-click headers, a footer and tracked links; transactional carries neither', async () => {
    await rig.order('ada', 'o-1');
    expect(await rig.dispatch()).toEqual({ sent: 2, retried: 0, failed: 0, suppressed: 0 });
    const [marketing, receipt] = ['Thanks, Ada', 'Order o-1'].map((s) => mailsTo('ada@example.com').find((m) => m.subject === s)!);

    const listUnsubscribe = rawHeader(marketing, 'List-Unsubscribe')!;
    expect(listUnsubscribe).toMatch(new RegExp(`^<${rig.base}/u/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}>$`));
    expect(rawHeader(marketing, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(rawHeader(marketing, 'X-Afterglow-Kind')).toBe('marketing');
    expect(rawHeader(marketing, 'X-Afterglow-Topic')).toBe('offers');
    const html = String(marketing.html);
    expect(html).toContain(`href="${listUnsubscribe.slice(1, -1)}"`);
    expect(html).toMatch(new RegExp(`href="${rig.base}/p/[^"]+"[^>]*>Email preferences`));
    expect(html).toMatch(new RegExp(`<img src="${rig.base}/t/o/[^"]+\\.gif"`));
    expect(marketing.text).toContain(`Unsubscribe: ${listUnsubscribe.slice(1, -1)}`);
    expect(html).toContain('as a customer of Test shop.');
    // Both https links are tracked, nothing else is; their targets are recorded in order.
    expect(html).not.toContain('https://shop.example/');
    expect(html.match(new RegExp(`href="${rig.base}/t/c/`, 'g'))).toHaveLength(2);
    for (const kept of ['mailto:help@shop.example', '//evil.example/x', 'javascript:alert(1)', '%2F%2Fevil.example']) expect(html).toContain(`href="${kept}"`);
    const [row] = await rig.db.sql`select id from email_outbox where customer_id = 'ada' and node_id = 'mail'`;
    const links = await rig.db.sql`select idx, url from email_links where workspace_id = ${WS} and outbox_id = ${row.id} order by idx`;
    expect(links.map((l) => l.url)).toEqual(['https://shop.example/p/trail-runner?utm=mail&ref=1', 'https://shop.example/blog']);

    expect(rawHeader(receipt, 'X-Afterglow-Kind')).toBe('transactional');
    expect(rawHeader(receipt, 'List-Unsubscribe')).toBeUndefined();
    expect(String(receipt.html)).not.toContain('/u/');
    expect(String(receipt.html)).not.toContain('Email preferences');
  });

  it('keeps the Message-ID when a 451 is retried', async () => {
    const busy = await refusingServer('dee@example.com', 451, 'Try again later', 'data');
    try {
      await rig.order('dee', 'o-2');
      expect(await rig.dispatch(busy.mailer)).toEqual({ sent: 0, retried: 2, failed: 0, suppressed: 0 });
      const [pending] = await rig.db.sql`select message_id, status, headers from email_outbox where customer_id = 'dee' and node_id = 'mail'`;
      expect(pending.status).toBe('pending');
      expect(pending.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(await rig.db.sql`select 1 from email_suppressions where address = 'dee@example.com'`).toHaveLength(0);
      rig.clock.advance(60 * 60_000);
      expect(await rig.dispatch()).toEqual({ sent: 2, retried: 0, failed: 0, suppressed: 0 });
      const [delivered] = mailsTo('dee@example.com').filter((m) => m.subject === 'Thanks, Dee');
      expect(delivered.messageId).toBe(pending.message_id);
      expect(busy.seen).toContain(pending.message_id);
    } finally {
      await busy.close();
    }
  });
});

describe('who is never sent marketing email again', () => {
  it('an unsubscribed customer gets no marketing email, still the transactional one', async () => {
    const [row] = await rig.db.sql`select headers from email_outbox where customer_id = 'ada' and node_id = 'mail'`;
    const url = new URL(String(row.headers['List-Unsubscribe']).slice(1, -1));
    const res = await rawRequest(rig.base, url.pathname, { 'content-type': 'application/x-www-form-urlencoded' }, 'POST', 'List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    const before = mailsTo('ada@example.com').length;
    await rig.order('ada', 'o-3');
    expect(await stepDetail('ada', 'mail')).toBe('skipped: the customer opted out of marketing email');
    expect(await rig.dispatch()).toEqual({ sent: 1, retried: 0, failed: 0, suppressed: 0 });
    expect(mailsTo('ada@example.com').slice(before).map((m) => m.subject)).toEqual(['Order o-3']);
  });

  it('the dispatcher stops marketing email queued before the unsubscribe', async () => {
    await rig.order('cy', 'o-4');
    const [queued] = await rig.db.sql`
      select o.id, o.html, w.signing_secret from email_outbox o join workspaces w on w.id = o.workspace_id
      where o.customer_id = 'cy' and o.node_id = 'mail' and o.status = 'pending'`;
    expect(queued.html).toBeNull(); // rendered when it is sent
    // The link the email will carry (an earlier email's link would do the same).
    const url = new URL(complianceUrls(rig.base, { workspaceId: WS, customerId: 'cy', outboxId: queued.id, secret: queued.signing_secret }).unsubscribe);
    expect((await rawRequest(rig.base, url.pathname, {}, 'POST', '')).status).toBe(200);
    expect(await rig.dispatch()).toEqual({ sent: 1, retried: 0, failed: 0, suppressed: 1 });
    const rows = await rig.db.sql`select node_id, status, last_error from email_outbox where customer_id = 'cy' order by node_id`;
    expect(rows).toEqual([
      { node_id: 'mail', status: 'suppressed', last_error: 'unsubscribed' },
      { node_id: 'receipt', status: 'sent', last_error: null },
    ]);
    expect(mailsTo('cy@example.com').map((m) => m.subject)).toEqual(['Order o-4']);
  });

  it('a topic turned off on the preference page stops that topic, at queueing and at sending', async () => {
    await rig.order('fay', 'o-7');
    expect(await rig.dispatch()).toEqual({ sent: 2, retried: 0, failed: 0, suppressed: 0 });
    await turnOffOffers('fay');
    await rig.order('fay', 'o-8');
    expect(await stepDetail('fay', 'mail')).toBe('skipped: the customer turned off the topic "offers"');
    expect(await stepDetail('fay', 'receipt')).toBe('queued');

    await rig.order('gus', 'o-9'); // queued while gus still wants offers
    await turnOffOffers('gus');
    expect(await rig.dispatch()).toEqual({ sent: 2, retried: 0, failed: 0, suppressed: 1 });
    const [row] = await rig.db.sql`select status, last_error from email_outbox where customer_id = 'gus' and node_id = 'mail'`;
    expect(row).toEqual({ status: 'suppressed', last_error: 'topic_opt_out' });
  });

  it('a 550 hard bounce suppresses the address: no more email to it, and the bounce is counted', async () => {
    const refusing = await refusingServer('bob@example.com', 550, '5.1.1 No such user', 'rcpt');
    try {
      await rig.order('bob', 'o-5');
      expect(await rig.dispatch(refusing.mailer)).toEqual({ sent: 0, retried: 0, failed: 2, suppressed: 0 });
    } finally {
      await refusing.close();
    }
    const [suppression] = await rig.db.sql`select reason, detail from email_suppressions where workspace_id = ${WS} and address = 'bob@example.com'`;
    expect(suppression.reason).toBe('hard_bounce');
    expect(suppression.detail).toMatch(/^550 /);
    expect(await rig.db.sql`select node_id from email_events where customer_id = 'bob' and type = 'bounce' order by node_id`)
      .toEqual([{ node_id: 'mail' }, { node_id: 'receipt' }]);

    await rig.order('bob', 'o-6');
    expect(await stepDetail('bob', 'mail')).toBe('skipped: the address is suppressed (hard_bounce)');
    expect(await stepDetail('bob', 'receipt')).toBe('skipped: the address is suppressed (hard_bounce)');
    expect(await rig.db.sql`select 1 from email_outbox where customer_id = 'bob' and status = 'pending'`).toHaveLength(0);
    const stats = await rig.engine.stats(rig.versionId);
    expect(stats.nodes.mail.counters).toMatchObject({ bounces: 1, unsubscribes: 2 });
  });
});

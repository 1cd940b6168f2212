// The bounce policy with a manual clock: soft bounces are counted per address and suppress
// marketing only after the workspace's limit within its window, with no delivery in between;
// a hard bounce suppresses at once; the setting over tRPC (and the return-path domain's); lifting a soft-bounce suppression.
// Real Postgres, the real dispatcher and SMTP sink, real HTTP to the webhook and to tRPC.
import { createRegistry } from '@afterglow/nodes';
import { createTemplateSandbox } from '@afterglow/email';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, startApiServer, type ApiServer } from './support/api-client';
import { INGEST_KEY, startRig, WS, type Rig } from './support/compliance';
import { dsn } from './support/reports';

const DAY = 86_400_000;
const templateSandbox = createTemplateSandbox();
let rig: Rig;
let server: ApiServer;
const names = ['ann', 'ben', 'cat', 'dan', 'eli'];
beforeAll(async () => {
  rig = await startRig(names.map((id) => ({ id, email: `${id}@example.com`, firstName: id })));
  server = await startApiServer({ database: rig.db, registry: createRegistry(), clock: rig.clock, engine: rig.engine, templateSandbox });
  await seedUser(rig.db, { id: 'u_a', workspaceId: WS, email: 'admin@shop.test', password: 'admin-pass-1', role: 'admin' });
});
afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await rig?.close();
});

const auth = { authorization: `Basic ${Buffer.from(`${INGEST_KEY}:`).toString('base64')}` };
let orders = 0;
// The session expires as the clock moves on: a fresh one per test.
const admin = () => signIn(server.url, 'admin@shop.test', 'admin-pass-1');

/**
 * An order's marketing email sent; then, `after` later, it bounces with `status`. The rig's
 * journey also queues an order confirmation: dropped here, as its delivery would reset the count.
 */
async function sendAndBounce(customer: string, status: string, diagnostic: string, after = DAY) {
  await rig.order(customer, `o-${++orders}`);
  await rig.db.sql`delete from email_outbox where customer_id = ${customer} and node_id = 'receipt' and status = 'pending'`;
  expect((await rig.dispatch()).sent).toBe(1);
  const [row] = await rig.db.sql`select message_id from email_outbox where customer_id = ${customer} and node_id = 'mail' order by created_at desc limit 1`;
  rig.clock.advance(after);
  const res = await fetch(`${rig.base}/webhooks/bounces`, {
    method: 'POST', headers: { ...auth, 'content-type': 'message/rfc822' },
    body: dsn({ messageId: row.message_id, recipient: `${customer}@example.com`, status, diagnostic }),
  });
  expect(res.status).toBe(200);
  return await res.json() as { suppressed: string | null; hard: boolean; reason: string };
}
const full = (customer: string, after?: number) => sendAndBounce(customer, '5.2.2', '552 5.2.2 Mailbox full', after);
const suppression = async (address: string) =>
  (await rig.db.sql`select reason, detail, facts, outbox_id from email_suppressions where workspace_id = ${WS} and address = ${address}`)[0];

describe('soft bounces', () => {
  it('two do not suppress; the third within the window does, naming reasons, count and the last report', async () => {
    expect(await full('ann')).toMatchObject({ hard: false, reason: 'mailbox_full', suppressed: null });
    expect(await full('ann', 3 * DAY)).toMatchObject({ suppressed: null });
    expect(await suppression('ann@example.com')).toBeUndefined();
    expect(await full('ann', 2 * DAY)).toMatchObject({ suppressed: 'soft_bounce' });
    const row = await suppression('ann@example.com');
    const [last] = await rig.db.sql`select id from email_outbox where customer_id = 'ann' and node_id = 'mail' order by created_at desc limit 1`;
    expect(row).toMatchObject({ reason: 'soft_bounce', outbox_id: last.id, facts: { count: 3, days: 6, reasons: { mailbox_full: 3 } } });
    expect(row.detail).toBe('3 × mailbox_full: 3 soft bounces in 6 days');
    // Marketing stops; the order confirmation still goes.
    await rig.order('ann', `o-${++orders}`);
    expect(await rig.dispatch()).toMatchObject({ sent: 1 });
  });

  it('a delivery in between resets the count', async () => {
    await full('ben');
    await full('ben');
    await rig.order('ben', `o-${++orders}`); // delivered, no bounce
    expect((await rig.dispatch()).sent).toBe(2);
    rig.clock.advance(DAY);
    expect(await full('ben')).toMatchObject({ suppressed: null });
    expect(await full('ben')).toMatchObject({ suppressed: null });
    expect(await full('ben')).toMatchObject({ suppressed: 'soft_bounce' });
  });

  it('soft bounces spread beyond the window do not suppress', async () => {
    await full('cat');
    await full('cat', 20 * DAY);
    expect(await full('cat', 20 * DAY)).toMatchObject({ suppressed: null }); // the first is 40 days old
    expect(await suppression('cat@example.com')).toBeUndefined();
  });

  it('a hard bounce suppresses at once', async () => {
    expect(await sendAndBounce('dan', '5.1.1', '550 5.1.1 User unknown')).toMatchObject({ hard: true, suppressed: 'hard_bounce' });
    expect(await suppression('dan@example.com')).toMatchObject({ reason: 'hard_bounce', facts: { reason: 'user_unknown' } });
  });
});

describe('the setting', () => {
  it('refuses bad values with a 400 naming the field, and a stricter limit applies to the next bounce', async () => {
    const client = await admin();
    expect(await client.bounces.settings.query()).toEqual({ softLimit: 3, softWindowDays: 30 });
    for (const [field, bad] of [['softLimit', 1], ['softLimit', 2.5], ['softLimit', 21], ['softWindowDays', 0], ['softWindowDays', 366]] as const) {
      const refused = await errorOf(client.bounces.saveSettings.mutate({ softLimit: 3, softWindowDays: 30, [field]: bad }));
      expect(refused.data.httpStatus).toBe(400);
      expect(JSON.stringify(refused)).toContain(field);
    }
    expect(await client.bounces.saveSettings.mutate({ softLimit: 2, softWindowDays: 7 })).toEqual({ softLimit: 2, softWindowDays: 7 });
    await full('eli');
    expect(await full('eli')).toMatchObject({ suppressed: 'soft_bounce' });
  });

  it('lifting a soft-bounce suppression mails the address again, and its count starts afresh', async () => {
    const client = await admin();
    const [listed] = (await client.compliance.overview.query({ search: 'eli@' })).suppressions;
    expect(listed).toMatchObject({ reason: 'soft_bounce', facts: { count: 2, days: 2, reasons: { mailbox_full: 2 } } });
    expect(await client.compliance.unsuppress.mutate({ address: 'eli@example.com' })).toEqual({ address: 'eli@example.com' });
    expect(await full('eli')).toMatchObject({ suppressed: null });
    expect(await full('eli')).toMatchObject({ suppressed: 'soft_bounce' });
  });

  it('the return-path domain (VERP): a bad one is a 400 naming it; saving the limits alone keeps it; null turns it off', async () => {
    const client = await admin();
    for (const bad of ['not a domain', 'bounces..shop.test', 'bounces.shop.test.', `${'x'.repeat(250)}.com`, 42]) {
      const refused = await errorOf(client.bounces.saveSettings.mutate({ softLimit: 2, softWindowDays: 7, returnPathDomain: bad as string }));
      expect(refused.data.httpStatus).toBe(400);
      expect(JSON.stringify(refused)).toContain('returnPathDomain');
    }
    const limits = { softLimit: 2, softWindowDays: 7 };
    expect(await client.bounces.saveSettings.mutate({ ...limits, returnPathDomain: ' Bounces.Shop.Test ' })).toEqual({ ...limits, returnPathDomain: 'bounces.shop.test' });
    expect(await client.bounces.saveSettings.mutate(limits)).toEqual({ ...limits, returnPathDomain: 'bounces.shop.test' });
    expect(await client.bounces.saveSettings.mutate({ ...limits, returnPathDomain: null })).toEqual({ ...limits, returnPathDomain: null });
  });
});

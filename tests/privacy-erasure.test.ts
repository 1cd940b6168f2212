// A customer's data rights end to end, through the real server: a customer who came in through
// the Segment API (an anonymous visit, identify, two orders), walked a journey that emailed them
// through the engine and SMTP, issued a coupon, granted points, called a webhook and reached its
// goal, opened and clicked, changed preferences and complained. Their export holds all of it;
// after erasure no table holds their email, name, phone, address or anonymous id (only a hash),
// their runs are ended with the canvas counts exact, revenue and aggregates agree, and the same
// address, identified again, gets no marketing email (transactional still goes).
import { ERASED_CUSTOMER_ID, rebuildOrderAggregates, type Database } from '@afterglow/db';
import { complianceUrls, inflateHtml, reviewPageLinks } from '@afterglow/email';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from './support/api-client';
import { placesOffRuns } from './support/places';
import { SIGNING_SECRET, startRightsRig, tablesHolding, WS, type RightsRig } from './support/privacy';

const ZEPH = 'cust-zeph';
const EMAIL = 'Zephyrine.Quill@example.org';
const PERSONAL = ['zephyrine.quill@example.org', 'zephyrine.quill%40example.org', 'Zephyrine', 'Quillfeather', '+44 7700 900461',
  '17 Marigold Lane', 'anon-zeph-7731'];
const mjml = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
const at = { x: 0, y: 0 };

let rig: RightsRig;
let versionId: string;

/** The journey a marketer draws: thank-you email, receipt, coupon, points, webhook, a week's wait; the goal is a further order. */
async function publishJourney() {
  const marketer = rig.as('marketer');
  const { id } = await marketer.journeys.create.mutate({ name: 'Thank you' });
  await marketer.journeys.saveDraft.mutate({ id, draft: { nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' } },
    { id: 'mail', type: 'core/send-email', position: at, config: { subject: 'Thanks, {{ customer.firstName }}', preheader: '', kind: 'marketing',
      body: mjml('Dear {{ customer.firstName }} {{ customer.lastName }}, <a href="https://shop.example/account?who={{ customer.email }}">your account</a>') } },
    { id: 'receipt', type: 'core/send-email', position: at, config: { subject: 'Order {{ order.id }}', preheader: '', kind: 'transactional', body: mjml('Order {{ order.id }} is confirmed.') } },
    { id: 'coupon', type: 'core/issue-coupon', position: at, config: { kind: 'percent', value: 10, prefix: 'THANKS', validDays: 30, minOrderTotal: 0, description: '' } },
    { id: 'points', type: 'core/grant-points', position: at, config: { amount: 10, reason: 'Thank you for your order' } },
    { id: 'hook', type: 'core/call-webhook', position: at, config: { url: rig.receiver.url, method: 'POST', headers: [], secret: '',
      body: '{ "email": "{{ customer.email }}", "name": "{{ customer.fullName }}", "phone": "{{ customer.attributes.phone }}" }' } },
    { id: 'wait', type: 'core/wait', position: at, config: { mode: 'duration', amount: 7, unit: 'days', weekday: -1, hour: 10 } },
  ], edges: ['trigger', 'mail', 'receipt', 'coupon', 'points', 'hook', 'wait'].slice(1).map((target, i, all) => ({
    id: `e${i}`, source: i === 0 ? 'trigger' : all[i - 1], sourceHandle: 'out', target })) } });
  await marketer.journeys.saveSettings.mutate({ id, settings: { reentry: { mode: 'trigger' }, goal: { event: 'Order Completed', matchTriggerProperty: '' } } });
  const published = await marketer.journeys.publish.mutate({ id });
  if (!published.ok) throw new Error(JSON.stringify(published));
  const [row] = await rig.sql<{ versionId: string }[]>`select current_version_id as "versionId" from journeys where id = ${id}`;
  return row.versionId;
}

const order = (userId: string, orderId: string, total: number, extra: Record<string, unknown> = {}) => rig.post('/v1/track', {
  userId, event: 'Order Completed', messageId: `msg-${orderId}`,
  properties: { order_id: orderId, total, currency: 'EUR', products: [{ product_id: 'mug-1', name: 'Engraved mug', price: total, quantity: 1 }], ...extra },
});

const outboxOf = async (customerId: string) => (await rig.sql<{ id: string; nodeId: string; messageId: string; html: Buffer | null }[]>`
  select id, node_id as "nodeId", message_id as "messageId", html_deflated as html from email_outbox
  where workspace_id = ${WS} and customer_id = ${customerId} order by created_at, node_id`)
  .map((row) => ({ ...row, html: row.html && inflateHtml(row.html) }));

async function journeyFigures(sql: Database['sql']) {
  const stats = await rig.app.engine.stats(versionId);
  const [orders] = await sql`select count(*)::int as n, sum(total)::float8 as revenue from orders where workspace_id = ${WS}`;
  return { entered: stats.totals.entered, converted: stats.totals.converted, revenue: stats.totals.revenue,
    emails: stats.nodes.mail?.counters.emails, coupons: stats.nodes.coupon?.counters.issued, orders };
}

beforeAll(async () => {
  rig = await startRightsRig();
  await rig.sql`insert into segments (id, workspace_id, name, rule)
    values ('seg_buyers', ${WS}, 'Buyers', ${rig.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1 })})`;
  versionId = await publishJourney();

  // Zephyrine: an anonymous visit, then identify claims it; an order with a shipping address.
  expect((await rig.post('/v1/track', { anonymousId: 'anon-zeph-7731', event: 'Viewed Product', properties: { product_id: 'mug-1' } })).status).toBe(200);
  expect((await rig.post('/v1/identify', { userId: ZEPH, anonymousId: 'anon-zeph-7731', traits: {
    email: EMAIL, firstName: 'Zephyrine', lastName: 'Quillfeather', phone: '+44 7700 900461', address: { street: '17 Marigold Lane', city: 'Lyme Regis' },
  } })).status).toBe(200);
  expect((await order(ZEPH, 'ord-z1', 42, { shipping: { name: 'Zephyrine Quillfeather', street: '17 Marigold Lane' } })).status).toBe(200);
  // Someone else, whose data must come through untouched.
  await rig.post('/v1/identify', { userId: 'cust-olaf', traits: { email: 'olaf@example.org', firstName: 'Olaf' } });
  await order('cust-olaf', 'ord-o1', 30);
  await rig.settle();

  // Opened and clicked (from her phone), and turned the offers topic off on the preference page.
  const [mail] = (await outboxOf(ZEPH)).filter((m) => m.nodeId === 'mail');
  const ua = { 'user-agent': 'Mozilla/5.0 (iPhone; Zephyrine)' };
  await fetch(`${rig.app.url}${/\/t\/o\/[^"]+\.gif/.exec(mail.html ?? '')![0]}`, { headers: ua });
  await fetch(`${rig.app.url}${/\/t\/c\/[^"]+/.exec(mail.html ?? '')![0]}`, { headers: ua, redirect: 'manual' });
  const preferences = complianceUrls(rig.app.url, { workspaceId: WS, customerId: ZEPH, outboxId: '', secret: SIGNING_SECRET }).preferences;
  await fetch(preferences, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'marketing=on&topic_new_products=on&topic_reviews=on&topic_loyalty=on' });
  // And reviewed the mug on the hosted review page, signing with her name.
  const review = reviewPageLinks({ publicUrl: rig.app.url, secret: SIGNING_SECRET, workspaceId: WS, customerId: ZEPH, now: rig.clock.now() })('ord-z1');
  expect((await fetch(review, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'rating_0=5&text_0=Lovely+mug%2C+Zephyrine+Quillfeather' })).status).toBe(200);

  // A second order reaches the first run's goal and starts a new run.
  rig.clock.advance(86400e3);
  await rig.signInAll();
  await order(ZEPH, 'ord-z2', 58);
  await rig.settle();
  // A complaint suppresses her address; an admin lifts it (the audit log names the address); she complains again.
  const [first, second] = (await outboxOf(ZEPH)).filter((m) => m.nodeId === 'receipt');
  const complain = (messageId: string) => rig.post('/webhooks/bounces', { type: 'complaint', messageId, address: EMAIL, reason: 'spam button' });
  expect((await complain(first.messageId)).status).toBe(200);
  await rig.as('admin').compliance.unsuppress.mutate({ address: EMAIL });
  expect((await complain(second.messageId)).status).toBe(200);
}, 180_000);
afterAll(async () => { await rig?.close(); });

describe("a customer's data rights", () => {
  it('exports everything held about the customer, to oversight roles, audited', async () => {
    expect((await errorOf(rig.as('viewer').customers.export.mutate({ id: ZEPH }))).code).toBe('FORBIDDEN');
    const data = await rig.as('manager').customers.export.mutate({ id: ZEPH });
    const counts = Object.fromEntries(Object.entries(data.tables).map(([table, rows]) => [table, rows.length]));
    // loyalty_ledger: the journey's two grants and the points her two orders earned.
    expect(counts).toMatchObject({
      customers: 1, customer_aliases: 1, customer_preferences: 1, events: 5, reviews: 1, orders: 2, order_items: 2, loyalty_ledger: 4,
      coupons: 2, segment_memberships: 1, customer_order_stats: 1, journey_runs: 2, conversions: 1, email_outbox: 4,
      email_events: expect.any(Number), email_links: 2, dev_mailbox: 4, consent_ledger: expect.any(Number),
      email_suppressions: 1, service_effects: 2, hashed_suppressions: 0,
    });
    expect(counts.run_steps).toBeGreaterThanOrEqual(14);
    expect(data.tables.customers[0]).toMatchObject({ email: EMAIL, attributes: { phone: '+44 7700 900461' } });
    expect(data.tables.email_events.map((e) => e.type)).toEqual(expect.arrayContaining(['open', 'click', 'complaint']));
    expect(String(data.tables.email_outbox.find((o) => o.node_id === 'mail')!.html)).toContain('Dear Zephyrine Quillfeather');
    // Secrets and duplicates stay out: the webhook calls' secret fields (emptied once delivered), the raw MIME.
    expect(data.tables.service_effects.map((e) => [e.service_id, e.status, (e.payload as { signingSecret?: string }).signingSecret]))
      .toEqual([['core/webhook', 'delivered', undefined], ['core/webhook', 'delivered', undefined]]);
    expect(Object.keys(data.tables.dev_mailbox[0])).not.toContain('raw');
    const [audit] = await rig.sql`select actor_email, target_id from audit_log where action = 'customers.export'`;
    expect(audit).toEqual({ actor_email: 'manager@rights.test', target_id: ZEPH });
  });

  it('erases the customer: nothing personal remains, runs ended, counts, revenue and aggregates intact', async () => {
    const sql = rig.sql;
    expect(await tablesHolding(sql, PERSONAL)).toEqual(['audit_log', 'customer_aliases', 'customers', 'dev_mailbox', 'email_events',
      'email_links', 'email_outbox', 'email_suppressions', 'event_names', 'events', 'journey_runs', 'reviews', 'service_effects']);
    const before = await journeyFigures(sql);
    const olafBefore = await sql`select * from customer_order_stats where customer_id = 'cust-olaf'`;

    expect((await errorOf(rig.as('marketer').customers.erase.mutate({ id: ZEPH, confirm: ZEPH }))).code).toBe('FORBIDDEN');
    const mistyped = await errorOf(rig.as('admin').customers.erase.mutate({ id: ZEPH, confirm: 'cust-zep' }));
    expect(mistyped.data.issues).toEqual([{ field: 'confirm', message: 'Type the customer id to confirm the erasure' }]);
    const erased = await rig.as('admin').customers.erase.mutate({ id: ZEPH, confirm: ZEPH });
    expect(erased).toMatchObject({ customerId: ZEPH, existed: true, rows: { customers: 1, journey_runs: 2, events: 5, reviews: 1, orders: 2 } });

    expect(await tablesHolding(sql, PERSONAL)).toEqual([]);
    // The rendered HTML is stored deflated, where a search of the rows' text cannot see a name.
    expect((await outboxOf(ZEPH)).concat(await outboxOf(ERASED_CUSTOMER_ID)).filter((m) => m.html !== null)).toEqual([]);
    const hash = createHash('sha256').update(EMAIL.toLowerCase()).digest('hex');
    expect(await sql`select workspace_id, address_hash, reason from hashed_suppressions`)
      .toEqual([{ workspace_id: WS, address_hash: hash, reason: 'erased' }]);
    // No table keyed by customer holds a row of theirs.
    const keyed = await sql<{ table: string }[]>`select table_name as table from information_schema.columns
      where table_schema = 'public' and column_name = 'customer_id' and table_name not in (select table_name from information_schema.views)`;
    for (const { table } of keyed) expect([table, (await sql`select 1 from ${sql(table)} where customer_id = ${ZEPH}`).length]).toEqual([table, 0]);

    // Runs ended where they were; the canvas's counts, the journey's figures and the revenue unchanged.
    expect(await sql`select status, node_id from journey_runs where customer_id = '' order by status`)
      .toEqual([{ status: 'exited', node_id: 'wait' }, { status: 'exited', node_id: 'wait' }]);
    expect(await placesOffRuns(sql)).toEqual([]);
    expect(await journeyFigures(sql)).toEqual(before);
    // The aggregates are what a rebuild makes of the orders: nothing for her or for the erased customer, Olaf's as they were.
    const aggregates = () => sql`select 'stats' as kind, customer_id, order_count::text as value from customer_order_stats
      union all select kind, customer_id, value from customer_purchases order by 1, 2, 3`;
    const kept = await aggregates();
    await rebuildOrderAggregates(sql, WS);
    expect(await aggregates()).toEqual(kept);
    expect(kept.map((a) => a.customer_id)).toEqual(kept.map(() => 'cust-olaf'));
    expect(await sql`select * from customer_order_stats where customer_id = 'cust-olaf'`).toEqual(olafBefore);
    expect(await sql`select customer_id from segment_memberships`).toEqual([{ customer_id: 'cust-olaf' }]);

    // Audited by id only; the admin's earlier entry keeps the action, not the address.
    expect(await sql`select action, actor_email, target_id, detail from audit_log where action in ('customers.erase', 'compliance.unsuppress') order by id`)
      .toEqual([
        { action: 'compliance.unsuppress', actor_email: 'admin@rights.test', target_id: null, detail: {} },
        { action: 'customers.erase', actor_email: 'admin@rights.test', target_id: ZEPH, detail: { id: ZEPH, confirm: ZEPH } },
      ]);
  });

  it('is idempotent, and the engine carries on: nothing is left to erase, and the rest of the journey runs', async () => {
    expect(await rig.as('owner').customers.erase.mutate({ id: ZEPH, confirm: ZEPH })).toEqual({ customerId: ZEPH, existed: false, rows: {} });
    // A late bounce report about one of her emails finds nothing to record.
    const [{ messageId }] = await rig.sql`select message_id as "messageId" from email_outbox where customer_id = '' limit 1`;
    expect((await rig.post('/webhooks/bounces', { type: 'bounce', messageId, address: EMAIL, reason: '550 gone' })).status).toBe(404);
    rig.clock.advance(8 * 86400e3);
    await rig.signInAll();
    await rig.settle();
    expect(await rig.sql`select customer_id, status from journey_runs order by customer_id, status`).toEqual([
      { customer_id: '', status: 'exited' }, { customer_id: '', status: 'exited' }, { customer_id: 'cust-olaf', status: 'completed' },
    ]);
    expect(await placesOffRuns(rig.sql)).toEqual([]);
    expect(await tablesHolding(rig.sql, PERSONAL)).toEqual([]);
  });

  it('never sends marketing to the address again: identified anew, she gets her receipt and nothing else', async () => {
    await rig.post('/v1/identify', { userId: 'cust-zeph-again', traits: { email: EMAIL.toUpperCase(), firstName: 'Zephyrine' } });
    await order('cust-zeph-again', 'ord-z3', 20);
    await rig.settle();
    const steps = await rig.sql<{ nodeId: string; email: string | undefined }[]>`
      select s.node_id as "nodeId", s.detail ->> 'email' as email from run_steps s join journey_runs r on r.id = s.run_id
      where r.customer_id = 'cust-zeph-again' and s.node_id in ('mail', 'receipt') order by s.step_no`;
    expect(steps).toEqual([
      { nodeId: 'mail', email: 'skipped: the address belonged to an erased customer' },
      { nodeId: 'receipt', email: 'queued' },
    ]);
    expect(await rig.sql`select subject from dev_mailbox where to_addresses::text ilike ${`%${EMAIL}%`}`)
      .toEqual([{ subject: 'Order ord-z3' }]);
    const page = await rig.as('viewer').customers.get.query({ id: 'cust-zeph-again' });
    expect(page.consent.suppressed?.reason).toBe('erased');
  });

  it('stops, at send time, emails already queued for another customer at the address (all of them, had it bounced)', async () => {
    for (const id of ['cust-a', 'cust-b']) await rig.post('/v1/identify', { userId: id, traits: { email: 'family@example.org', firstName: id } });
    await order('cust-a', 'ord-a1', 10);
    await rig.settle();
    await order('cust-b', 'ord-b1', 10);
    await rig.app.engine.advanceUntilIdle(); // queued, not sent
    const [receipt] = (await outboxOf('cust-a')).filter((m) => m.nodeId === 'receipt');
    expect((await rig.post('/webhooks/bounces', { type: 'bounce', messageId: receipt.messageId, address: 'family@example.org', reason: '550' })).status).toBe(200);
    await rig.as('admin').customers.erase.mutate({ id: 'cust-a', confirm: 'cust-a' });
    expect(await rig.sql`select 1 from email_suppressions where address = 'family@example.org'`).toHaveLength(0);
    await rig.settle();
    expect(await rig.sql`select node_id, status, last_error from email_outbox where customer_id = 'cust-b' order by node_id`).toEqual([
      { node_id: 'mail', status: 'suppressed', last_error: 'erased_address' },
      { node_id: 'receipt', status: 'suppressed', last_error: 'erased_address' },
    ]);
  });
});

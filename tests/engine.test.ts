// The journey walked end to end on a real Postgres and a real SMTP server, with a clock the
// test controls: the wait really waits, the condition splits, every effect happens once.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import { createMailer, type Mailer } from '@afterglow/email';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';
import { startTestSmtpSink, type TestSmtpSink } from './support/smtp-sink';

const registry = createRegistry();
const WS = 'ws_engine';
const DAY = 86400e3;
const at = { x: 0, y: 0 };

const itemsBody = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Hi {{ customer.firstName }}, thanks for order {{ order.id }}:</mj-text>
  <mj-text>{% for item in order.items %}<p class="item">{{ item.quantity }} × {{ item.name }}</p>{% endfor %}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

function journey(): JourneyGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' } },
      { id: 'wait', type: 'core/wait', position: at, config: { mode: 'duration', amount: 3, unit: 'days', weekday: -1, hour: 10 } },
      { id: 'vip', type: 'core/segment-condition', position: at, config: { segmentId: 'seg_vip' } },
      { id: 'mail_vip', type: 'core/send-email', position: at, config: { subject: 'VIP thanks, {{ customer.firstName }}', preheader: '', body: itemsBody, kind: 'marketing' } },
      { id: 'mail_std', type: 'core/send-email', position: at, config: { subject: 'Thanks, {{ customer.firstName }}', preheader: '', body: itemsBody, kind: 'marketing' } },
      { id: 'points_vip', type: 'core/grant-points', position: at, config: { amount: 50, reason: 'VIP order' } },
      { id: 'points_std', type: 'core/grant-points', position: at, config: { amount: 10, reason: 'Order' } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'wait' },
      { id: 'e2', source: 'wait', sourceHandle: 'out', target: 'vip' },
      { id: 'e3', source: 'vip', sourceHandle: 'yes', target: 'mail_vip' },
      { id: 'e4', source: 'vip', sourceHandle: 'no', target: 'mail_std' },
      { id: 'e5', source: 'mail_vip', sourceHandle: 'out', target: 'points_vip' },
      { id: 'e6', source: 'mail_std', sourceHandle: 'out', target: 'points_std' },
    ],
  };
}

const orderEvent = (customerId: string, orderId: string, timestamp: Date) => ({
  workspaceId: WS, customerId, name: 'Order Completed', timestamp,
  properties: { order_id: orderId, total: 59.9, currency: 'EUR', products: [
    { product_id: 'p1', name: 'Trail <Runner> & "Co"', price: 49.9, quantity: 1 },
    { product_id: 'p2', name: 'Socks', price: 5, quantity: 2 },
  ] },
});

describe('engine: a journey walked end to end', () => {
  let db: Database;
  let sink: TestSmtpSink;
  let mailer: Mailer;
  let engine: Engine;
  let versionId: string;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startTestSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url });
    engine = createEngine({ database: db, registry, clock, mailer });
    await seedWorkspace(db, WS, [
      { id: 'cust_vip', email: 'vip@example.com', firstName: 'Vera', orders: 3 },
      { id: 'cust_new', email: 'new@example.com', firstName: '<b>Nina</b> & "Co"', orders: 0 },
      { id: 'cust_one', email: 'one@example.com', firstName: 'Otto', orders: 1 },
    ], clock.now());
    await db.sql`insert into segments (id, workspace_id, name, rule)
      values ('seg_vip', ${WS}, 'VIP', ${db.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 3 })})`;
    versionId = await publishGraph(db, registry, WS, 'j_thanks', journey());
  });

  afterAll(async () => {
    mailer?.close();
    await sink?.close();
    await db?.close();
  });

  it('enrols each order once, per the trigger entry key', async () => {
    const events = ['cust_vip', 'cust_new', 'cust_one'].map((c) => orderEvent(c, `order_${c}`, clock.now()));
    expect(await ingestEvents(db, engine.enrolEvents, events)).toBe(3);
    // The same order again (a new message id) does not enter a second time.
    expect(await ingestEvents(db, engine.enrolEvents, [events[0]])).toBe(0);
    await engine.advanceUntilIdle();
    const stats = await engine.stats(versionId);
    expect(stats.nodes.trigger.entered).toBe(3);
    expect(stats.nodes.wait.waiting).toBe(3);
  });

  it('really waits three days', async () => {
    clock.advance(2 * DAY + 23 * 3600e3);
    await engine.advanceUntilIdle();
    expect(sink.messages).toHaveLength(0);
    expect((await engine.stats(versionId)).nodes.wait.waiting).toBe(3);
  });

  it('splits members and non-members, sends one email and grants points once each', async () => {
    clock.advance(3600e3 + 1000);
    await engine.advanceUntilIdle();
    await engine.advanceUntilIdle(); // a second sweep finds nothing more to do
    expect(sink.messages).toHaveLength(3);
    const bySubject = sink.messages.map((m) => m.subject).sort();
    expect(bySubject).toEqual(['Thanks, <b>Nina</b> & "Co"', 'Thanks, Otto', 'VIP thanks, Vera']);

    const nina = sink.messages.find((m) => m.to && JSON.stringify(m.to).includes('new@example.com'))!;
    const html = String(nina.html);
    expect(html).toContain('Hi &lt;b&gt;Nina&lt;/b&gt; &amp; &#34;Co&#34;');
    expect(html).not.toContain('<b>Nina</b>');
    expect(html).toContain('1 × Trail &lt;Runner&gt; &amp; &#34;Co&#34;');
    expect(html).toContain('2 × Socks');
    expect(nina.messageId).toMatch(/@afterglow>?$/);

    const ledger = await db.sql`select customer_id, points, reason from loyalty_ledger order by customer_id`;
    expect(ledger.map((r) => [r.customer_id, r.points])).toEqual([['cust_new', 10], ['cust_one', 10], ['cust_vip', 50]]);

    const stats = await engine.stats(versionId);
    expect(stats.nodes.vip.branches).toEqual({ yes: 1, no: 2 });
    expect(stats.nodes.mail_vip.counters.emails).toBe(1);
    expect(stats.nodes.mail_std.counters.emails).toBe(2);
    expect(stats.nodes.points_std.counters.points).toBe(20);
    expect(stats.totals).toMatchObject({ entered: 3, completed: 3, active: 0, failed: 0 });
  });

  it('keeps running runs on their version when the journey is published again', async () => {
    const graph = journey();
    graph.nodes[1].config = { mode: 'duration', amount: 1, unit: 'hours', weekday: -1, hour: 10 };
    await ingestEvents(db, engine.enrolEvents, [orderEvent('cust_one', 'order_2', clock.now())]);
    await engine.advanceUntilIdle();
    const v2 = await publishGraph(db, registry, WS, 'j_thanks', graph);
    await ingestEvents(db, engine.enrolEvents, [orderEvent('cust_one', 'order_3', clock.now())]);
    await engine.advanceUntilIdle();
    const runs = await db.sql`select version_id, status, node_id from journey_runs where customer_id = 'cust_one' and entered_at = ${clock.now()} order by version_id`;
    expect(runs.map((r) => [r.version_id, r.status, r.node_id])).toEqual([
      [versionId, 'waiting', 'wait'], [v2, 'waiting', 'wait'],
    ]);
    clock.advance(3600e3 + 1000);
    await engine.advanceUntilIdle();
    const after = await db.sql`select version_id, status from journey_runs where customer_id = 'cust_one' and entered_at < ${clock.now()} and entered_at > ${new Date(clock.now().getTime() - 2 * 3600e3)} order by version_id`;
    // The v2 run (1 hour) finished; the v1 run still waits its three days.
    expect(after.map((r) => [r.version_id, r.status])).toEqual([[versionId, 'waiting'], [v2, 'completed']]);
  });
});

describe('engine options', () => {
  it('refuses more concurrent batches than the pool can serve, naming both numbers', async () => {
    const database = await createTestDatabase();
    try {
      expect(() => createEngine({ database, registry, concurrency: database.maxConnections }))
        .toThrow(`concurrency (${database.maxConnections}) must be below the database pool's size (${database.maxConnections})`);
      expect(() => createEngine({ database, registry, concurrency: database.maxConnections - 1 })).not.toThrow();
    } finally {
      await database.close();
    }
  });
});

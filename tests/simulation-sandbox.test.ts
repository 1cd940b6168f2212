// The sandbox guarantee: a simulation of a journey that issues every kind of effect (emails,
// coupons, points, a webhook, a profile change, staff alerts, an A/B split and a holdout) over
// a month of a shop's events changes no row of any table but its own simulations row, and sends
// nothing to the SMTP server; nor does a cancelled one; a simulation whose process died is taken
// up again; two simulations of one workspace run one after the other.
import type { Database } from '@afterglow/db';
import { createMailer } from '@afterglow/email';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph } from './support/journeys';
import { fingerprint, queueSimulation, simulationRow } from './support/simulation';
import { startTestSmtpSink, type TestSmtpSink } from './support/smtp-sink';

const registry = createRegistry();
const WS = 'ws_sandbox';
const DAY = 86400e3;
const CUSTOMERS = 1500;
const START = new Date('2026-01-05T00:00:00Z');
const END = new Date(START.getTime() + 30 * DAY);
const at = { x: 0, y: 0 };
const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }} {{ coupon.code }}</mj-text></mj-column></mj-section></mj-body></mjml>';
const clock = new ManualClock(START);
let db: Database;
let engine: Engine;
let sink: TestSmtpSink;

const node = (id: string, type: string, config: Record<string, unknown>) => ({ id, type, position: at, config });
const edge = (source: string, sourceHandle: string, target: string) => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });

/** Everything with an effect, behind an A/B split whose arm B goes through a holdout. */
const everything: JourneyGraph = {
  nodes: [
    node('t', 'core/trigger-event', { event: 'Order Delivered', filters: [], entryKeyProperty: 'orderId' }),
    node('ab', 'core/ab-split', { arms: [{ id: 'a', name: 'A', weight: 50 }, { id: 'b', name: 'B', weight: 50 }] }),
    node('hold', 'core/holdout', { percent: 10 }),
    node('coupon', 'core/issue-coupon', { kind: 'percent', value: 10, prefix: 'SIM', validDays: 30, minOrderTotal: 0, description: '' }),
    node('mail', 'core/send-email', { templateId: '', subject: 'Thanks', preheader: '', body, kind: 'marketing', whenCapped: 'skip' }),
    node('points', 'core/grant-points', { amount: 10, reason: 'sim' }),
    node('hook', 'core/call-webhook', { url: 'https://hooks.example.com/sim', method: 'POST', body: '{}', headers: [], secret: '' }),
    node('tag', 'core/update-profile', { action: 'add-tag', attribute: '', value: '', tag: 'simulated' }),
    node('alert', 'core/alert-staff', { to: 'role', role: 'owner', address: '', note: '', perHour: 1000 }),
    node('wait', 'core/wait', { mode: 'duration', amount: 5, unit: 'days', weekday: -1, hour: 10 }),
    node('again', 'core/send-email', { templateId: '', subject: 'Again', preheader: '', body, kind: 'transactional' }),
  ],
  edges: [
    edge('t', 'out', 'ab'), edge('ab', 'a', 'coupon'), edge('ab', 'b', 'hold'), edge('hold', 'out', 'coupon'),
    edge('coupon', 'out', 'mail'), edge('mail', 'out', 'points'), edge('points', 'out', 'hook'), edge('hook', 'out', 'tag'),
    edge('tag', 'out', 'alert'), edge('alert', 'out', 'wait'), edge('wait', 'out', 'again'),
  ],
};

const spec = { from: START.toISOString(), to: END.toISOString(), population: { kind: 'everyone' as const }, sampleCustomerIds: ['c7'] };

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startTestSmtpSink();
  engine = createEngine({ database: db, registry, clock, mailer: createMailer({ smtpUrl: sink.url }) });
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Sandbox shop', 'secret')`;
  await db.sql`insert into users (id, workspace_id, email, password_hash, role) values ('u1', ${WS}, 'owner@example.com', 'x', 'owner')`;
  await db.sql`insert into customers (workspace_id, id, email, first_name)
    select ${WS}, 'c' || g, 'c' || g || '@example.com', 'C' || g from generate_series(1, ${CUSTOMERS}) g`;
  // A month of deliveries (two orders each, days apart) and page views, stored as ingestion stores them.
  await db.sql`insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp)
    select ${WS}, 'm' || g || '-' || k, 'track', 'c' || g, case when k = 3 then 'Page Viewed' else 'Order Delivered' end,
      jsonb_build_object('orderId', 'o' || g || '-' || k), ${START}::timestamptz + ((g * 7 + k * 9) % 29) * interval '1 day' + (g % 24) * interval '1 hour'
    from generate_series(1, ${CUSTOMERS}) g, generate_series(1, 3) k`;
  // A live journey really wrote to a few of them, delivered to the SMTP server.
  await publishGraph(db, registry, WS, 'j_live', { nodes: [
    node('t', 'core/trigger-event', { event: 'Promo', filters: [], entryKeyProperty: '' }),
    node('m', 'core/send-email', { templateId: '', subject: 'Promo', preheader: '', body, kind: 'marketing' }),
  ], edges: [edge('t', 'out', 'm')] });
  await ingestEvents(db, engine.enrolEvents, ['c1', 'c2', 'c3'].map((customerId) => ({ workspaceId: WS, customerId, name: 'Promo', properties: {}, timestamp: clock.now() })));
  await engine.advanceUntilIdle();
  clock.set(END);
  await engine.advanceUntilIdle();
}, 180_000);

afterAll(async () => {
  await db?.close();
  await sink?.close();
});

async function unchanged(run: () => Promise<void>) {
  const before = await fingerprint(db);
  const mails = sink.messages.length;
  await run();
  // Anything a simulation had queued would be stepped or delivered now.
  await engine.advanceUntilIdle();
  expect(await fingerprint(db)).toEqual(before);
  expect(sink.messages.length).toBe(mails);
}

describe('the sandbox', () => {
  it('a month of every kind of effect writes nothing but its own result', async () => {
    expect(sink.messages.length).toBe(3);
    let id = '';
    await unchanged(async () => {
      id = await queueSimulation(db, registry, WS, 'j_draft', everything, {}, spec);
      expect(await engine.runSimulations()).toBe(1);
    });
    const row = await simulationRow(db, id);
    expect(row.error).toBeNull();
    const r = row.result!;
    expect(r.entries.total).toBe(CUSTOMERS * 2);
    expect(r.emails.total).toBeGreaterThan(CUSTOMERS);
    expect(r.effects.coupons).toBeGreaterThan(0);
    expect(r.effects.points).toBe(r.effects.pointsGrants * 10);
    expect(r.effects.staffAlerts).toBeGreaterThan(0);
    expect(r.effects.profileUpdates).toBeGreaterThan(0);
    expect(r.effects.services.map((s) => s.serviceId)).toContain('core/webhook');
    expect(r.groups.map((g) => g.group)).toEqual(['arm:ab:a', 'arm:ab:b', 'holdout:hold:in', 'holdout:hold:out']);
    expect(r.samples.some((s) => s.customerId === 'c7' && s.html.includes('SIM-'))).toBe(true);
    expect(row.progress).toBe(100);
  }, 300_000);

  it('a cancelled simulation writes nothing either, and says it was cancelled', async () => {
    let id = '';
    await unchanged(async () => {
      id = await queueSimulation(db, registry, WS, 'j_draft', everything, {}, spec);
      // The cancel arrives as it starts: the job sees it at its first progress write.
      await db.sql`update simulations set cancel_requested = true where id = ${id}`;
      await engine.runSimulations();
    });
    expect((await simulationRow(db, id)).status).toBe('cancelled');
  }, 300_000);

  it('takes up a simulation whose process died, and runs a workspace’s simulations one at a time', async () => {
    const dead = await queueSimulation(db, registry, WS, 'j_draft', everything, {}, { ...spec, population: { kind: 'sample', size: 50 } });
    await db.sql`update simulations set status = 'running', heartbeat_at = now() - interval '2 minutes' where id = ${dead}`;
    const next = await queueSimulation(db, registry, WS, 'j_draft', everything, {}, { ...spec, population: { kind: 'sample', size: 10 } });
    await unchanged(async () => {
      expect(await engine.runSimulations()).toBe(2);
    });
    const [a, b] = [await simulationRow(db, dead), await simulationRow(db, next)];
    expect([a.status, b.status]).toEqual(['done', 'done']);
    expect(a.result!.entries.total).toBeLessThanOrEqual(100);
    expect(b.result!.entries.total).toBeLessThanOrEqual(20);
  }, 300_000);
});

// Events acting on runs under way (goals, awaited events) and the journey re-entry rules.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';

const registry = createRegistry();
const WS = 'ws_events';
const DAY = 86400e3;
const at = { x: 0, y: 0 };
const clock = new ManualClock(new Date('2026-05-04T08:00:00Z'));
let db: Database;
let engine: Engine;

const trigger = (event: string, entryKeyProperty = '') =>
  ({ id: 't', type: 'core/trigger-event', position: at, config: { event, filters: [], entryKeyProperty } });
const points = (id: string, amount: number) =>
  ({ id, type: 'core/grant-points', position: at, config: { amount, reason: id } });
const event = (customerId: string, name: string, properties: Record<string, unknown> = {}) =>
  ({ workspaceId: WS, customerId, name, properties, timestamp: clock.now() });
const ingest = (...events: ReturnType<typeof event>[]) => ingestEvents(db, engine.enrolEvents, events);

async function publish(journeyId: string, graph: JourneyGraph, settings: object) {
  const versionId = await publishGraph(db, registry, WS, journeyId, graph);
  // The fixture publishes without settings; set them on the plan as publishJourney does.
  await db.sql`update journey_versions set plan = jsonb_set(plan, '{settings}', ${db.sql.json(settings as never)}) where id = ${versionId}`;
  return versionId;
}

const runsOf = (journeyId: string) => db.sql`
  select customer_id, status, node_id, exit_reason from journey_runs where journey_id = ${journeyId} order by customer_id, entered_at`;

beforeAll(async () => {
  db = await createTestDatabase();
  engine = createEngine({ database: db, registry, clock });
  await seedWorkspace(db, WS, ['a', 'b', 'c', 'd'].map((id) => ({ id, email: `${id}@example.com`, firstName: id })), clock.now());
});

afterAll(async () => {
  await db?.close();
});

describe('wait for event', () => {
  it('continues on "happened" when the matching event arrives, on "timed out" at the deadline', async () => {
    await publish('j_review', {
      nodes: [trigger('Order Completed'),
        { id: 'delivered', type: 'core/wait-for-event', position: at, config: { event: 'Order Delivered', matchTriggerProperty: 'order_id', timeoutAmount: 14, timeoutUnit: 'days' } },
        points('ask_review', 5), points('apologise', 1)],
      edges: [{ id: 'e1', source: 't', sourceHandle: 'out', target: 'delivered' },
        { id: 'e2', source: 'delivered', sourceHandle: 'happened', target: 'ask_review' },
        { id: 'e3', source: 'delivered', sourceHandle: 'timed_out', target: 'apologise' }],
    }, { reentry: { mode: 'trigger' }, goal: null });
    await ingest(event('a', 'Order Completed', { order_id: 'A1' }), event('b', 'Order Completed', { order_id: 'B1' }));
    await engine.advanceUntilIdle();
    // Another order's delivery does not count; this order's does, at once.
    await ingest(event('a', 'order_delivered', { order_id: 'A2' }));
    await engine.advanceUntilIdle();
    expect((await runsOf('j_review')).map((r) => r.status)).toEqual(['waiting', 'waiting']);
    await ingest(event('a', 'Order Delivered', { order_id: 'A1' }));
    await engine.advanceUntilIdle();
    clock.advance(14 * DAY + 1000);
    await engine.advanceUntilIdle();
    const ledger = await db.sql`select customer_id, reason from loyalty_ledger where node_id in ('ask_review', 'apologise') order by customer_id`;
    expect(ledger.map((r) => `${r.customer_id}:${r.reason}`)).toEqual(['a:ask_review', 'b:apologise']);
  });
});

describe('exit goals', () => {
  it('ends the run when the goal happens, records the conversion with its revenue', async () => {
    await publish('j_winback', {
      nodes: [trigger('Churn risk'), { id: 'w', type: 'core/wait', position: at, config: { mode: 'duration', amount: 7, unit: 'days', weekday: -1, hour: 9 } }, points('nudge', 1)],
      edges: [{ id: 'e1', source: 't', sourceHandle: 'out', target: 'w' }, { id: 'e2', source: 'w', sourceHandle: 'out', target: 'nudge' }],
    }, { reentry: { mode: 'trigger' }, goal: { event: 'Order Completed', matchTriggerProperty: '' } });
    await ingest(event('c', 'Churn risk'), event('d', 'Churn risk'));
    await engine.advanceUntilIdle();
    await ingest(event('c', 'Order Completed', { order_id: 'C9', total: 120.5, currency: 'EUR' }));
    clock.advance(7 * DAY + 1000);
    await engine.advanceUntilIdle();
    expect((await runsOf('j_winback')).map((r) => [r.customer_id, r.status, r.exit_reason])).toEqual([
      ['c', 'exited', 'goal: Order Completed'], ['d', 'completed', 'end of journey'],
    ]);
    const [conversion] = await db.sql`select customer_id, node_id, revenue, currency from conversions where journey_id = 'j_winback'`;
    expect(conversion).toEqual({ customer_id: 'c', node_id: 'w', revenue: '120.50', currency: 'EUR' });
    const stats = await engine.stats((await db.sql`select current_version_id as v from journeys where id = 'j_winback'`)[0].v);
    expect(stats.nodes.w.entered).toBe(2);
    expect(stats.nodes.nudge.entered).toBe(1);
    expect(stats.totals).toMatchObject({ converted: 1, revenue: 120.5 });
  });
});

describe('re-entry rules', () => {
  const graph = (name: string): JourneyGraph => ({ nodes: [trigger(name), points('p', 1)], edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'p' }] });

  it('once ever: a hundred concurrent identical triggers enter once', async () => {
    await publish('j_once', graph('Viewed product'), { reentry: { mode: 'once' }, goal: null });
    const created = await Promise.all(Array.from({ length: 100 }, () => ingest(event('a', 'Viewed product'))));
    expect(created.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('again after N days: concurrent triggers enter once, and again once the days have passed', async () => {
    await publish('j_cool', graph('Viewed category'), { reentry: { mode: 'cooldown', days: 3 }, goal: null });
    const first = await Promise.all(Array.from({ length: 100 }, () => ingest(event('b', 'Viewed category'))));
    expect(first.reduce((a, b) => a + b, 0)).toBe(1);
    clock.advance(2 * DAY);
    expect(await ingest(event('b', 'Viewed category'))).toBe(0);
    clock.advance(DAY + 1000);
    expect(await ingest(event('b', 'Viewed category'))).toBe(1);
  });
});

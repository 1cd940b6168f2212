// Incremental segment membership through the real engine: only touched customers are
// re-checked, time-based rules change on the scheduled full check (the engine's hourly
// Agenda job, called directly here), a changed rule is re-checked whole at once, and "Enters segment" /
// "Leaves segment" journeys enrol on the changes.
import type { Database } from '@afterglow/db';
import { checkSegmentMemberships } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { publishGraph, seedWorkspace } from './support/journeys';

const registry = createRegistry();
const WS = 'ws_members';
const DAY = 86400e3;
const HOUR = 3600e3;
const at = { x: 0, y: 0 };
const clock = new ManualClock(new Date('2025-03-01T09:00:00Z'));
let db: Database;
let engine: Engine;

const pointsJourney = (trigger: string, points: number): JourneyGraph => ({
  nodes: [
    { id: 'trigger', type: trigger, position: at, config: { segmentId: 'seg_recent' } },
    { id: 'points', type: 'core/grant-points', position: at, config: { amount: points, reason: trigger } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'points' }],
});

async function order(id: string, customerId: string, total: number, placedAt: Date, status = 'placed') {
  await db.sql`insert into orders (workspace_id, id, customer_id, status, total, placed_at)
    values (${WS}, ${id}, ${customerId}, ${status}, ${total}, ${placedAt})`;
}
const members = async (segmentId: string) => (await db.sql<{ id: string }[]>`
  select customer_id as id from segment_memberships where workspace_id = ${WS} and segment_id = ${segmentId} order by 1`).map((r) => r.id);
const ledger = async () => (await db.sql<{ customerId: string; points: number }[]>`
  select customer_id as "customerId", points from loyalty_ledger where workspace_id = ${WS} order by id`);

beforeAll(async () => {
  db = await createTestDatabase();
  engine = createEngine({ database: db, registry, clock, segmentFullCheckEveryMs: HOUR });
  await seedWorkspace(db, WS, [
    { id: 'ann', email: 'ann@example.com', firstName: 'Ann' },
    { id: 'ben', email: 'ben@example.com', firstName: 'Ben' },
    { id: 'cat', email: 'cat@example.com', firstName: 'Cat' },
  ], clock.now());
  await order('o_old', 'ann', 80, new Date(clock.now().getTime() - 20 * DAY));
  await db.sql`insert into segments (id, workspace_id, name, rule) values
    ('seg_recent', ${WS}, 'Ordered in the last 30 days', ${db.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1, withinDays: 30 })}),
    ('seg_big', ${WS}, 'Spent 100 or more', ${db.sql.json({ kind: 'orders', measure: 'totalSpent', op: 'gte', value: 100 })}),
    ('seg_loop_a', ${WS}, 'Loop A', ${db.sql.json({ kind: 'segment', segmentId: 'seg_loop_b' })}),
    ('seg_loop_b', ${WS}, 'Loop B', ${db.sql.json({ kind: 'segment', segmentId: 'seg_loop_a' })})`;
  await publishGraph(db, registry, WS, 'j_enter', pointsJourney('core/trigger-segment-entered', 10));
  await publishGraph(db, registry, WS, 'j_leave', pointsJourney('core/trigger-segment-left', 1));
});
afterAll(() => db?.close());

describe('segment membership', () => {
  it('sets a silent baseline on the first check, then enrols entries from new orders only', async () => {
    await engine.advanceUntilIdle();
    expect(await members('seg_recent')).toEqual(['ann']);
    expect(await members('seg_big')).toEqual([]);
    expect(await ledger()).toEqual([]);

    await order('o_ben', 'ben', 120, clock.now());
    const [{ queued }] = await db.sql`select count(*)::int as queued from segment_dirty_customers where workspace_id = ${WS}`;
    expect(queued).toBe(1);
    await engine.advanceUntilIdle();
    expect(await members('seg_recent')).toEqual(['ann', 'ben']);
    expect(await members('seg_big')).toEqual(['ben']);
    expect(await ledger()).toEqual([{ customerId: 'ben', points: 10 }]);
    const [event] = await db.sql`select name, properties from events where workspace_id = ${WS} and customer_id = 'ben' and name = 'segment_entered' and properties->>'segmentId' = 'seg_recent'`;
    expect(event.properties).toMatchObject({ segmentId: 'seg_recent', segmentName: 'Ordered in the last 30 days' });
    // Nothing touched, nothing due: a second sweep changes nothing.
    await engine.advanceUntilIdle();
    expect(await ledger()).toHaveLength(1);
  });

  it('sees a cancelled order leave the segment', async () => {
    await db.sql`update orders set status = 'cancelled' where workspace_id = ${WS} and id = 'o_ben'`;
    await engine.advanceUntilIdle();
    expect(await members('seg_recent')).toEqual(['ann']);
    expect(await members('seg_big')).toEqual([]);
    expect(await ledger()).toEqual([{ customerId: 'ben', points: 10 }, { customerId: 'ben', points: 1 }]);
  });

  it('catches time-based exits on the scheduled full check (its own job), not in the sweeps', async () => {
    clock.advance(10 * DAY - HOUR / 4); // ann's order is 30 days minus 15 minutes old: still inside
    expect(await engine.recheckSegments()).toBe(0);
    expect(await members('seg_recent')).toEqual(['ann']);
    clock.advance(2 * HOUR); // outside by the rule, but sweeps only re-check touched customers
    await engine.advanceUntilIdle();
    expect(await members('seg_recent')).toEqual(['ann']);
    expect(await engine.recheckSegments()).toBe(1); // the hourly job
    await engine.advanceUntilIdle(); // the "Leaves segment" run steps
    expect((await ledger()).at(-1)).toEqual({ customerId: 'ann', points: 1 });
  });

  it('re-checks a segment whole in the next sweep when its rule changes', async () => {
    await db.sql`update segments set rule = ${db.sql.json({ kind: 'orders', measure: 'totalSpent', op: 'gte', value: 50 })}
      where workspace_id = ${WS} and id = 'seg_big'`;
    await engine.advanceUntilIdle();
    expect(await members('seg_big')).toEqual(['ann']);
  });

  it('reports segments that refer to each other instead of looping', async () => {
    const check = await db.sql.begin((tx) => checkSegmentMemberships(tx as never, new Date(clock.now().getTime() + 2 * HOUR)));
    expect(check.errors.map((e) => e.segmentId).sort()).toEqual(['seg_loop_a', 'seg_loop_b']);
    expect(check.errors[0].message).toMatch(/refer to itself/);
  });
});

// Where runs are (per version, node and status) is counted by triggers on journey_runs, not
// counted from the runs: these counts must equal a count of the runs after every kind of move
// (event and bulk enrolment, steps, waits, goal exits, failures, retries, deletes), folded or
// not, and with batches stepping side by side.
import type { Database } from '@afterglow/db';
import { createEngine, enrolSegment, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph } from './support/journeys';
import { placesOffRuns } from './support/places';

const registry = createRegistry();
const WS = 'ws_places';
const DAY = 86400e3;
const at = { x: 0, y: 0 };
const CUSTOMERS = 300;

const graph: JourneyGraph = {
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Signed Up', filters: [], entryKeyProperty: '' } },
    { id: 'wait', type: 'core/wait', position: at, config: { mode: 'duration', amount: 1, unit: 'days', weekday: -1, hour: 10 } },
    { id: 'vip', type: 'core/segment-condition', position: at, config: { segmentId: 'seg_even' } },
    { id: 'points', type: 'core/grant-points', position: at, config: { amount: 5, reason: 'Welcome' } },
    { id: 'wait2', type: 'core/wait', position: at, config: { mode: 'duration', amount: 2, unit: 'days', weekday: -1, hour: 10 } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'wait' },
    { id: 'e2', source: 'wait', sourceHandle: 'out', target: 'vip' },
    { id: 'e3', source: 'vip', sourceHandle: 'yes', target: 'points' },
    { id: 'e4', source: 'points', sourceHandle: 'out', target: 'wait2' },
  ],
};

let db: Database;
let engines: Engine[];
let versionId: string;
const clock = new ManualClock(new Date('2026-05-04T09:00:00Z'));

/** The counts must equal a count of the runs; returns that count, per place. */
async function expectExact() {
  expect(await placesOffRuns(db.sql)).toEqual([]);
  return [...await db.sql`
    select version_id, node_id, status, count(*)::int as n from journey_runs group by 1, 2, 3 order by 1, 2, 3`];
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Places shop', 'secret')`;
  await db.sql`
    insert into customers (workspace_id, id, email, first_name, timezone, attributes)
    select ${WS}, 'c' || g, 'c' || g || '@example.com', 'C' || g, 'UTC', jsonb_build_object('n', g)
    from generate_series(1, ${CUSTOMERS}) g`;
  await db.sql`insert into segments (id, workspace_id, name, rule) values
    ('seg_even', ${WS}, 'Even', ${db.sql.json({ kind: 'attribute', field: 'n', op: 'gt', value: 99 } as never)}),
    ('seg_all', ${WS}, 'All', ${db.sql.json({ kind: 'attribute', field: 'n', op: 'exists' } as never)})`;
  versionId = await publishGraph(db, registry, WS, 'j_places', graph);
  // Two engines stepping the same runs side by side (SKIP LOCKED keeps them apart).
  engines = [0, 1].map(() => createEngine({ database: db, registry, clock, batchSize: 25 }));
});

afterAll(async () => {
  await db?.close();
});

const advanceBoth = () => Promise.all(engines.map((e) => e.advanceUntilIdle()));

it('counts runs enrolled by events and in bulk, before and after they step', async () => {
  const events = Array.from({ length: 100 }, (_, i) => ({ workspaceId: WS, customerId: `c${i + 1}`, name: 'Signed Up', timestamp: clock.now(), properties: {} }));
  expect(await ingestEvents(db, engines[0].enrolEvents, events)).toBe(100);
  await db.sql.begin((tx) => enrolSegment(tx as never, {
    workspaceId: WS, journeyId: 'j_places', versionId, triggerNodeId: 'trigger', entryKey: 'broadcast', segmentId: 'seg_all',
  }, clock.now()));
  // Not folded yet: the deltas alone carry the counts.
  expect(await expectExact()).toEqual([{ version_id: versionId, node_id: 'trigger', status: 'active', n: 400 }]);
  await advanceBoth();
  expect(await expectExact()).toEqual([{ version_id: versionId, node_id: 'wait', status: 'waiting', n: 400 }]);
  expect((await engines[0].stats(versionId)).nodes.wait.waiting).toBe(400);
});

it('follows runs through waits, branches and the end, and counts points granted', async () => {
  clock.advance(DAY + 3600e3);
  await advanceBoth();
  const truth = await expectExact();
  expect(truth.map((r) => [r.node_id, r.status])).toEqual([['vip', 'completed'], ['wait2', 'waiting']]);
  const stats = await engines[0].stats(versionId);
  const [{ granted }] = await db.sql`select sum(points)::int as granted from loyalty_ledger where node_id = 'points'`;
  expect(stats.nodes.points.counters.points).toBe(granted);
  expect(granted).toBeGreaterThan(0);
});

it('stays exact through failures, retries, goal-like exits and deletes', async () => {
  // Customers deleted while their runs wait: those runs fail at the next step.
  await db.sql`delete from customers where workspace_id = ${WS} and id in ('c150', 'c151', 'c152')`;
  clock.advance(2 * DAY + 3600e3);
  await advanceBoth();
  const failed = (await expectExact()).filter((r) => r.status === 'failed');
  expect(failed.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThan(0);
  expect(await engines[0].retryFailed(versionId)).toBeGreaterThan(0);
  await expectExact();
  await db.sql`update journey_runs set status = 'exited', exit_reason = 'test' where customer_id in ('c1', 'c2')`;
  await db.sql`delete from journey_runs where customer_id in ('c3', 'c4', 'c5')`;
  await expectExact();
  await advanceBoth(); // folds
  await expectExact();
  const [{ deltas }] = await db.sql`select count(*)::int as deltas from journey_place_deltas`;
  expect(deltas).toBe(0);
});

// A broadcast enrols a whole segment at its start time, once, with one set-based insert.
import type { Database } from '@afterglow/db';
import { createEngine, enrolSegment, ManualClock } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { publishGraph } from './support/journeys';

const registry = createRegistry();
const WS = 'ws_broadcast';
const clock = new ManualClock(new Date('2026-11-30T08:00:00Z'));
const at = { x: 0, y: 0 };
let db: Database;

const graph = (startAt: string): JourneyGraph => ({
  nodes: [
    { id: 'b', type: 'core/trigger-broadcast', position: at, config: { segmentId: 'seg_buyers', startAt } },
    { id: 'gift', type: 'core/grant-points', position: at, config: { amount: 20, reason: 'Black Friday gift' } },
  ],
  edges: [{ id: 'e', source: 'b', sourceHandle: 'out', target: 'gift' }],
});
const runCount = async () => (await db.sql`select count(*)::int as n from journey_runs where journey_id = 'j_bf'`)[0].n;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Shop', 's')`;
  await db.sql`insert into customers (workspace_id, id, email) select ${WS}, 'c' || g, 'c' || g || '@example.com' from generate_series(1, 300) g`;
  await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    select ${WS}, 'o' || g, 'c' || g, 30, ${new Date('2026-10-01T00:00:00Z')} from generate_series(1, 300, 3) g`;
  await db.sql`insert into segments (id, workspace_id, name, rule)
    values ('seg_buyers', ${WS}, 'Buyers', ${db.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1 })})`;
});

afterAll(async () => {
  await db?.close();
});

it('waits for its start, then enrols every member once, even with several workers sweeping', async () => {
  await publishGraph(db, registry, WS, 'j_bf', graph('2026-11-30T09:00:00Z'));
  const engines = [1, 2, 3].map(() => createEngine({ database: db, registry, clock }));
  await engines[0].advanceUntilIdle();
  expect(await runCount()).toBe(0);

  clock.set(new Date('2026-11-30T09:00:01Z'));
  await Promise.all(engines.map((e) => e.advanceUntilIdle()));
  expect(await runCount()).toBe(100);
  const [ledger] = await db.sql`select count(*)::int as rows, count(distinct customer_id)::int as customers from loyalty_ledger`;
  expect(ledger).toEqual({ rows: 100, customers: 100 });
  const [mark] = await db.sql`select enrolled from broadcasts`;
  expect(mark.enrolled).toBe(100);
});

it('a new version reaches only members who have not had it yet', async () => {
  await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    values (${WS}, 'late', 'c2', 30, ${clock.now()})`;
  await publishGraph(db, registry, WS, 'j_bf', graph(''));
  await createEngine({ database: db, registry, clock }).advanceUntilIdle();
  expect(await runCount()).toBe(101);
});

it('enrols the rest when an event enrols one member while the bulk insert runs (the guarded retry)', async () => {
  const enrolment = { workspaceId: WS, journeyId: 'j_race', versionId: 'j_race_v1', triggerNodeId: 'b', entryKey: 'broadcast', segmentId: 'seg_buyers' };
  const insertRun = (tx: typeof db.sql, customerId: string) => tx`
    insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id, due_at, context, entered_at, updated_at)
    values (${WS}, ${customerId}, 'j_race', 'j_race_v1', 'broadcast', 'active', 'b', ${clock.now()}, '{}', ${clock.now()}, ${clock.now()})`;
  const [{ members }] = await db.sql`select count(distinct customer_id)::int as members from orders where workspace_id = ${WS}`;
  // An uncommitted run for c1 (a member): the bulk insert waits on its key, then finds it taken.
  const other = await db.sql.reserve();
  await other`begin`;
  await insertRun(other as never, 'c1');
  const bulk = db.sql.begin((tx) => enrolSegment(tx, enrolment, clock.now()));
  await new Promise((r) => setTimeout(r, 300));
  await other`commit`;
  other.release();
  expect(await bulk).toBe(members - 1);
  const [runs] = await db.sql`select count(*)::int as n, count(distinct customer_id)::int as customers from journey_runs where journey_id = 'j_race'`;
  expect(runs).toEqual({ n: members, customers: members });
});

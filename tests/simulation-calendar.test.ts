// Journeys started without an event, simulated: a birthday journey (each customer's own time
// zone, an unknown zone read as UTC), a weekly schedule for a segment in the shop's zone and a
// broadcast with a start inside the period were live for a week; simulating their published
// versions over that week reproduces who entered on which day, as the calendar job and the
// broadcast sweep really enrolled them. Following a customer shows the occurrence that entered them.
import type { Database } from '@afterglow/db';
import { createEngine, followCustomer, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { publishGraph, seedWorkspace } from './support/journeys';
import { queueSimulation, simulationRow } from './support/simulation';

const registry = createRegistry();
const WS = 'ws_simcal';
const HOUR = 3600e3;
// Monday 2 March 2026 to Monday 9 March: Wednesday is the 4th.
const START = new Date('2026-03-02T00:00:00Z');
const END = new Date('2026-03-09T00:00:00Z');
const at = { x: 0, y: 0 };
const clock = new ManualClock(START);
let db: Database;
let engine: Engine;

const points = (reason: string) => ({ id: 'points', type: 'core/grant-points', position: at, config: { amount: 1, reason } });
const journey = (trigger: { type: string; config: Record<string, unknown> }, reason: string): JourneyGraph => ({
  nodes: [{ id: 't', position: at, ...trigger }, points(reason)],
  edges: [{ id: 'e1', source: 't', sourceHandle: 'out', target: 'points' }],
});

const weekdays = { monday: false, tuesday: false, wednesday: true, thursday: false, friday: false, saturday: false, sunday: false };
const JOURNEYS: Record<string, JourneyGraph> = {
  j_birthday: journey({ type: 'core/trigger-date', config: { source: 'birthday', attribute: '', when: 'on', days: 7, repeat: 'yearly', hour: 9 } }, 'birthday'),
  j_weekly: journey({ type: 'core/trigger-schedule', config: { segmentId: 'seg_vip', every: 'weekly', ...weekdays, month: '1', dayOfMonth: 1,
    time: '10:30', timeZone: 'Europe/Belgrade' } }, 'weekly'),
  j_broadcast: journey({ type: 'core/trigger-broadcast', config: { segmentId: 'seg_vip', startAt: '2026-03-06T12:00:00Z' } }, 'broadcast'),
};

beforeAll(async () => {
  db = await createTestDatabase();
  engine = createEngine({ database: db, registry, clock });
  await seedWorkspace(db, WS, [
    { id: 'ann', email: 'ann@example.com', firstName: 'Ann', timezone: 'Europe/Belgrade' },
    { id: 'bob', email: 'bob@example.com', firstName: 'Bob', timezone: 'America/New_York' },
    { id: 'cid', email: 'cid@example.com', firstName: 'Cid', timezone: 'UTC' },
    { id: 'dan', email: 'dan@example.com', firstName: 'Dan', timezone: 'Mars/Olympus' },
    { id: 'eve', email: 'eve@example.com', firstName: 'Eve', timezone: 'Asia/Tokyo' },
  ], START);
  for (const [id, birthday] of [['ann', '1990-03-04'], ['bob', '1985-03-05'], ['cid', '1970-03-20'], ['dan', '2000-03-03'], ['eve', '1999-03-08']]) {
    await db.sql`update customers set birthday = ${birthday} where workspace_id = ${WS} and id = ${id}`;
  }
  await db.sql`update customers set tags = array['vip'] where workspace_id = ${WS} and id in ('ann', 'bob', 'eve')`;
  await db.sql`insert into segments (id, workspace_id, name, rule) values ('seg_vip', ${WS}, 'VIP', ${db.sql.json({ kind: 'tag', op: 'has', tag: 'vip' })})`;
  for (const [id, graph] of Object.entries(JOURNEYS)) await publishGraph(db, registry, WS, id, graph);
  await db.sql`update journey_versions set published_at = ${new Date(START.getTime() - 24 * HOUR)} where workspace_id = ${WS}`;
  // The real week, an hour at a time, as the worker's jobs would have run it.
  for (let t = START.getTime(); t < END.getTime(); t += HOUR) {
    clock.set(new Date(t));
    await engine.runCalendarTriggers();
    await engine.advanceUntilIdle();
  }
  await db.sql`update journeys set status = 'paused' where workspace_id = ${WS}`;
}, 300_000);

afterAll(async () => {
  await db?.close();
});

async function realEntries(journeyId: string) {
  const rows = await db.sql<{ customer: string; day: string }[]>`
    select customer_id as customer, to_char(entered_at at time zone 'UTC', 'YYYY-MM-DD') as day from journey_runs
    where journey_id = ${journeyId} order by 2, 1`;
  return rows.map((r) => `${r.day} ${r.customer}`);
}

async function simulate(journeyId: string) {
  const spec = { from: START.toISOString(), to: END.toISOString(), population: { kind: 'everyone' as const }, sampleCustomerIds: [] };
  const id = await queueSimulation(db, registry, WS, journeyId, JOURNEYS[journeyId], {}, spec);
  expect(await engine.runSimulations()).toBe(1);
  const row = await simulationRow(db, id);
  expect(row.error).toBeNull();
  return row.result!;
}

async function follow(journeyId: string, customerId: string) {
  const [{ plan }] = await db.sql<{ plan: never }[]>`select plan from journey_versions where journey_id = ${journeyId}`;
  const { trace } = await followCustomer({ database: db, registry, clock, fromAddress: 'shop@example.com', publicUrl: () => 'http://localhost' },
    { workspaceId: WS, journeyId, versionId: `${journeyId}_v1`, plan, from: START.toISOString(), to: END.toISOString(), customerId });
  return trace;
}

describe('simulating journeys started on a date, a schedule or a broadcast', () => {
  it('a birthday enters each customer on their day, in their own time zone, as the calendar job did', async () => {
    const real = await realEntries('j_birthday');
    expect(real).toEqual(['2026-03-03 dan', '2026-03-04 ann', '2026-03-05 bob', '2026-03-08 eve']);
    const result = await simulate('j_birthday');
    expect(result.entries.perDay).toEqual([
      { day: '2026-03-03', n: 1 }, { day: '2026-03-04', n: 1 }, { day: '2026-03-05', n: 1 }, { day: '2026-03-08', n: 1 }]);
    expect(result.effects.pointsGrants).toBe(4);
    const trace = await follow('j_birthday', 'bob');
    // 9:00 in New York is 14:00 UTC.
    expect(trace[0]).toMatchObject({ kind: 'entered', at: '2026-03-05T14:00:00.000Z', detail: { occurrence: '2026-03-05' } });
    expect(trace.at(-1)).toMatchObject({ kind: 'end', outcome: 'completed' });
  });

  it('a weekly schedule enrols the segment on its day at its time in the shop zone', async () => {
    expect(await realEntries('j_weekly')).toEqual(['2026-03-04 ann', '2026-03-04 bob', '2026-03-04 eve']);
    const result = await simulate('j_weekly');
    expect(result.entries.perDay).toEqual([{ day: '2026-03-04', n: 3 }]);
    const trace = await follow('j_weekly', 'eve');
    expect(trace[0]).toMatchObject({ kind: 'entered', at: '2026-03-04T09:30:00.000Z', detail: { occurrence: '2026-03-04' } });
  });

  it('a broadcast enrols its segment at its start', async () => {
    expect(await realEntries('j_broadcast')).toEqual(['2026-03-06 ann', '2026-03-06 bob', '2026-03-06 eve']);
    const result = await simulate('j_broadcast');
    expect(result.entries).toEqual({ total: 3, perDay: [{ day: '2026-03-06', n: 3 }] });
    expect(result.endPositions).toEqual([{ status: 'completed', nodeId: 'points', n: 3 }]);
    expect((await follow('j_broadcast', 'cid'))).toEqual([]);
  });
});

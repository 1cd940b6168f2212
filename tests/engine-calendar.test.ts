// Calendar triggers with the manual clock: a birthday starts at 09:00 in each customer's own
// time zone (across the spring DST change), 29 February has its day in every year, a job run
// twice enrols once, and a weekly schedule enrols its segment three weeks running.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { publishGraph } from './support/journeys';

const registry = createRegistry();
const WS = 'ws_calendar';
const clock = new ManualClock(new Date('2027-01-01T00:00:00Z'));
const at = { x: 0, y: 0 };
let db: Database;
let engine: Engine;

const graph = (type: string, config: Record<string, unknown>): JourneyGraph => ({
  nodes: [
    { id: 't', type, position: at, config: { ...(registry.get(type)!.defaults as object), ...config } },
    { id: 'gift', type: 'core/grant-points', position: at, config: { amount: 10, reason: 'Calendar gift' } },
  ],
  edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'gift' }],
});

/** Publishes as of the manual clock (publishGraph stamps the real time), with a re-entry rule. */
async function publish(journeyId: string, g: JourneyGraph, reentry: Record<string, unknown> = { mode: 'trigger' }) {
  const versionId = await publishGraph(db, registry, WS, journeyId, g);
  await db.sql`update journey_versions set published_at = ${clock.now()},
    plan = jsonb_set(plan, '{settings,reentry}', ${db.sql.json(reentry as never)}) where id = ${versionId}`;
}

const runs = (journeyId: string) => db.sql<{ customer: string; key: string; entered: Date }[]>`
  select customer_id as customer, entry_key as key, entered_at as entered from journey_runs
  where journey_id = ${journeyId} order by entered_at, customer_id`;

/** Runs the calendar job at every step from `from` to `to` (inclusive). */
async function sweep(from: string, to: string, stepMs: number) {
  for (let t = Date.parse(from); t <= Date.parse(to); t += stepMs) {
    clock.set(new Date(t));
    await engine.runCalendarTriggers();
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  engine = createEngine({ database: db, registry, clock });
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Shop', 's')`;
  const customers = [
    ['tokyo', 'Asia/Tokyo', '2000-03-28', {}],
    ['belgrade', 'Europe/Belgrade', '1990-03-28', {}],
    ['new_york', 'America/New_York', '1985-03-14', {}],
    ['leap', 'UTC', '2000-02-29', {}],
    ['lost', 'Mars/Olympus_Mons', '1999-03-28', { renewal: 'soon' }],
    ['renews', 'Europe/Ljubljana', null, { renewal: '2027-05-10T00:00:00Z' }],
  ] as const;
  for (const [id, tz, birthday, attributes] of customers) {
    await db.sql`insert into customers (workspace_id, id, email, timezone, birthday, attributes, created_at)
      values (${WS}, ${id}, ${`${id}@example.com`}, ${tz}, ${birthday}, ${db.sql.json(attributes)}, '2020-01-01T00:00:00Z')`;
  }
});

afterAll(async () => {
  await db?.close();
});

it('starts a birthday at 09:00 in each customer\'s time zone, across the DST change, once', async () => {
  await publish('j_birthday', graph('core/trigger-date', { source: 'birthday', hour: 9 }));
  // Hourly over the days New York (14 March) and Europe (28 March 2027) move their clocks.
  await sweep('2027-03-13T00:00:00Z', '2027-03-15T00:00:00Z', 3600e3);
  await sweep('2027-03-27T00:00:00Z', '2027-03-29T00:00:00Z', 3600e3);
  expect((await runs('j_birthday')).map((r) => [r.customer, r.key, r.entered.toISOString()])).toEqual([
    // 09:00 EDT (UTC-4, the day DST began), JST (UTC+9), CEST (UTC+2, the day DST began).
    ['new_york', 'date:2027-03-14', '2027-03-14T13:00:00.000Z'],
    ['lost', 'date:2027-03-28', '2027-03-28T09:00:00.000Z'], // a zone Postgres does not know counts as UTC
    ['tokyo', 'date:2027-03-28', '2027-03-28T00:00:00.000Z'],
    ['belgrade', 'date:2027-03-28', '2027-03-28T07:00:00.000Z'],
  ].sort((a, b) => a[2].localeCompare(b[2]) || a[0].localeCompare(b[0])));
  // The run walks the journey like any other.
  await engine.advanceUntilIdle();
  const [ledger] = await db.sql`select count(*)::int as n from loyalty_ledger where workspace_id = ${WS}`;
  expect(ledger.n).toBe(4);
});

it('gives 29 February its day every year: 28 February in other years', async () => {
  clock.set(new Date('2027-02-01T00:00:00Z'));
  await publish('j_leap', graph('core/trigger-date', { source: 'birthday', hour: 9 }));
  await sweep('2027-02-27T00:00:00Z', '2027-03-02T00:00:00Z', 3 * 3600e3);
  await sweep('2028-02-27T00:00:00Z', '2028-03-02T00:00:00Z', 3 * 3600e3);
  expect((await runs('j_leap')).filter((r) => r.customer === 'leap').map((r) => [r.key, r.entered.toISOString()])).toEqual([
    ['date:2027-02-28', '2027-02-28T09:00:00.000Z'],
    ['date:2028-02-29', '2028-02-29T09:00:00.000Z'],
  ]);
});

it('enrols each occurrence once, however often and by however many workers the job runs', async () => {
  clock.set(new Date('2027-05-01T00:00:00Z'));
  await publish('j_twice', graph('core/trigger-date', { source: 'attribute', attribute: 'renewal', when: 'before', days: 3, repeat: 'once', hour: 8 }));
  clock.set(new Date('2027-05-07T07:00:00Z')); // 09:00 in Ljubljana, three days before the renewal
  const engines = [engine, createEngine({ database: db, registry, clock }), createEngine({ database: db, registry, clock })];
  const counts = await Promise.all(engines.map((e) => e.runCalendarTriggers()));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
  expect(await engine.runCalendarTriggers()).toBe(0);
  expect((await runs('j_twice')).map((r) => [r.customer, r.key])).toEqual([['renews', 'date:2027-05-10']]);
});

it('skips occurrences before publishing, and keeps the re-entry rule', async () => {
  clock.set(new Date('2028-03-28T12:00:00Z'));
  await publish('j_once', graph('core/trigger-date', { source: 'birthday', hour: 9 }), { mode: 'once' });
  await sweep('2028-03-28T12:00:00Z', '2028-03-29T00:00:00Z', 3600e3);
  expect(await runs('j_once')).toEqual([]); // today's 09:00 came before the journey
  await sweep('2029-03-27T12:00:00Z', '2029-03-29T00:00:00Z', 3600e3);
  await sweep('2030-03-27T12:00:00Z', '2030-03-29T00:00:00Z', 3 * 3600e3);
  expect((await runs('j_once')).map((r) => [r.customer, r.key, r.entered.getUTCFullYear()]))
    .toEqual([['tokyo', 'once', 2029], ['belgrade', 'once', 2029], ['lost', 'once', 2029]]);
});

it('enrols a segment every week on its day, at 10:00 in the shop\'s time zone, three weeks running', async () => {
  await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    values (${WS}, 'o1', 'tokyo', 30, '2026-10-01T00:00:00Z'), (${WS}, 'o2', 'belgrade', 30, '2026-10-01T00:00:00Z')`;
  await db.sql`insert into segments (id, workspace_id, name, rule)
    values ('seg_buyers', ${WS}, 'Buyers', ${db.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1 })})`;
  clock.set(new Date('2031-01-01T00:00:00Z'));
  await publish('j_weekly', graph('core/trigger-schedule', {
    segmentId: 'seg_buyers', every: 'weekly', monday: true, time: '10:00', timeZone: 'Europe/Belgrade',
  }));
  // Every 3 hours over three weeks from Wednesday 1 January 2031.
  await sweep('2031-01-01T00:00:00Z', '2031-01-21T00:00:00Z', 3 * 3600e3);
  const enrolled = await runs('j_weekly');
  expect(enrolled.map((r) => [r.customer, r.key, r.entered.toISOString()])).toEqual(['06', '13', '20'].flatMap((day) => [
    ['belgrade', `schedule:2031-01-${day}`, `2031-01-${day}T09:00:00.000Z`],
    ['tokyo', `schedule:2031-01-${day}`, `2031-01-${day}T09:00:00.000Z`],
  ]));
});

it('enrols a segment on a holiday every year (8 March at 10:00 in each customer\'s zone)', async () => {
  clock.set(new Date('2031-02-01T00:00:00Z'));
  await publish('j_holiday', graph('core/trigger-schedule', { segmentId: 'seg_buyers', every: 'yearly', month: '3', dayOfMonth: 8, time: '10:00' }));
  await sweep('2031-03-07T00:00:00Z', '2031-03-09T00:00:00Z', 3 * 3600e3);
  await sweep('2032-03-07T00:00:00Z', '2032-03-09T00:00:00Z', 3 * 3600e3);
  expect((await runs('j_holiday')).map((r) => [r.customer, r.key, r.entered.toISOString()])).toEqual([
    ['tokyo', 'schedule:2031-03-08', '2031-03-08T03:00:00.000Z'], // 10:00 JST is 01:00Z; the sweep after it
    ['belgrade', 'schedule:2031-03-08', '2031-03-08T09:00:00.000Z'],
    ['tokyo', 'schedule:2032-03-08', '2032-03-08T03:00:00.000Z'],
    ['belgrade', 'schedule:2032-03-08', '2032-03-08T09:00:00.000Z'],
  ]);
});

it('sweeps each time zone once a day: a customer added after its sweep waits for the next occurrence', async () => {
  await db.sql`update journeys set status = 'paused' where workspace_id = ${WS}`; // the other tests' journeys
  clock.set(new Date('2031-06-01T00:00:00Z'));
  await publish('j_swept', graph('core/trigger-date', { source: 'birthday', hour: 9 }));
  await db.sql`insert into customers (workspace_id, id, email, timezone, birthday, created_at)
    values (${WS}, 'early', 'early@example.com', 'UTC', '1980-06-02', '2020-01-01T00:00:00Z')`;
  clock.set(new Date('2031-06-02T09:05:00Z'));
  expect(await engine.runCalendarTriggers()).toBe(1);
  const swept = await db.sql<{ zone: string; day: string }[]>`select zone, day::text from calendar_sweeps s
    join journey_versions v on v.id::text = s.version_id where v.journey_id = 'j_swept' and zone in ('UTC', 'Asia/Tokyo', 'America/New_York')`;
  // Tokyo's 09:00 (00:00Z) has come and been swept; New York's (13:00Z) has not.
  expect(swept.map((z) => `${z.zone} ${z.day}`).sort()).toEqual(['Asia/Tokyo 2031-06-02', 'UTC 2031-06-02']);
  await db.sql`insert into customers (workspace_id, id, email, timezone, birthday, created_at)
    values (${WS}, 'late', 'late@example.com', 'UTC', '1981-06-02', '2031-06-02T10:00:00Z')`;
  clock.set(new Date('2031-06-02T11:00:00Z'));
  expect(await engine.runCalendarTriggers()).toBe(0);
  clock.set(new Date('2032-06-02T09:00:00Z'));
  expect(await engine.runCalendarTriggers()).toBe(2);
  expect((await runs('j_swept')).map((r) => [r.customer, r.key])).toEqual([
    ['early', 'date:2031-06-02'], ['early', 'date:2032-06-02'], ['late', 'date:2032-06-02'],
  ]);
});

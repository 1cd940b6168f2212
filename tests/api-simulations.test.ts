// Simulations through the API: a marketer starts one on the draft (the worker's job runs it),
// reads progress and result, sees it go stale when the draft changes, follows one customer;
// a manager reads but may not start or cancel; bad input is a 400 naming the field; a journey
// started by a date (a birthday) is simulated too.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, unusedTemplateSandbox, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const DAY = 86400e3;
const clock = new ManualClock(new Date('2026-04-01T12:00:00Z'));
let database: Database;
let server: ApiServer;
let engine: Engine;
let marketer: ApiClient;
let manager: ApiClient;

const graph = (points: number): JourneyGraph => ({
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' } },
    { id: 'points', type: 'core/grant-points', position: { x: 0, y: 200 }, config: { amount: points, reason: 'Thanks' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'points' }],
});

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  await sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'A', 'secret')`;
  await sql`insert into customers (workspace_id, id, email, first_name) values ('ws_a', 'c1', 'c1@a.test', 'Ada'), ('ws_a', 'c2', 'c2@a.test', 'Bo')`;
  await sql`insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp) values
    ('ws_a', 'e1', 'track', 'c1', 'Order Completed', '{"order_id":"o1"}', ${new Date(clock.now().getTime() - 3 * DAY)}),
    ('ws_a', 'e2', 'track', 'c1', 'Order Completed', '{"order_id":"o2"}', ${new Date(clock.now().getTime() - 2 * DAY)}),
    ('ws_a', 'e3', 'track', 'c2', 'Order Completed', '{"order_id":"o3"}', ${new Date(clock.now().getTime() - DAY)})`;
  await seedUser(database, { id: 'u_m', workspaceId: 'ws_a', email: 'm@a.test', password: 'pw-m', role: 'marketer' });
  await seedUser(database, { id: 'u_g', workspaceId: 'ws_a', email: 'g@a.test', password: 'pw-g', role: 'manager' });
  const registry = createRegistry();
  engine = createEngine({ database, registry, clock });
  const deps: ApiDeps = { database, registry, clock, templateSandbox: unusedTemplateSandbox,
    engine: { stats: (v) => engine.stats(v), wake: async () => {}, retryFailed: (v, n) => engine.retryFailed(v, n) } };
  server = await startApiServer(deps);
  marketer = apiClient(server.url).trpc;
  await marketer.auth.login.mutate({ email: 'm@a.test', password: 'pw-m' });
  manager = apiClient(server.url).trpc;
  await manager.auth.login.mutate({ email: 'g@a.test', password: 'pw-g' });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('simulations through the API', () => {
  it('starts on the draft, runs as a job, goes stale when the draft changes', async () => {
    const { id } = await marketer.journeys.create.mutate({ name: 'Thanks' });
    await marketer.journeys.saveDraft.mutate({ id, draft: graph(5) });
    const { simulationId } = await marketer.simulations.start.mutate({ journeyId: id, source: { kind: 'draft' }, period: { lastDays: 7 }, population: { kind: 'everyone' } });
    expect((await manager.simulations.get.query({ simulationId })).status).toBe('queued');
    expect(await engine.runSimulations()).toBe(1);
    const done = await manager.simulations.get.query({ simulationId });
    expect(done).toMatchObject({ status: 'done', progress: 100, stale: false });
    expect(done.result?.entries.total).toBe(3);
    expect(done.result?.effects).toMatchObject({ pointsGrants: 3, points: 15 });
    await marketer.journeys.saveDraft.mutate({ id, draft: graph(7) });
    expect((await manager.simulations.list.query({ journeyId: id }))[0]).toMatchObject({ id: simulationId, stale: true });

    const followed = await manager.simulations.followCustomer.query({ journeyId: id, source: { kind: 'draft' }, period: { lastDays: 7 }, customerId: 'c1' });
    expect(followed.entered).toBe(2);
    expect(followed.trace.filter((e) => e.kind === 'effect').map((e) => e.detail?.points)).toEqual([7, 7]);
  });

  it('lets managers read but not start or cancel; a queued simulation cancels at once', async () => {
    const { id } = await marketer.journeys.create.mutate({ name: 'Other' });
    await marketer.journeys.saveDraft.mutate({ id, draft: graph(1) });
    const input = { journeyId: id, source: { kind: 'draft' as const }, period: { lastDays: 30 as const }, population: { kind: 'sample' as const, size: 1 } };
    expect((await errorOf(manager.simulations.start.mutate(input))).code).toBe('FORBIDDEN');
    const { simulationId } = await marketer.simulations.start.mutate(input);
    expect((await errorOf(manager.simulations.cancel.mutate({ simulationId }))).code).toBe('FORBIDDEN');
    expect(await marketer.simulations.cancel.mutate({ simulationId })).toEqual({ status: 'cancelled' });
    expect(await engine.runSimulations()).toBe(0);
  });

  it('refuses bad input naming the field; simulates a birthday journey', async () => {
    const { id } = await marketer.journeys.create.mutate({ name: 'Birthday' });
    const bad = await errorOf(marketer.simulations.start.mutate({ journeyId: id, source: { kind: 'draft' },
      period: { from: '2026-03-10T00:00:00Z', to: '2026-03-01T00:00:00Z' }, population: { kind: 'everyone' } }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('The period must end after it starts');
    const birthday = { source: 'birthday', attribute: '', when: 'on', days: 7, repeat: 'yearly', hour: 9 };
    await marketer.journeys.saveDraft.mutate({ id, draft: { ...graph(3), nodes: [
      { id: 'trigger', type: 'core/trigger-date', position: { x: 0, y: 0 }, config: birthday }, graph(3).nodes[1]] } });
    await database.sql`update customers set birthday = '1990-03-30' where workspace_id = 'ws_a' and id = 'c2'`;
    const { simulationId } = await marketer.simulations.start.mutate({ journeyId: id, source: { kind: 'draft' }, period: { lastDays: 7 }, population: { kind: 'everyone' } });
    expect(await engine.runSimulations()).toBe(1);
    const done = await manager.simulations.get.query({ simulationId });
    expect(done.result?.entries).toEqual({ total: 1, perDay: [{ day: '2026-03-30', n: 1 }] });
    expect((await errorOf(manager.simulations.get.query({ simulationId: 'sim_nope' }))).code).toBe('NOT_FOUND');
  });
});

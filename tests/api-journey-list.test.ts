// The journey list through the API: 500 journeys answered one page at a time, searched,
// filtered and sorted in SQL; entries and conversions per journey; the unpublished-changes
// marker; duplicate, archive, delete (only what no one ever entered); version history with a
// diff and reverting the draft, audited; managers read and change nothing.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createTemplateSandbox } from '@afterglow/email';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const clock = new ManualClock(new Date('2025-06-15T12:00:00Z'));
const templateSandbox = createTemplateSandbox();
let database: Database;
let server: ApiServer;
let engine: Engine;
let marketer: ApiClient;
let manager: ApiClient;

const SEEDED = 500;

function graph(points: number, x = 0): JourneyGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: { x, y: 0 }, config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' } },
      { id: 'points', type: 'core/grant-points', position: { x, y: 200 }, config: { amount: points, reason: 'Thanks' } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'points' }],
  };
}

async function orderCompleted(orderId: string) {
  const event = { workspaceId: 'ws_a', messageId: `msg_${orderId}`, name: 'Order Completed', customerId: 'c1',
    properties: { order_id: orderId }, timestamp: clock.now() };
  return database.sql.begin((tx) => engine.enrolEvents(tx as unknown as Database['sql'], [event]));
}

/** A journey published through the API with `points`, and the version's id. */
async function published(name: string, points: number) {
  const { id } = await marketer.journeys.create.mutate({ name });
  await marketer.journeys.saveDraft.mutate({ id, draft: graph(points) });
  const result = await marketer.journeys.publish.mutate({ id });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { id, versionId: result.versionId };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  await sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'A', 'secret')`;
  await sql`insert into customers (workspace_id, id, email, first_name) values ('ws_a', 'c1', 'c1@a.test', 'Ada')`;
  await seedUser(database, { id: 'u_m', workspaceId: 'ws_a', email: 'm@a.test', password: 'pw-m', role: 'marketer' });
  await seedUser(database, { id: 'u_g', workspaceId: 'ws_a', email: 'g@a.test', password: 'pw-g', role: 'manager' });
  const registry = createRegistry();
  engine = createEngine({ database, registry, clock });
  const deps: ApiDeps = {
    database, registry, clock, templateSandbox,
    engine: { stats: (v) => engine.stats(v), wake: async () => {}, retryFailed: (v, n) => engine.retryFailed(v, n) },
  };
  server = await startApiServer(deps);
  marketer = apiClient(server.url).trpc;
  await marketer.auth.login.mutate({ email: 'm@a.test', password: 'pw-m' });
  manager = apiClient(server.url).trpc;
  await manager.auth.login.mutate({ email: 'g@a.test', password: 'pw-g' });
  // 500 drafts, as a large shop's list would hold ("Seeded 001" … "Seeded 500"), edited a minute apart.
  await sql`
    insert into journeys (id, workspace_id, name, draft, status, created_at, updated_at)
    select 'jrn_seed_' || n, 'ws_a', 'Seeded ' || lpad(n::text, 3, '0'), '{"nodes":[],"edges":[]}', 'draft',
      ${clock.now()}::timestamptz - make_interval(mins => 1000 - n), ${clock.now()}::timestamptz - make_interval(mins => 1000 - n)
    from generate_series(1, ${SEEDED}) n`;
});
afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await database?.close();
});

describe('the journey list', () => {
  it('answers one page of 500 journeys, with the total, and pages on', async () => {
    const first = await marketer.journeys.list.query({ search: 'Seeded', sort: 'name', direction: 'asc' });
    expect(first.total).toBe(SEEDED);
    expect(first.journeys).toHaveLength(25);
    expect(first.journeys[0]!.name).toBe('Seeded 001');
    const last = await marketer.journeys.list.query({ search: 'seeded', sort: 'name', direction: 'desc', offset: 25, limit: 10 });
    expect(last.journeys.map((j) => j.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Seeded ${475 - i}`));
    const past = await marketer.journeys.list.query({ search: 'Seeded', offset: 1000 });
    expect(past).toMatchObject({ journeys: [], total: SEEDED });
    const newest = await marketer.journeys.list.query({ search: 'Seeded', sort: 'updated', direction: 'desc', limit: 1 });
    expect(newest.journeys[0]!.name).toBe('Seeded 500');
  });

  it('searches names with wildcards taken literally and refuses bad paging by field', async () => {
    expect((await marketer.journeys.list.query({ search: 'seeded 12' })).total).toBe(10); // 120…129
    expect((await marketer.journeys.list.query({ search: '%' })).total).toBe(0);
    const refused = await errorOf(marketer.journeys.list.query({ limit: 1000 }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.data.issues[0].field).toBe('limit');
  });

  it('filters by status, sorts by entries and counts entries and conversions from the counters', async () => {
    const busy = await published('Busy journey', 10);
    const quiet = await published('Quiet journey', 10);
    expect(await orderCompleted('o1')).toBe(2);
    expect(await orderCompleted('o2')).toBe(2);
    await marketer.journeys.setStatus.mutate({ id: quiet.id, status: 'paused' });
    expect(await orderCompleted('o3')).toBe(1);
    await engine.advanceUntilIdle();
    // A conversion as the engine writes it when a run meets the goal (event-effects.ts).
    await database.sql`
      insert into conversions (run_id, workspace_id, customer_id, journey_id, version_id, node_id, event_message_id, event_name, revenue, currency, at)
      values (gen_random_uuid(), 'ws_a', 'c1', ${busy.id}, ${busy.versionId}, 'points', 'msg_x', 'Order Completed', 42.5, 'EUR', ${clock.now()})`;

    const live = await marketer.journeys.list.query({ status: 'live' });
    expect(live.journeys.map((j) => j.name)).toEqual(['Busy journey']);
    expect(live.journeys[0]).toMatchObject({ runs: { total: 3, active: 0 }, conversions: 1, revenue: [{ currency: 'EUR', amount: 42.5 }] });
    expect((await marketer.journeys.list.query({ status: 'paused' })).journeys.map((j) => j.name)).toEqual(['Quiet journey']);
    const byEntries = await marketer.journeys.list.query({ sort: 'entries', direction: 'desc', limit: 2 });
    expect(byEntries.journeys.map((j) => [j.name, j.runs.total])).toEqual([['Busy journey', 3], ['Quiet journey', 2]]);
    expect(byEntries.total).toBe(SEEDED + 2);
  });

  it('marks unpublished changes, but not a step only moved on the canvas', async () => {
    const { id } = await published('Marked journey', 5);
    const row = async () => (await marketer.journeys.list.query({ search: 'Marked' })).journeys[0]!;
    expect((await row()).unpublishedChanges).toBe(false);
    await marketer.journeys.saveDraft.mutate({ id, draft: graph(5, 300) });
    expect((await row()).unpublishedChanges).toBe(false);
    await marketer.journeys.saveDraft.mutate({ id, draft: graph(6, 300) });
    expect((await row()).unpublishedChanges).toBe(true);
  });
});

describe('row actions', () => {
  it('duplicates a journey into a new draft with the same steps and settings, audited', async () => {
    const { id } = await published('Original', 7);
    await marketer.journeys.saveSettings.mutate({ id, settings: { reentry: { mode: 'once' }, goal: null } });
    const copy = await marketer.journeys.duplicate.mutate({ id });
    expect(copy.name).toBe('Copy of Original');
    const opened = await marketer.journeys.get.query({ id: copy.id });
    expect(opened).toMatchObject({ name: 'Copy of Original', status: 'draft', currentVersionId: null, versions: [], settings: { reentry: { mode: 'once' } } });
    expect(opened.draft.nodes.find((n) => n.id === 'points')?.config).toEqual({ amount: 7, reason: 'Thanks' });
    const [audit] = await database.sql`select actor_id, target_id from audit_log where action = 'journeys.duplicate'`;
    expect(audit).toMatchObject({ actor_id: 'u_m', target_id: id });
  });

  it('archives: no one new enters, runs inside stay; brought back paused', async () => {
    const { id } = await published('Archived one', 3);
    const liveBefore = await orderCompleted('a1');
    expect(await marketer.journeys.setArchived.mutate({ id, archived: true })).toEqual({ status: 'archived' });
    const before = await marketer.journeys.runCounts.query({ id });
    expect(await orderCompleted('a2')).toBe(liveBefore - 1);
    expect(await marketer.journeys.runCounts.query({ id })).toEqual(before);
    expect((await marketer.journeys.list.query({ search: 'Archived one' })).total).toBe(0);
    expect((await marketer.journeys.list.query({ status: 'archived' })).journeys.map((j) => j.id)).toEqual([id]);
    expect(await marketer.journeys.setArchived.mutate({ id, archived: false })).toEqual({ status: 'paused' });
  });

  it('deletes only a journey no customer ever entered, and says how many did', async () => {
    const entered = await published('Entered once', 1);
    await marketer.journeys.setStatus.mutate({ id: entered.id, status: 'live' });
    await orderCompleted('d1');
    const counts = await marketer.journeys.runCounts.query({ id: entered.id });
    expect(counts).toMatchObject({ total: 1, deletable: false });
    const refused = await errorOf(marketer.journeys.delete.mutate({ id: entered.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('archive it instead');

    const unused = await published('Never entered', 1);
    await marketer.journeys.setArchived.mutate({ id: unused.id, archived: true });
    expect(await marketer.journeys.runCounts.query({ id: unused.id })).toEqual({ active: 0, total: 0, deletable: true });
    await marketer.journeys.delete.mutate({ id: unused.id });
    expect((await errorOf(marketer.journeys.get.query({ id: unused.id }))).code).toBe('NOT_FOUND');
    expect(await database.sql`select 1 from journey_versions where journey_id = ${unused.id}`).toHaveLength(0);
    expect(await database.sql`select 1 from audit_log where action = 'journeys.delete' and target_id = ${unused.id}`).toHaveLength(1);
  });

  it('lets a manager read the list, counts and history but change nothing', async () => {
    const { id } = (await manager.journeys.list.query({ search: 'Original', status: 'live' })).journeys[0]!;
    expect((await manager.journeys.runCounts.query({ id })).deletable).toBe(false);
    expect(await manager.journeys.versions.query({ id })).toHaveLength(1);
    for (const call of [
      manager.journeys.duplicate.mutate({ id }), manager.journeys.setArchived.mutate({ id, archived: true }),
      manager.journeys.delete.mutate({ id }), manager.journeys.revertDraft.mutate({ id, versionId: 'ver_x' }),
    ]) expect((await errorOf(call)).code).toBe('FORBIDDEN');
  });
});

describe('version history', () => {
  it('lists versions with who published them, diffs two and reverts the draft, audited and undoable', async () => {
    const { id, versionId: v1 } = await published('Versioned', 10);
    await marketer.journeys.saveDraft.mutate({ id, draft: graph(25) });
    const second = await marketer.journeys.publish.mutate({ id });
    if (!second.ok) throw new Error('not published');
    const versions = await marketer.journeys.versions.query({ id });
    expect(versions.map((v) => [v.version, v.publishedBy])).toEqual([[2, 'u_m'], [1, 'u_m']]);

    const diff = await marketer.journeys.diffVersions.query({ id, fromVersionId: v1, toVersionId: second.versionId });
    expect(diff).toMatchObject({ empty: false, added: [], removed: [], settings: [] });
    expect(diff.changed).toEqual([{ id: 'points', type: 'core/grant-points', typeChanged: false, fields: [{ field: 'amount', before: 10, after: 25 }] }]);

    expect(await marketer.journeys.revertDraft.mutate({ id, versionId: v1 })).toEqual({ version: 1 });
    const reverted = await marketer.journeys.get.query({ id });
    expect(reverted.draft.nodes.find((n) => n.id === 'points')?.config.amount).toBe(10);
    expect((await marketer.journeys.list.query({ search: 'Versioned' })).journeys[0]!.unpublishedChanges).toBe(true);
    // Undone by reverting to the other version.
    await marketer.journeys.revertDraft.mutate({ id, versionId: second.versionId });
    expect((await marketer.journeys.list.query({ search: 'Versioned' })).journeys[0]!.unpublishedChanges).toBe(false);
    const audits = await database.sql`select detail from audit_log where action = 'journeys.revertDraft' and target_id = ${id} order by id`;
    expect(audits.map((a) => a.detail.versionId)).toEqual([v1, second.versionId]);

    const other = await published('Someone else', 1);
    expect((await errorOf(marketer.journeys.revertDraft.mutate({ id, versionId: other.versionId }))).code).toBe('NOT_FOUND');
  });
});

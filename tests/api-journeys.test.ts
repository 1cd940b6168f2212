// Journeys through the API: create, autosave, publish refused with node-level issues,
// publish, runs pinned to their version while later versions are published, stats.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createTemplateSandbox } from '@afterglow/email';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph, JourneyPlan } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const clock = new ManualClock(new Date('2025-06-15T12:00:00Z'));
let database: Database;
let server: ApiServer;
let engine: Engine;
const templateSandbox = createTemplateSandbox();
let owner: ApiClient;
let other: ApiClient;

const at = { x: 0, y: 0 };
const goodEmail = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';

function draft(opts: { event: string; segmentId: string; subject: string; points: number }): JourneyGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: opts.event, filters: [], entryKeyProperty: 'order_id' } },
      { id: 'cond', type: 'core/segment-condition', position: at, config: { segmentId: opts.segmentId } },
      { id: 'email', type: 'core/send-email', position: at, config: { subject: opts.subject, preheader: '', body: goodEmail, kind: 'marketing' } },
      { id: 'points', type: 'core/grant-points', position: at, config: { amount: opts.points, reason: 'Thanks' } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'cond' },
      { id: 'e2', source: 'cond', sourceHandle: 'yes', target: 'email' },
      { id: 'e3', source: 'email', sourceHandle: 'out', target: 'points' },
    ],
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  for (const ws of ['ws_a', 'ws_b']) await sql`insert into workspaces (id, name, signing_secret) values (${ws}, ${ws}, 'secret')`;
  await sql`insert into customers (workspace_id, id, email, first_name) values ('ws_a', 'c1', 'c1@a.test', 'Ada')`;
  await sql`insert into segments (id, workspace_id, name, rule) values
    ('seg_all', 'ws_a', 'Everyone', ${JSON.stringify({ kind: 'group', op: 'and', rules: [] })}::text::jsonb),
    ('seg_b', 'ws_b', 'Not yours', ${JSON.stringify({ kind: 'group', op: 'and', rules: [] })}::text::jsonb)`;
  await seedUser(database, { id: 'u_a', workspaceId: 'ws_a', email: 'a@a.test', password: 'pw-a', role: 'marketer' });
  await seedUser(database, { id: 'u_b', workspaceId: 'ws_b', email: 'b@b.test', password: 'pw-b', role: 'owner' });
  const registry = createRegistry();
  engine = createEngine({ database, registry, clock });
  const deps: ApiDeps = {
    database, registry, clock, templateSandbox,
    engine: { stats: (v) => engine.stats(v), wake: async () => {}, retryFailed: (v, n) => engine.retryFailed(v, n) },
  };
  server = await startApiServer(deps);
  owner = apiClient(server.url).trpc;
  await owner.auth.login.mutate({ email: 'a@a.test', password: 'pw-a' });
  other = apiClient(server.url).trpc;
  await other.auth.login.mutate({ email: 'b@b.test', password: 'pw-b' });
});
afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await database?.close();
});

async function orderCompleted(customerId: string, orderId: string) {
  const event = { workspaceId: 'ws_a', messageId: `msg_${orderId}`, name: 'Order Completed', customerId,
    properties: { order_id: orderId }, timestamp: clock.now() };
  // Engine.enrolEvents is typed with the pool type; a transaction is what ingestion passes.
  return database.sql.begin((tx) => engine.enrolEvents(tx as unknown as Database['sql'], [event]));
}

describe('journeys', () => {
  it('starts a draft with one unconfigured trigger and autosaves well-formed graphs only', async () => {
    const { id } = await owner.journeys.create.mutate({ name: 'Thank you' });
    const journey = await owner.journeys.get.query({ id });
    expect(journey).toMatchObject({ name: 'Thank you', status: 'draft', currentVersionId: null, versions: [] });
    expect(journey.draft.nodes).toEqual([{ id: 'trigger', type: 'core/trigger-event', typeVersion: 1, position: at, config: { event: '', filters: [], entryKeyProperty: '' } }]);

    const malformed = await errorOf(owner.journeys.saveDraft.mutate({
      id, draft: { nodes: [{ id: 'bad id', type: 'core/exit', position: at, config: {} }], edges: [] },
    }));
    expect(malformed.code).toBe('BAD_REQUEST');
    expect(malformed.data.issues.map((i: { field: string }) => i.field)).toEqual(['draft.nodes.0.id']);

    const refusedStatus = await errorOf(owner.journeys.setStatus.mutate({ id, status: 'live' }));
    expect(refusedStatus).toMatchObject({ code: 'BAD_REQUEST', data: { field: 'status' } });
    expect(refusedStatus.message).toContain(id);
  });

  it('saves a draft only over the revision the editor opened: a stale save is a CONFLICT in the caller\'s language', async () => {
    const { id } = await owner.journeys.create.mutate({ name: 'Two tabs' });
    const opened = await owner.journeys.get.query({ id });
    const first = draft({ event: 'Order Completed', segmentId: 'seg_all', subject: 'First tab', points: 1 });
    const second = draft({ event: 'Order Completed', segmentId: 'seg_all', subject: 'Second tab', points: 2 });
    // Tab one saves twice, each time over what it saved last.
    const saved = await owner.journeys.saveDraft.mutate({ id, draft: first, revision: opened.draftRevision });
    expect(saved.revision).not.toBe(opened.draftRevision);
    expect(saved.revision).toBe((await owner.journeys.get.query({ id })).draftRevision);
    const again = await owner.journeys.saveDraft.mutate({ id, draft: { ...first, nodes: first.nodes.map((n) => ({ ...n, position: { x: 10, y: 10 } })) }, revision: saved.revision });
    // Tab two, opened before, would write its old view back: refused, naming what happened.
    const stale = await errorOf(owner.journeys.saveDraft.mutate({ id, draft: second, revision: opened.draftRevision }));
    expect(stale).toMatchObject({ code: 'CONFLICT', data: { httpStatus: 409, field: 'revision' } });
    expect(stale.message).toMatch(/changed elsewhere/);
    const stored = await owner.journeys.get.query({ id });
    expect(stored.draft.nodes.find((n) => n.id === 'email')?.config.subject).toBe('First tab');
    expect(stored.draftRevision).toBe(again.revision);
    // Said in the user's language; a save without a revision (API callers, tests) still wins.
    await owner.auth.setLocale.mutate({ locale: 'sl' });
    try {
      expect((await errorOf(owner.journeys.saveDraft.mutate({ id, draft: second, revision: saved.revision }))).message).toMatch(/spremenjen drugje/);
    } finally {
      await owner.auth.setLocale.mutate({ locale: 'en' });
    }
    await owner.journeys.saveDraft.mutate({ id, draft: second });
    expect((await owner.journeys.get.query({ id })).draft.nodes.find((n) => n.id === 'email')?.config.subject).toBe('Second tab');
    // Another workspace's journey is not found, whatever revision is sent.
    expect((await errorOf(other.journeys.saveDraft.mutate({ id, draft: second, revision: stored.draftRevision }))).code).toBe('NOT_FOUND');
  });

  it('refuses to publish with issues naming node and field, then publishes versions that never disturb runs', async () => {
    const { id } = await owner.journeys.create.mutate({ name: 'Order thanks' });
    // Config may be incomplete while drafting; publishing is where it must be right.
    await owner.journeys.saveDraft.mutate({ id, draft: draft({ event: '', segmentId: 'seg_b', subject: 'Hi {{ customer.fristName }}', points: 10 }) });
    const refused = await owner.journeys.publish.mutate({ id });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues).toContainEqual({ nodeId: 'trigger', field: 'event', code: 'config', message: 'Choose the event that starts the journey' });
    // Another workspace's segment does not exist for this journey.
    expect(refused.issues).toContainEqual({ nodeId: 'cond', field: 'segmentId', code: 'check', message: 'The segment no longer exists: choose another' });
    expect(refused.issues.find((i) => i.nodeId === 'email')).toMatchObject({ field: 'subject', message: expect.stringContaining('fristName') });
    expect((await owner.journeys.get.query({ id })).versions).toEqual([]);

    await owner.journeys.saveDraft.mutate({ id, name: 'Order thank-you', draft: draft({ event: 'Order Completed', segmentId: 'seg_all', subject: 'Hi {{ customer.firstName }}', points: 10 }) });
    const v1 = await owner.journeys.publish.mutate({ id });
    expect(v1).toMatchObject({ ok: true, version: 1 });
    if (!v1.ok) return;
    const listed = (await owner.journeys.list.query()).journeys.find((j) => j.id === id);
    expect(listed).toMatchObject({ name: 'Order thank-you', status: 'live', currentVersion: 1, runs: { active: 0, total: 0 } });

    // A customer enters version 1 and walks it to the end.
    expect(await orderCompleted('c1', 'o1')).toBe(1);
    await engine.advanceUntilIdle();
    const statsV1 = await owner.journeys.stats.query({ versionId: v1.versionId });
    expect(statsV1.totals).toMatchObject({ entered: 1, completed: 1 });
    expect(statsV1.nodes.points.counters.points).toBe(10);
    expect(statsV1.nodes.cond.branches).toEqual({ yes: 1 });

    // Version 2 changes the reward; version 1, and the run pinned to it, stay as they were.
    const [planV1Before] = await database.sql<{ plan: JourneyPlan }[]>`select plan from journey_versions where id = ${v1.versionId}`;
    await owner.journeys.saveDraft.mutate({ id, draft: draft({ event: 'Order Completed', segmentId: 'seg_all', subject: 'Hi {{ customer.firstName }}', points: 25 }) });
    const v2 = await owner.journeys.publish.mutate({ id });
    expect(v2).toMatchObject({ ok: true, version: 2 });
    if (!v2.ok) return;
    const [planV1After] = await database.sql<{ plan: JourneyPlan }[]>`select plan from journey_versions where id = ${v1.versionId}`;
    expect(planV1After).toEqual(planV1Before);
    expect(planV1After.plan.nodes.points.config.amount).toBe(10);
    const runs = await database.sql`select version_id from journey_runs where journey_id = ${id}`;
    expect(runs.map((r) => r.version_id)).toEqual([v1.versionId]);
    expect((await owner.journeys.stats.query({ versionId: v2.versionId })).totals.entered).toBe(0);

    const journey = await owner.journeys.get.query({ id });
    expect(journey.currentVersionId).toBe(v2.versionId);
    expect(journey.versions.map((v) => v.version)).toEqual([2, 1]);

    // Concurrent publishes still get distinct version numbers.
    const [a, b] = await Promise.all([owner.journeys.publish.mutate({ id }), owner.journeys.publish.mutate({ id })]);
    expect([a, b].map((r) => (r.ok ? r.version : 0)).sort()).toEqual([3, 4]);

    // Pausing stops enrolment; other workspaces can read neither the stats nor the journey.
    await owner.journeys.setStatus.mutate({ id, status: 'paused' });
    expect((await owner.journeys.list.query()).journeys.find((j) => j.id === id)?.status).toBe('paused');
    expect(await orderCompleted('c1', 'o2')).toBe(0);
    expect((await errorOf(other.journeys.stats.query({ versionId: v1.versionId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(other.journeys.setStatus.mutate({ id, status: 'live' }))).code).toBe('NOT_FOUND');
  });
});

// Version 2 of a node type, installed as a package upgrade: journeys published on version 1
// keep running version 1's behaviour; a draft opened after the upgrade comes back migrated,
// with the note to show; publishing it runs version 2. A plan whose version is no longer
// installed fails its runs naming type and version; a migration that throws is reported on
// its step, never as a failed request.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph, JourneyPlan } from '@afterglow/journey-core';
import type { AfterglowPlugin } from '@afterglow/node-sdk';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, signIn, startApiServer, unusedTemplateSandbox, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';
import { greetPlugin as plugin, greetV1, greetV2 } from './support/greet-plugin';

const brokenV2 = { ...greetV2, migrations: [{ from: 1, up: () => { throw new Error('cannot read text'); }, note: 'never shown' }] };

const clock = new ManualClock(new Date('2025-06-15T12:00:00Z'));
let database: Database;
const servers: ApiServer[] = [];

/** The app as started with one set of installed plugins: an engine and a signed-in marketer. */
async function install(p: AfterglowPlugin): Promise<{ engine: Engine; api: ApiClient }> {
  const registry = createRegistry([p]);
  const engine = createEngine({ database, registry, clock });
  const deps: ApiDeps = {
    database, registry, clock, templateSandbox: unusedTemplateSandbox,
    engine: { stats: (v) => engine.stats(v), wake: async () => {}, retryFailed: (v, n) => engine.retryFailed(v, n) },
  };
  const server = await startApiServer(deps);
  servers.push(server);
  return { engine, api: await signIn(server.url, 'm@shop.test', 'pw-marketer') };
}

const at = { x: 0, y: 0 };
const greetingJourney = (event: string): JourneyGraph => ({
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', typeVersion: 1, position: at, config: { event, filters: [], entryKeyProperty: '' } },
    { id: 'greet', type: 'test/greet', typeVersion: 1, position: at, config: { text: 'Hello' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'greet' }],
});

async function signUp(engine: Engine, customerId: string, event: string): Promise<void> {
  const e = { workspaceId: 'ws', messageId: `msg_${customerId}_${event}`, name: event, customerId, properties: {}, timestamp: clock.now() };
  await database.sql.begin((tx) => engine.enrolEvents(tx as unknown as Database['sql'], [e]));
  await engine.advanceUntilIdle();
}

async function runOf(customerId: string) {
  const [run] = await database.sql<{ status: string; exitReason: string | null; lastError: string | null; versionId: string }[]>`
    select status, exit_reason as "exitReason", last_error as "lastError", version_id as "versionId"
    from journey_runs where customer_id = ${customerId}`;
  return run;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws', 'Shop', 'secret')`;
  for (const id of ['c1', 'c2', 'c3', 'c4']) {
    await database.sql`insert into customers (workspace_id, id, email, first_name) values ('ws', ${id}, ${`${id}@shop.test`}, ${id})`;
  }
  await seedUser(database, { id: 'u_m', workspaceId: 'ws', email: 'm@shop.test', password: 'pw-marketer', role: 'marketer' });
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await database?.close();
});

describe('node type versions', () => {
  let greetings: string;
  let keptOnV1: string;

  it('publishes on version 1 while only version 1 is installed', async () => {
    const { engine, api } = await install(plugin(greetV1));
    for (const [name, event] of [['Greetings', 'Signed Up'], ['Kept on v1', 'Came Back']]) {
      const { id } = await api.journeys.create.mutate({ name });
      await api.journeys.saveDraft.mutate({ id, draft: greetingJourney(event) });
      expect(await api.journeys.publish.mutate({ id })).toMatchObject({ ok: true, version: 1 });
      if (event === 'Signed Up') greetings = id;
      else keptOnV1 = id;
    }
    await signUp(engine, 'c1', 'Signed Up');
    expect(await runOf('c1')).toMatchObject({ status: 'exited', exitReason: 'v1 said Hello' });
  });

  it('after the upgrade, runs the published version 1; the draft opens migrated; publishing it runs version 2', async () => {
    const { engine, api } = await install(plugin(greetV1, greetV2));
    await signUp(engine, 'c2', 'Signed Up');
    expect(await runOf('c2')).toMatchObject({ status: 'exited', exitReason: 'v1 said Hello' });

    const opened = await api.journeys.get.query({ id: greetings });
    expect(opened.migrations).toEqual([
      { nodeId: 'greet', type: 'test/greet', label: 'Greet', from: 1, to: 2, notes: [greetV2.migrations![0].note] },
    ]);
    expect(opened.draft.nodes[1]).toMatchObject({ typeVersion: 2, config: { greeting: 'Hello', shout: false } });
    expect(opened.unmigratedDraft?.nodes[1]).toMatchObject({ typeVersion: 1, config: { text: 'Hello' } });
    // Opening saved nothing: the stored draft cannot be published until the editor saves the update.
    const refused = await api.journeys.publish.mutate({ id: greetings });
    expect(refused).toMatchObject({ ok: false, issues: [{ nodeId: 'greet', field: 'typeVersion' }] });

    await api.journeys.saveDraft.mutate({ id: greetings, draft: opened.draft });
    expect((await api.journeys.get.query({ id: greetings })).migrations).toEqual([]);
    const v2 = await api.journeys.publish.mutate({ id: greetings });
    expect(v2).toMatchObject({ ok: true, version: 2 });
    if (!v2.ok) return;
    const [{ plan }] = await database.sql<{ plan: JourneyPlan }[]>`select plan from journey_versions where id = ${v2.versionId}`;
    expect(plan.nodes.greet).toMatchObject({ type: 'test/greet', typeVersion: 2 });
    await signUp(engine, 'c3', 'Signed Up');
    expect(await runOf('c3')).toMatchObject({ status: 'exited', exitReason: 'v2 said Hello', versionId: v2.versionId });
  });

  it('fails a run of a version whose node type version is no longer installed, naming type and version', async () => {
    const { engine } = await install(plugin(greetV2));
    await signUp(engine, 'c4', 'Came Back');
    const run = await runOf('c4');
    expect(run.status).toBe('failed');
    expect(run.lastError).toContain('test/greet v1');
  });

  it('reports a migration that throws on its step and keeps the old settings, answering the request', async () => {
    const { api } = await install(plugin(greetV1, brokenV2));
    const opened = await api.journeys.get.query({ id: keptOnV1 });
    expect(opened.migrations).toEqual([{ nodeId: 'greet', type: 'test/greet', label: 'Greet', from: 1, to: 2, notes: [],
      error: 'The update failed: cannot read text', errorCode: 'update-failed', errorParams: { reason: 'cannot read text' } }]);
    expect(opened.draft.nodes[1]).toMatchObject({ typeVersion: 1, config: { text: 'Hello' } });
    expect(opened.unmigratedDraft).toBeNull();
  });
});

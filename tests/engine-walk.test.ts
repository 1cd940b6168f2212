// The walk's contract with node types (Node SDK v1), on a real Postgres with a manual clock:
// ctx.count adds to the canvas counters; a config that no longer parses fails the run at once,
// naming the field; a NodeError's code decides retry (transient: backoff; permanent, config:
// failed at once); hold() parks the run and runs the same node again at the time; a journey
// keeps running the node version it was published with; a step's config, parsed once per
// version and shared by every run, is frozen.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { defineNodeType, definePlugin, hold, next, NodeError, type NodeRegistry } from '@afterglow/node-sdk';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';

const ui = { label: 'Test', description: 'A node of the walk tests', icon: 'bolt' as const, color: 'slate' as const,
  branches: [{ id: 'out', label: 'Then' }], summary: () => 'test' };

const countV1 = defineNodeType({
  id: 'test/count', version: 1, category: 'action', ui,
  config: z.object({ by: z.number().int().min(1) }), defaults: { by: 1 },
  counters: [{ id: 'hits', label: 'Hits' }],
  execute(ctx, c) {
    ctx.count('hits', c.by);
    ctx.count('hits');
    return next();
  },
});

const countV2 = defineNodeType({
  ...countV1, version: 2, counters: [{ id: 'hits_v2', label: 'Hits' }],
  migrations: [{ from: 1, up: (c) => c, note: 'Counts under a new name' }],
  execute(ctx) {
    ctx.count('hits_v2');
    return next();
  },
});

const failing = defineNodeType({
  id: 'test/fail', version: 1, category: 'action', ui,
  config: z.object({ code: z.enum(['transient', 'permanent', 'config']), until: z.string() }),
  defaults: { code: 'transient', until: '' },
  execute(ctx, c) {
    if (ctx.now() < new Date(c.until)) throw new NodeError('upstream down', { code: c.code, ...(c.code === 'config' ? { field: 'until' } : {}) });
    return next();
  },
});

const holding = defineNodeType({
  id: 'test/hold', version: 1, category: 'action', ui,
  config: z.object({ until: z.string() }), defaults: { until: '' },
  counters: [{ id: 'runs', label: 'Runs' }],
  execute(ctx, c) {
    ctx.count('runs');
    return ctx.now() < new Date(c.until) ? hold(new Date(c.until), 'not yet') : next();
  },
});

// Changes the config it is given: with one parsed config per version, that would reach every
// later run's step, so the engine hands it over frozen.
const mutating = defineNodeType({
  id: 'test/mutate', version: 1, category: 'action', ui,
  config: z.object({ seen: z.array(z.string()) }), defaults: { seen: [] },
  execute(ctx, c) {
    c.seen.push(ctx.run.id);
    return next();
  },
});

const plugin = definePlugin({ id: 'walk-test', nodeTypes: [countV1, countV2, failing, holding, mutating] });
const registry = createRegistry([plugin]);
/** What a server had before version 2 of test/count was installed. */
const before = createRegistry([definePlugin({ id: 'walk-test', nodeTypes: [countV1, failing, holding] })]);
const WS = 'ws_walk';
const HOUR = 3600e3;
const at = { x: 0, y: 0 };

function journey(event: string, type: string, config: Record<string, unknown>): JourneyGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: at, config: { event, filters: [], entryKeyProperty: '' } },
      { id: 'step', type, position: at, config },
    ],
    edges: [{ id: 'e', source: 'trigger', sourceHandle: 'out', target: 'step' }],
  };
}

describe('engine: the walk and the node contract', () => {
  let db: Database;
  let engine: Engine;
  const clock = new ManualClock(new Date('2026-07-01T09:00:00Z'));
  const versions: Record<string, string> = {};
  // The step records the newest version of its type in the registry it is published with.
  const publish = async (name: string, type: string, config: Record<string, unknown>, using: NodeRegistry = registry) => {
    const graph = journey(name, type, config);
    graph.nodes[1].typeVersion = using.require(type).version;
    return (versions[name] = await publishGraph(db, using, WS, `j_${name}`, graph));
  };
  const enter = (name: string) =>
    ingestEvents(db, engine.enrolEvents, [{ workspaceId: WS, customerId: 'ada', name, properties: {}, timestamp: clock.now() }]);
  const runOf = async (name: string) => (await db.sql`select * from journey_runs where version_id = ${versions[name]}`)[0];
  const stepsOf = async (name: string) => db.sql`
    select outcome, detail from run_steps where run_id = ${(await runOf(name)).id} and node_id = 'step' order by step_no`;
  const countersOf = async (name: string) => (await engine.stats(versions[name])).nodes.step?.counters;

  beforeAll(async () => {
    db = await createTestDatabase();
    engine = createEngine({ database: db, registry, clock });
    await seedWorkspace(db, WS, [{ id: 'ada', email: 'ada@example.com', firstName: 'Ada' }], clock.now());
  });

  afterAll(async () => {
    await db?.close();
  });

  it('adds what ctx.count counts to the node\'s counters, for the version the journey was published with', async () => {
    await publish('count', 'test/count', { by: 2 });
    await publish('count_v1', 'test/count', { by: 4 }, before);
    await enter('count');
    await enter('count_v1');
    await engine.advanceUntilIdle();
    expect(await countersOf('count')).toEqual({ hits_v2: 1 });
    expect(await countersOf('count_v1')).toEqual({ hits: 5 });
    expect((await stepsOf('count_v1'))[0].detail).toEqual({ counts: { hits: 5 } });
  });

  it('fails the run at once, naming the field, when the stored config no longer parses', async () => {
    await publish('stale', 'test/count', { by: 1 });
    // A plan written by an older Afterglow, or edited by hand.
    await db.sql`update journey_versions set plan = jsonb_set(plan, '{nodes,step,config,by}', '"many"') where id = ${versions.stale}`;
    await enter('stale');
    await engine.advanceUntilIdle();
    const run = await runOf('stale');
    expect(run).toMatchObject({ status: 'failed', due_at: null });
    expect(run.last_error).toMatch(/^step: config by: /);
    expect((await stepsOf('stale'))[0]).toMatchObject({ outcome: 'error', detail: { code: 'config', field: 'by' } });
    expect(await countersOf('stale')).toEqual({});
  });

  it('retries a transient NodeError with backoff, and fails a permanent or config one at once', async () => {
    const until = new Date(clock.now().getTime() + HOUR).toISOString();
    for (const code of ['transient', 'permanent', 'config']) {
      await publish(code, 'test/fail', { code, until });
      await enter(code);
    }
    await engine.advanceUntilIdle();
    const transient = await runOf('transient');
    expect(transient).toMatchObject({ status: 'active', last_error: 'upstream down' });
    expect(transient.due_at.getTime()).toBeGreaterThan(clock.now().getTime());
    expect((await stepsOf('transient'))[0]).toMatchObject({ outcome: 'retry', detail: { error: 'upstream down', attempt: 1 } });
    for (const code of ['permanent', 'config']) {
      expect(await runOf(code)).toMatchObject({ status: 'failed', due_at: null, last_error: 'step: upstream down' });
      expect((await stepsOf(code))[0]).toMatchObject({ outcome: 'error', detail: { code } });
    }
    expect((await stepsOf('config'))[0].detail.field).toBe('until');
    clock.advance(HOUR);
    await engine.advanceUntilIdle();
    expect(await runOf('transient')).toMatchObject({ status: 'completed', last_error: null });
    expect((await runOf('permanent')).status).toBe('failed');
  });

  it('hands a step its config frozen: a node type changing it fails its own step, the plan stays as published', async () => {
    await publish('mutate', 'test/mutate', { seen: [] });
    await enter('mutate');
    await engine.advanceUntilIdle();
    expect(await runOf('mutate')).toMatchObject({ status: 'active', node_id: 'step' });
    const [step] = await stepsOf('mutate');
    expect(step).toMatchObject({ outcome: 'retry', detail: { attempt: 1 } });
    expect(step.detail.error).toMatch(/not extensible|read.only|frozen/i);
    const [{ plan }] = await db.sql`select plan from journey_versions where id = ${versions.mutate}`;
    expect(plan.nodes.step.config).toEqual({ seen: [] });
  });

  it('parks a run that holds, and runs the same node again at the time', async () => {
    const until = new Date(clock.now().getTime() + 2 * HOUR);
    await publish('hold', 'test/hold', { until: until.toISOString() });
    await enter('hold');
    await engine.advanceUntilIdle();
    expect(await runOf('hold')).toMatchObject({ status: 'waiting', node_id: 'step', due_at: until, wait: { onTime: '', rerun: true } });
    clock.advance(HOUR);
    await engine.advanceUntilIdle(); // not yet due
    expect((await runOf('hold')).status).toBe('waiting');
    clock.set(until);
    await engine.advanceUntilIdle();
    expect((await runOf('hold')).status).toBe('completed');
    expect((await stepsOf('hold')).map((s) => s.outcome)).toEqual(['defer', 'resume', 'next']);
    expect((await stepsOf('hold'))[0].detail).toMatchObject({ reason: 'not yet', until: until.toISOString() });
    expect(await countersOf('hold')).toEqual({ runs: 2, held: 1 });
  });
});

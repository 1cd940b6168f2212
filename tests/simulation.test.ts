// Journey simulation on a small known world: a journey that was live for ten days is replayed
// over those days and the simulation reproduces what really happened (who entered, who was
// capped because another live journey had already written to them, who met the goal, who is
// still waiting, emails and points); a draft with a shorter wait ends elsewhere; one customer is
// followed step by step, their email rendered.
import type { Database } from '@afterglow/db';
import { createEngine, followCustomer, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';
import { queueSimulation, simulationRow, stepCount } from './support/simulation';

const registry = createRegistry();
const WS = 'ws_sim';
const DAY = 86400e3;
const START = new Date('2026-03-02T08:00:00Z');
const END = new Date(START.getTime() + 10 * DAY);
const at = { x: 0, y: 0 };
const clock = new ManualClock(START);
const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';
const SETTINGS = { goal: { event: 'Order Completed' } };
let db: Database;
let engine: Engine;

/** Delivered → review email (marketing, skipped when capped) → wait N days → 5 points. */
function reviewJourney(days: number): JourneyGraph {
  return {
    nodes: [
      { id: 't', type: 'core/trigger-event', position: at, config: { event: 'Order Delivered', filters: [], entryKeyProperty: '' } },
      { id: 'mail', type: 'core/send-email', position: at, config: { templateId: '', subject: 'Review {{ customer.firstName }}', preheader: '', body, kind: 'marketing', whenCapped: 'skip' } },
      { id: 'wait', type: 'core/wait', position: at, config: { mode: 'duration', amount: days, unit: 'days', weekday: -1, hour: 10 } },
      { id: 'points', type: 'core/grant-points', position: at, config: { amount: 5, reason: 'review' } },
    ],
    edges: [
      { id: 'e1', source: 't', sourceHandle: 'out', target: 'mail' },
      { id: 'e2', source: 'mail', sourceHandle: 'out', target: 'wait' },
      { id: 'e3', source: 'wait', sourceHandle: 'out', target: 'points' },
    ],
  };
}

const promo: JourneyGraph = {
  nodes: [
    { id: 't', type: 'core/trigger-event', position: at, config: { event: 'Promo', filters: [], entryKeyProperty: '' } },
    { id: 'mail', type: 'core/send-email', position: at, config: { templateId: '', subject: 'Promo', preheader: '', body, kind: 'marketing' } },
  ],
  edges: [{ id: 'e1', source: 't', sourceHandle: 'out', target: 'mail' }],
};

async function happen(day: number, customerId: string, name: string) {
  clock.set(new Date(START.getTime() + day * DAY));
  await engine.advanceUntilIdle();
  await ingestEvents(db, engine.enrolEvents, [{ workspaceId: WS, customerId, name, properties: { orderId: `${customerId}-1` }, timestamp: clock.now() }]);
  await engine.advanceUntilIdle();
}

const spec = { from: START.toISOString(), to: END.toISOString(), population: { kind: 'everyone' as const }, sampleCustomerIds: ['bea'] };

beforeAll(async () => {
  db = await createTestDatabase();
  engine = createEngine({ database: db, registry, clock });
  await seedWorkspace(db, WS, ['ann', 'bea', 'cid', 'dan', 'eve'].map((id) => ({ id, email: `${id}@example.com`, firstName: id })), START);
  await db.sql`update workspaces set settings = ${db.sql.json({ frequencyCap: { enabled: true, maxEmails: 1, perDays: 7 } })} where id = ${WS}`;
  await publishGraph(db, registry, WS, 'j_promo', promo);
  await publishGraph(db, registry, WS, 'j_review', reviewJourney(3));
  await db.sql`update journey_versions set plan = jsonb_set(plan, '{settings,goal}', ${db.sql.json(SETTINGS.goal)}) where journey_id = 'j_review'`;
  // The real ten days: bea hears from the promotion first; cid buys again while waiting; eve is delivered late.
  await happen(1, 'bea', 'Promo');
  await happen(2, 'ann', 'Order Delivered');
  await happen(2.1, 'bea', 'Order Delivered');
  await happen(3, 'cid', 'Order Delivered');
  await happen(4, 'cid', 'Order Completed');
  await happen(9, 'eve', 'Order Delivered');
  clock.set(END);
  await engine.advanceUntilIdle();
  await db.sql`update journeys set status = 'paused' where id = 'j_review'`;
}, 120_000);

afterAll(async () => {
  await db?.close();
});

async function simulate(graph: JourneyGraph) {
  const id = await queueSimulation(db, registry, WS, 'j_review', graph, SETTINGS, spec);
  expect(await engine.runSimulations()).toBe(1);
  const row = await simulationRow(db, id);
  expect(row.error).toBeNull();
  expect(row.status).toBe('done');
  return row.result!;
}

describe('simulation of a journey that was live', () => {
  it('reproduces what really happened: entries, the cap from a live journey, the goal, emails and points', async () => {
    const real = await db.sql<{ status: string; node: string; n: number }[]>`
      select status, node_id as node, count(*)::int as n from journey_runs where journey_id = 'j_review' group by 1, 2 order by 1, 2`;
    const [emails] = await db.sql<{ n: number }[]>`select count(*)::int as n from email_outbox where journey_id = 'j_review'`;
    const [points] = await db.sql<{ n: number }[]>`select count(*)::int as n from loyalty_ledger where reason = 'review'`;
    const result = await simulate(reviewJourney(3));
    const simulated = result.endPositions.map((p) => ({ status: p.status, node: p.nodeId, n: p.n }))
      .sort((a, b) => a.status.localeCompare(b.status) || a.node.localeCompare(b.node));
    expect(simulated).toEqual(real);
    expect(result.entries.total).toBe(4);
    expect(result.entries.perDay).toEqual([{ day: '2026-03-04', n: 2 }, { day: '2026-03-05', n: 1 }, { day: '2026-03-11', n: 1 }]);
    expect(result.emails.total).toBe(emails.n);
    expect(result.emails.total).toBe(3);
    expect(result.sendPolicy).toMatchObject({ sent: 3, cappedSkipped: 1, cappedByLiveSends: 1 });
    expect(result.effects.pointsGrants).toBe(points.n);
    expect(result.exits).toEqual([{ reason: 'goal: Order Completed', n: 1 }]);
    expect(result.steps).toContainEqual({ nodeId: 'wait', outcome: 'goal', branch: null, n: 1 });
    // The chosen customer's email is among the rendered samples.
    const bea = result.samples.filter((s) => s.customerId === 'bea');
    expect(bea).toEqual([]); // bea was capped: nothing to render
    const ann = result.samples.find((s) => s.customerId === 'ann');
    expect(ann?.subject).toBe('Review ann');
    expect(ann?.html).toContain('Hi ann');
  });

  it('simulates a draft with a shorter wait: eve gets her points within the period', async () => {
    const result = await simulate(reviewJourney(1));
    expect(result.endPositions).toContainEqual({ status: 'completed', nodeId: 'points', n: 3 });
    expect(result.effects.pointsGrants).toBe(3);
  });
});

describe('follow one customer', () => {
  it('reads their path: entered, email, the wait and why it ended, points', async () => {
    const [{ plan }] = await db.sql<{ plan: never }[]>`select plan from journey_versions where journey_id = 'j_review'`;
    const { trace } = await followCustomer({ database: db, registry, clock, fromAddress: 'shop@example.com', publicUrl: () => 'http://localhost' },
      { workspaceId: WS, journeyId: 'j_review', versionId: 'j_review_v1', plan, from: spec.from, to: spec.to, customerId: 'ann' });
    expect(trace.map((e) => [e.kind, e.nodeId, e.outcome ?? null])).toEqual([
      ['entered', 't', null],
      ['step', 't', 'next'],
      ['step', 'mail', 'next'],
      ['email', 'mail', null],
      ['step', 'wait', 'sleep'],
      ['step', 'wait', 'resume'],
      ['step', 'points', 'next'],
      ['effect', null, null],
      ['end', 'points', 'completed'],
    ]);
    const email = trace.find((e) => e.kind === 'email')!.email!;
    expect(email.subject).toBe('Review ann');
    expect(stepCount(trace, 'effect')).toBe(1);
    expect(trace.find((e) => e.kind === 'effect')?.detail).toMatchObject({ effect: 'points', points: 5 });
  });
});

// Customers waiting at a step the marketer deletes: the next publish moves them to the step the
// marketer chose (due at once, on the new version) or lets them exit, as the draft's
// `waitingMoves` says; without a choice they finish on the version they are walking. The
// publish dialog reads where they wait (journeys.waitingAtRemoved). Real engine, manual clock,
// real SMTP.
import { journeyGraphSchema, type JourneyGraph } from '@afterglow/journey-core';
import { sendEmail, triggerOnEvent, wait } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterEach, expect, it } from 'vitest';

const body = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Trigger → wait 3 days ("pause") → email "Later"; and a second email "Now" to move customers to. */
async function setUp() {
  t = await createJourneyTest({ start: new Date('2026-06-01T09:00:00Z'), settings: { emailsPerMinute: 0 } });
  const j = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Signed Up' })
    .then(wait, { mode: 'duration', amount: 3, unit: 'days' }, { id: 'pause' })
    .then(sendEmail, { subject: 'Later', body: body('Later') }, { id: 'later' }));
  for (const c of ['a', 'b', 'c']) {
    await t.identify(c, { email: `${c}@example.com`, marketing_consent: true });
    await t.track(c, 'Signed Up');
  }
  return { test: t, j };
}

/** The published graph without the wait: trigger → "later", plus any moves. */
function withoutPause(graph: JourneyGraph, waitingMoves?: JourneyGraph['waitingMoves']): JourneyGraph {
  const nodes = graph.nodes.filter((n) => n.id !== 'pause');
  const trigger = nodes.find((n) => n.type === 'core/trigger-event')!;
  const edges = [{ id: 'e-direct', source: trigger.id, sourceHandle: 'out', target: 'later' }];
  return { nodes, edges, ...(waitingMoves && { waitingMoves }) };
}

async function republish(test: JourneyTest, id: string, draft: JourneyGraph) {
  await test.api.journeys.saveDraft({ id, draft });
  return test.api.journeys.publish({ id });
}

it('moves the customers waiting at a deleted step to the chosen step of the new version, at once', async () => {
  const { test, j } = await setUp();
  await test.api.journeys.saveDraft({ id: j.id, draft: withoutPause(j.graph) });
  expect(await test.api.journeys.waitingAtRemoved({ id: j.id })).toEqual([{ nodeId: 'pause', type: 'core/wait', label: null, waiting: 3 }]);

  const published = await republish(test, j.id, withoutPause(j.graph, [{ from: 'pause', to: 'later' }]));
  expect(published).toMatchObject({ ok: true, version: 2, moved: 3, exited: 0 });
  // The moves are the draft's instruction, not part of the version's graph.
  const [version] = await test.database.sql<{ graph: unknown }[]>`select graph from journey_versions where journey_id = ${j.id} and version = 2`;
  expect(journeyGraphSchema.parse(version.graph).waitingMoves).toBeUndefined();

  await test.settle();
  expect(test.emails().map((e) => [e.to, e.subject]).sort()).toEqual([['a@example.com', 'Later'], ['b@example.com', 'Later'], ['c@example.com', 'Later']]);
  for (const run of await test.runs(j)) {
    expect(run).toMatchObject({ status: 'completed', versionId: published.ok ? published.versionId : '' });
    expect(run.steps.map((s) => [s.node, s.outcome])).toEqual([['trigger-event', 'next'], ['pause', 'sleep'], ['pause', 'moved'], ['later', 'next']]);
  }
  expect(await test.api.journeys.waitingAtRemoved({ id: j.id })).toEqual([]);
}, 120_000);

it('lets them exit when the marketer chose so, and leaves them on their version without a choice', async () => {
  const { test, j } = await setUp();
  // Version 2 without a choice: the three stay on version 1 and get "Later" after three days.
  const v2 = await republish(test, j.id, withoutPause(j.graph));
  expect(v2).toMatchObject({ ok: true, moved: 0, exited: 0 });
  expect((await test.runs(j)).map((r) => [r.versionId, r.status, r.nodeId])).toEqual(Array(3).fill([j.versionId, 'waiting', 'pause']));

  // Version 3 lets them exit: nothing is sent, ever.
  const v3 = await republish(test, j.id, withoutPause(j.graph, [{ from: 'pause', to: null }]));
  expect(v3).toMatchObject({ ok: true, moved: 0, exited: 3 });
  await test.advance('4 days');
  expect(test.emails()).toEqual([]);
  for (const run of await test.runs(j)) {
    expect(run).toMatchObject({ versionId: j.versionId, status: 'exited', exitReason: 'step removed', dueAt: null });
    expect(run.steps.at(-1)).toMatchObject({ node: 'pause', outcome: 'exit' });
  }
}, 120_000);

it('refuses to publish a move to a step the journey does not have, naming the field; a step brought back keeps its customers', async () => {
  const { test, j } = await setUp();
  const refused = await republish(test, j.id, withoutPause(j.graph, [{ from: 'pause', to: 'nowhere' }]));
  expect(refused.ok).toBe(false);
  expect(!refused.ok && refused.issues).toEqual([expect.objectContaining({ code: 'move-target', field: 'waitingMoves.0.to', nodeId: null })]);
  const toTrigger = await republish(test, j.id, withoutPause(j.graph, [{ from: 'pause', to: 'trigger-event' }]));
  expect(!toTrigger.ok && toTrigger.issues.map((i) => i.code)).toEqual(['move-target']);

  // Undo brought the step back: the old choice moves no one.
  const back = await republish(test, j.id, { ...j.graph, waitingMoves: [{ from: 'pause', to: null }] });
  expect(back).toMatchObject({ ok: true, moved: 0, exited: 0 });
  expect((await test.runs(j)).every((r) => r.status === 'waiting' && r.nodeId === 'pause')).toBe(true);
}, 120_000);

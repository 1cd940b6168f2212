// The journey-level holdout and "make this arm the winner", through the whole engine on a manual
// clock. 1,000 customers enter a journey that holds out 10%: the held-out share is the one a hash
// of the journey and the customer picks (about 100), those customers get no email and no coupon
// (their runs exit at once, reason 'holdout'), a customer who enters again lands in the same
// group, and their orders count for the held-out group in the report's lift. An A/B split's arm
// made the winner leaves a published version with that arm only; runs already past the split
// stay on the version they entered.
import { compareGroups, journeyGraphSchema, type JourneyPlan } from '@afterglow/journey-core';
import { abSplit, issueCoupon, sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { createHash } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';

const body = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
const START = new Date('2026-05-04T10:00:00Z');
const day = (n: number) => new Date(START.getTime() + n * 86_400_000);
let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Messages through /v1/batch (at most 2,000 a request), then the engine runs until idle. */
async function send(test: JourneyTest, messages: Record<string, unknown>[]) {
  const authorization = `Basic ${Buffer.from(`${test.ingestion.key}:`).toString('base64')}`;
  for (let from = 0; from < messages.length; from += 2000) {
    const res = await fetch(`${test.ingestion.url}/v1/batch`, {
      method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ batch: messages.slice(from, from + 2000) }),
    });
    expect(res.status).toBe(200);
  }
  await test.settle();
}

const track = (userId: string, event: string, properties: Record<string, unknown> = {}, at?: Date) =>
  ({ type: 'track', userId, event, properties, ...(at ? { timestamp: at.toISOString() } : {}) });

/** The share the documentation names: SHA-256 of "<journey>:<customer>", its first 48 bits. */
const shareOf = (journeyId: string, customerId: string) =>
  createHash('sha256').update(`${journeyId}:${customerId}`).digest().readUIntBE(0, 6) / 2 ** 48;

it('holds out about 10% of 1,000 entrants by customer: no email, no coupon, their orders in the held-out group', async () => {
  // No send rate limit: every welcome goes out at the moment of entry.
  t = await createJourneyTest({ start: START, settings: { emailsPerMinute: 0 } });
  const j = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Signed Up' })
    .then(issueCoupon, { prefix: 'HELLO' }, { id: 'coupon' })
    .then(sendEmail, { subject: 'Welcome', body: body('Welcome') }, { id: 'mail' }), { name: 'Welcome', settings: { holdout: { percent: 10 } } });
  const customers = Array.from({ length: 1000 }, (_, i) => `c${i}`);
  await send(t, customers.flatMap((c) => [
    { type: 'identify', userId: c, traits: { email: `${c}@example.com`, marketing_consent: true } }, track(c, 'Signed Up'),
  ]));

  const runs = await t.runs(j);
  expect(runs).toHaveLength(1000);
  const held = runs.filter((r) => r.exitReason === 'holdout').map((r) => r.customerId).sort();
  // Exactly the customers the hash picks, and about a tenth of them (3 sigma is ±28).
  expect(held).toEqual(customers.filter((c) => shareOf(j.id, c) < 0.1).sort());
  expect(Math.abs(held.length - 100)).toBeLessThan(30);
  for (const run of runs.filter((r) => r.exitReason === 'holdout')) {
    expect(run.status).toBe('exited');
    expect(run.steps.map((s) => [s.node, s.outcome])).toEqual([['trigger-event', 'exit']]);
  }
  // The SMTP sink received the treated customers' welcome and nothing for the held out.
  const heldSet = new Set(held);
  const treated = customers.filter((c) => !heldSet.has(c));
  expect(t.emails().map((e) => e.to).sort()).toEqual(treated.map((c) => `${c}@example.com`).sort());
  const [{ coupons }] = await t.database.sql<{ coupons: number }[]>`
    select count(*)::int as coupons from coupons where customer_id = any(${held}::text[])`;
  expect(coupons).toBe(0);
  expect((await t.counters(j, 'trigger-event')).held_out).toBe(held.length);

  // Orders a day later: 2 held-out customers (30 each) and 20 treated ones (50 each), none attributed to the held out.
  const [heldBuyers, treatedBuyers] = [held.slice(0, 2), treated.slice(0, 20)];
  await t.advance(day(1));
  await send(t, [...heldBuyers, ...treatedBuyers].map((c, i) =>
    track(c, 'Order Completed', { order_id: `o${i}`, total: heldSet.has(c) ? 30 : 50, currency: 'EUR' }, day(1))));
  const [{ credited }] = await t.database.sql<{ credited: number }[]>`
    select count(*)::int as credited from order_attributions where customer_id = any(${held}::text[])`;
  expect(credited).toBe(0);

  // Entering again (a second sign-up two days on): the same customer, the same group.
  await t.advance(day(2));
  const again = customers.slice(0, 300);
  await send(t, again.map((c) => track(c, 'Signed Up')));
  const second = (await t.runs(j)).filter((r) => r.enteredAt.getTime() === day(2).getTime());
  expect(second).toHaveLength(300);
  for (const run of second) expect(run.exitReason === 'holdout').toBe(heldSet.has(run.customerId));
  const heldAgain = again.filter((c) => heldSet.has(c)).length;

  const report = await t.api.journeys.report({ journeyId: j.id, from: '2026-05-01', to: '2026-05-31', bucket: 'day' });
  const out = { customers: held.length + heldAgain, converted: 2, revenue: 60, revenueSq: 2 * 30 ** 2 };
  const inn = { customers: treated.length + 300 - heldAgain, converted: 20, revenue: 1000, revenueSq: 20 * 50 ** 2 };
  const figures = (id: string, g: typeof out) => ({ id, name: null, ...g, rate: g.converted / g.customers, revenuePerCustomer: Math.round((g.revenue / g.customers) * 100) / 100 });
  expect(report.experiments).toEqual([{
    nodeId: null, kind: 'journey', inLiveVersion: false,
    groups: [figures('in', inn), figures('out', out)],
    comparisons: [{ group: 'in', baseline: 'out', ...compareGroups(inn, out) }],
  }]);
  // With rates this close (about 1.5% and 1.7%), the report says how many more customers it needs.
  expect(report.experiments[0].comparisons[0]).toMatchObject({ significant: false });
  expect(report.experiments[0].comparisons[0].moreNeeded).toBeGreaterThan(1000);
}, 600_000);

it('makes an A/B arm the winner: a published version with that arm only, runs past the split left on theirs', async () => {
  t = await createJourneyTest({ start: START });
  const j = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(abSplit, { arms: [{ id: 'plain', name: 'Plain', weight: 50 }, { id: 'gift', name: 'Gift', weight: 50 }] }, { id: 'split' })
    .branch('plain', (b) => b.then(sendEmail, { subject: 'Thanks', body: body('Thanks') }, { id: 'thanks' }))
    .branch('gift', (b) => b.then(issueCoupon, { prefix: 'GIFT' }, { id: 'coupon' })
      .then(sendEmail, { subject: 'A gift', body: body('Gift') }, { id: 'gift-mail' })), { name: 'After the order' });
  const orders = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k).flatMap((i) => [
    { type: 'identify', userId: `c${i}`, traits: { email: `c${i}@example.com`, marketing_consent: true } },
    track(`c${i}`, 'Order Completed', { order_id: `o${i}`, total: 20 }),
  ]);
  await send(t, orders(0, 40));
  let report = await t.api.journeys.report({ journeyId: j.id, from: '2026-05-01', to: '2026-05-31', bucket: 'day' });
  expect(report.experiments.map((e) => [e.kind, e.nodeId, e.inLiveVersion])).toEqual([['ab', 'split', true]]);

  // Refused with the field named: a step that is no split with results, an arm it does not have.
  await expect(t.api.journeys.makeWinner({ journeyId: j.id, nodeId: 'thanks', armId: 'out' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(t.api.journeys.makeWinner({ journeyId: j.id, nodeId: 'split', armId: 'nope' })).rejects.toThrow(/no arm nope/);

  const opened = await t.api.journeys.get({ id: j.id }); // an editor open on the draft with the split
  const result = await t.api.journeys.makeWinner({ journeyId: j.id, nodeId: 'split', armId: 'gift' });
  expect(result).toMatchObject({ ok: true, version: 2 });
  // That editor's next autosave cannot put the split back over the winner.
  await expect(t.api.journeys.saveDraft({ id: j.id, draft: opened.draft, revision: opened.draftRevision }))
    .rejects.toMatchObject({ code: 'CONFLICT' });
  const [live] = await t.database.sql<{ id: string; graph: unknown; plan: JourneyPlan }[]>`
    select v.id, v.graph, v.plan from journeys jr join journey_versions v on v.id = jr.current_version_id where jr.id = ${j.id}`;
  const graph = journeyGraphSchema.parse(live.graph);
  expect(graph.nodes.map((n) => n.id).sort()).toEqual(['coupon', 'gift-mail', 'trigger-event']);
  expect(live.plan.nodes[live.plan.triggerNodeId].next).toEqual({ out: 'coupon' });
  expect(Object.keys(live.plan.nodes).sort()).toEqual(['coupon', 'gift-mail', 'trigger-event']);
  // The draft continues from the new version; the audit log names the action.
  expect((await t.api.journeys.get({ id: j.id })).draft).toEqual(graph);
  const [audit] = await t.database.sql`select action, target_id, detail from audit_log where action = 'journeys.makeWinner'`;
  expect(audit).toMatchObject({ target_id: j.id, detail: { journeyId: j.id, nodeId: 'split', armId: 'gift' } });

  // New entrants take the gift; the first 40 runs stay on version 1 with their arms.
  await send(t, orders(40, 20));
  const runs = await t.runs(j);
  const [v1, v2] = [runs.filter((r) => r.versionId === j.versionId), runs.filter((r) => r.versionId === live.id)];
  expect([v1.length, v2.length]).toEqual([40, 20]);
  expect(v1.filter((r) => r.steps.some((s) => s.node === 'thanks')).length).toBeGreaterThan(0);
  for (const run of v2) expect(run.steps.map((s) => s.node)).toEqual(['trigger-event', 'coupon', 'gift-mail']);
  report = await t.api.journeys.report({ journeyId: j.id, from: '2026-05-01', to: '2026-05-31', bucket: 'day' });
  // The split's results stay (named from version 1), no longer offered for a winner.
  expect(report.experiments.map((e) => [e.nodeId, e.inLiveVersion, e.groups.map((g) => g.name)])).toEqual([['split', false, ['Plain', 'Gift']]]);
}, 300_000);

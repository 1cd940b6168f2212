// Go to through the real engine (createJourneyTest, manual clock): a reminder loop sends its
// email once, then once more on each of its turns, every time a message of its own, and leaves
// by "Limit reached"; a loop with no wait in it runs to its limit across several engine walks
// without spinning; and the engine, not the step, holds a declared loop to its limit.
import { defineNodeType, definePlugin, next } from '@afterglow/node-sdk';
import { goTo, grantPoints, sendEmail, triggerOnEvent, wait } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const body = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
const subjects = () => t!.emails().map((e) => e.subject);
const branchesOf = async (j: Parameters<JourneyTest['runs']>[0], node: string) =>
  (await t!.runs(j))[0].steps.filter((s) => s.node === node && s.outcome === 'next').map((s) => s.branch);

describe('Go to', () => {
  it('sends a reminder, then again after each wait, exactly `times` more times, then leaves by “Limit reached”', async () => {
    t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
    const graph = t.journey()
      .trigger(triggerOnEvent, { event: 'Checkout Abandoned' })
      .then(sendEmail, { subject: 'Your cart is waiting', body: body('Come back'), kind: 'transactional' }, { id: 'reminder' })
      .then(wait, { amount: 2, unit: 'days' }, { id: 'wait' })
      .then(goTo, { times: 3 }, { id: 'goto' })
      .then(sendEmail, { subject: 'Last call', body: body('Last call'), kind: 'transactional' }, { id: 'last', from: 'limit' })
      .build();
    graph.edges.push({ id: 'back', source: 'goto', sourceHandle: 'again', target: 'reminder' });
    const j = await t.publish(graph);
    await t.identify('cust_1', { email: 'ana@example.com' });

    await t.track('cust_1', 'Checkout Abandoned', { checkout_id: 'c1' });
    expect(subjects()).toEqual(['Your cart is waiting']);
    await t.advance('2 days');
    await t.advance('2 days');
    await t.advance('2 days');
    expect(subjects()).toEqual(Array(4).fill('Your cart is waiting'));
    await t.advance('2 days');
    expect(subjects()).toEqual([...Array(4).fill('Your cart is waiting'), 'Last call']);
    // Each turn's email is a message of its own, not the first one again.
    expect(new Set(t.emails().map((e) => e.headers['message-id'])).size).toBe(5);

    const [run] = await t.runs(j);
    expect(run.status).toBe('completed');
    expect(await branchesOf(j, 'goto')).toEqual(['again', 'again', 'again', 'limit']);
    expect((await t.stats(j)).nodes.goto.branches).toMatchObject({ again: 3, limit: 1 });
    await t.advance('10 days');
    expect(t.emails()).toHaveLength(5);
  });

  it('runs a loop with no wait in it to its limit over several walks, granting each time, and stops', async () => {
    t = await createJourneyTest();
    const graph = t.journey()
      .trigger(triggerOnEvent, { event: 'Signed Up' })
      .then(grantPoints, { amount: 1, reason: 'Welcome' }, { id: 'points' })
      .then(goTo, { times: 100 }, { id: 'goto' })
      .build();
    graph.edges.push({ id: 'back', source: 'goto', sourceHandle: 'again', target: 'points' });
    const j = await t.publish(graph);
    await t.identify('cust_2', { email: 'bojan@example.com' });
    await t.track('cust_2', 'Signed Up');

    const [run] = await t.runs(j);
    // 1 + 100 passes of two steps each, besides the trigger: more than one walk holds (100 steps).
    expect(run.status).toBe('completed');
    expect(run.steps.filter((s) => s.node === 'points')).toHaveLength(101);
    expect(await t.counters(j, 'points')).toMatchObject({ points: 101 });
    // Granted on every pass, not once: each pass's effect has a key of its own.
    expect((await t.api.customers.get({ id: 'cust_2' })).loyalty.balance).toBe(101);
    expect((await branchesOf(j, 'goto')).at(-1)).toBe('limit');
  });

  it('fails a run whose step takes its declared loop branch past the limit, whatever the step says', async () => {
    const greedy = defineNodeType({
      id: 'acme/greedy', version: 1, category: 'action', config: z.object({}), defaults: {},
      ui: { label: 'Greedy', description: 'Always again', icon: 'bolt', color: 'slate',
        branches: [{ id: 'again', label: 'Again' }], summary: () => 'Again' },
      loop: { branch: 'again', limit: () => 2 },
      execute: () => next('again'),
    });
    t = await createJourneyTest({ plugins: [definePlugin({ id: 'acme', nodeTypes: [greedy] })] });
    const graph = t.journey().trigger(triggerOnEvent, { event: 'Ping' }).then(greedy, {}, { id: 'greedy' }).build();
    graph.edges.push({ id: 'back', source: 'greedy', sourceHandle: 'again', target: 'greedy' });
    const j = await t.publish(graph);
    await t.identify('cust_3', { email: 'c@example.com' });
    await t.track('cust_3', 'Ping');

    const [run] = await t.runs(j);
    expect(run.status).toBe('failed');
    expect(run.error).toBe('greedy: acme/greedy took its loop branch “again” more than 2 times');
    expect(await branchesOf(j, 'greedy')).toEqual(['again', 'again']);
  });
});

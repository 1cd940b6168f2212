// The run explorer through the real engine with a manual clock: who is at a step now and who
// went on from it (paged, searched, filtered), one run's timeline with its email, coupon and
// points, and every journey a customer walked.
import { grantPoints, issueCoupon, propertyCondition, sendEmail, triggerOnEvent, wait } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest, type PublishedJourney } from '@afterglow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const body = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
let t: JourneyTest;
let j: PublishedJourney;
const runOf = async (customer: string) => (await t.database.sql<{ id: string }[]>`
  select id from journey_runs where customer_id = ${customer}`)[0].id;

beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
  j = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' }, { id: 'trigger' })
    .then(propertyCondition, { source: 'order', operator: 'greater_than', number: 49 }, { id: 'big' })
    .branch('yes', (b) => b
      .then(issueCoupon, { prefix: 'THANKS' }, { id: 'coupon' })
      .then(sendEmail, { subject: 'Thank you, {{ customer.firstName }}', body: body('Hi') }, { id: 'mail' })
      .then(grantPoints, { amount: 10, reason: 'Big order' }, { id: 'points' })
      .then(wait, { amount: 2, unit: 'days' }, { id: 'wait' })
      .then(sendEmail, { subject: 'How was it?', body: body('Tell us') }, { id: 'followup' })));
  const order = async (c: string, total: number) => {
    await t.identify(c, { email: `${c}@mail.example`, firstName: c === 'c3' ? 'Mira' : 'Jana', lastName: c.toUpperCase() });
    await t.track(c, 'Order Completed', { order_id: `o-${c}`, total });
  };
  for (const c of ['c0', 'c1', 'c2', 'c3', 'c4']) await order(c, 80);
  await order('small', 10);
  await t.advance('1 day');
  await order('c5', 60);
  await t.advance('1h');
  await order('c6', 60);
  // c0..c4's waits end (2 days after their orders); c5 and c6 still wait nearly a day.
  await t.advance('24h');
}, 120_000);
afterAll(() => t?.close());

describe('who is at a step', () => {
  it('lists the runs waiting there, next due first, with since and due times', async () => {
    const { rows, nextCursor } = await t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'wait', mode: 'waiting' });
    expect(rows.map((r) => [r.customerId, r.status, r.email, r.name])).toEqual([
      ['c5', 'waiting', 'c5@mail.example', 'Jana C5'], ['c6', 'waiting', 'c6@mail.example', 'Jana C6']]);
    expect(rows.map((r) => [r.since, r.dueAt])).toEqual([
      ['2026-03-03T09:00:00.000Z', '2026-03-05T09:00:00.000Z'], ['2026-03-03T10:00:00.000Z', '2026-03-05T10:00:00.000Z']]);
    // The second page starts after the cursor.
    const first = await t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'wait', mode: 'waiting', limit: 1 });
    const second = await t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'wait', mode: 'waiting', limit: 1, cursor: first.nextCursor! });
    expect([first.rows[0].customerId, second.rows[0].customerId, second.nextCursor]).toEqual(['c5', 'c6', null]);
    expect(nextCursor).toBeNull();
  });

  it('pages the runs that went on from a step, newest first, without gaps or repeats', async () => {
    const all = await t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'wait', mode: 'passed', limit: 100 });
    expect(all.rows.map((r) => r.customerId).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(new Set(all.rows.map((r) => r.passedAt))).toEqual(new Set(['2026-03-04T09:00:00.000Z']));
    expect(all.rows.every((r) => r.status === 'completed' && r.version === 1)).toBe(true);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const res = await t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'wait', mode: 'passed', limit: 2, cursor });
      seen.push(...res.rows.map((r) => r.runId));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    expect(seen).toEqual(all.rows.map((r) => r.runId));
    // The condition's "no" went on too: seven runs passed it, the small order among them.
    const cond = await t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'big', mode: 'passed' });
    expect(cond.rows).toHaveLength(8);
  });

  it('searches by id, email and name, and filters by status', async () => {
    const search = (mode: 'waiting' | 'passed', text: string) =>
      t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'wait', mode, search: text }).then((r) => r.rows.map((x) => x.customerId));
    expect(await search('waiting', 'c6@MAIL')).toEqual(['c6']);
    expect(await search('passed', 'mira')).toEqual(['c3']);
    expect(await search('passed', 'c1')).toEqual(['c1']);
    expect(await search('passed', '%')).toEqual([]);
    expect(await search('waiting', 'c1')).toEqual([]);
    const failed = await t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'wait', mode: 'waiting', status: 'failed' });
    expect(failed.rows).toEqual([]);
    const done = await t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'trigger', mode: 'passed', status: 'completed' });
    expect(done.rows).toHaveLength(6);
  });

  it('refuses a cursor it did not hand out, naming the field', async () => {
    await expect(t.api.journeys.stepCustomers({ journeyId: j.id, nodeId: 'wait', mode: 'passed', cursor: 'page 2' }))
      .rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('cursor') });
    await expect(t.api.journeys.stepCustomers({ journeyId: 'jrn_nope', nodeId: 'wait', mode: 'passed' }))
      .rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a run timeline', () => {
  it('lists each step with its branch and time, the emails, coupon and points', async () => {
    const { run, steps, emails, coupons, points } = await t.api.journeys.runTimeline({ runId: await runOf('c0') });
    expect(run).toMatchObject({ customerId: 'c0', status: 'completed', version: 1, journeyId: j.id, trigger: { name: 'Order Completed' } });
    expect(steps.map((s) => [s.nodeId, s.outcome, s.branch])).toEqual([
      ['trigger', 'next', 'out'], ['big', 'next', 'yes'], ['coupon', 'next', 'out'], ['mail', 'next', 'out'],
      ['points', 'next', 'out'], ['wait', 'sleep', null], ['wait', 'resume', 'out'], ['followup', 'next', 'out']]);
    expect(steps[5]).toMatchObject({ at: '2026-03-02T09:00:00.000Z', detail: { until: '2026-03-04T09:00:00.000Z' } });
    expect(steps[7].at).toBe('2026-03-04T09:00:00.000Z');
    expect(emails.map((e) => [e.nodeId, e.status, e.subject])).toEqual([
      ['mail', 'sent', 'Thank you, Jana'], ['followup', 'sent', 'How was it?']]);
    expect(coupons).toHaveLength(1);
    expect(coupons[0].code).toMatch(/^THANKS/);
    expect(points.map((p) => [p.nodeId, p.points])).toEqual([['points', 10]]);
  });

  it('says which way a small order went, and answers 404 for a run of no one', async () => {
    const { steps, emails } = await t.api.journeys.runTimeline({ runId: await runOf('small') });
    expect(steps.map((s) => [s.nodeId, s.branch])).toEqual([['trigger', 'out'], ['big', 'no']]);
    expect(emails).toEqual([]);
    await expect(t.api.journeys.runTimeline({ runId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a customer\'s journeys', () => {
  it('lists every journey they walked, with version, status, step and end', async () => {
    const { rows } = await t.api.journeys.customerRuns({ customerId: 'c0' });
    expect(rows).toEqual([expect.objectContaining({
      journeyId: j.id, version: 1, status: 'completed', nodeId: 'followup', enteredAt: '2026-03-02T09:00:00.000Z',
      endedAt: '2026-03-04T09:00:00.000Z',
    })]);
    const waiting = await t.api.journeys.customerRuns({ customerId: 'c5' });
    expect(waiting.rows[0]).toMatchObject({ status: 'waiting', nodeId: 'wait', endedAt: null, dueAt: '2026-03-05T09:00:00.000Z' });
  });
});

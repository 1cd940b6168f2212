// createJourneyTest (@afterglow/testing) on built-in journeys: events in through /v1, the real
// engine on a database of the harness's own, time moved by advance(), emails caught by an SMTP
// server, counters and runs read as the canvas reads them.
import { grantPoints, segmentCondition, sendEmail, triggerOnEvent, triggerSegmentEntered, wait } from '@afterglow/nodes';
import { createJourneyTest, JourneyRefusedError, type JourneyTest } from '@afterglow/testing';
import { afterEach, describe, expect, it } from 'vitest';

const body = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
const DAY = 86400e3;
let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('a journey over days', () => {
  it('sends the thank-you email on day 3, not before, then grants points once', async () => {
    t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
    const j = await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
      .then(wait, { mode: 'duration', amount: 3, unit: 'days' })
      .then(sendEmail, { subject: 'Thanks for order {{ order.id }}, {{ customer.firstName }}', body: body('Hi {{ customer.firstName }}') }, { id: 'thanks' })
      .then(grantPoints, { amount: 10, reason: 'Order' }, { id: 'points' }));

    await t.identify('cust_1', { email: 'ana@example.com', firstName: 'Ana', timezone: 'Europe/Belgrade' });
    await t.track('cust_1', 'Order Completed', { order_id: 'o1', total: 40 });
    expect((await t.runs(j)).map((r) => [r.customerId, r.status, r.nodeId])).toEqual([['cust_1', 'waiting', 'wait']]);

    await t.advance('2 days');
    await t.advance('23h');
    expect(t.emails()).toEqual([]);
    await t.advance('1 hour');
    expect(t.emails().map((e) => [e.to, e.subject])).toEqual([['ana@example.com', 'Thanks for order o1, Ana']]);
    expect(t.emails()[0].html).toContain('Hi Ana');

    await t.advance('10 days');
    expect(t.emails()).toHaveLength(1);
    expect(await t.counters(j, 'thanks')).toMatchObject({ emails: 1 });
    expect(await t.counters(j, 'points')).toMatchObject({ points: 10 });
    const stats = await t.stats(j);
    expect(stats.totals).toMatchObject({ entered: 1, completed: 1, active: 0, failed: 0 });
    const [run] = await t.runs(j);
    expect(run).toMatchObject({ customerId: 'cust_1', status: 'completed', nodeId: 'points', dueAt: null });
    expect(run.steps.map((s) => s.node)).toEqual(['trigger-event', 'wait', 'wait', 'thanks', 'points']);
  });

  it('runs each wait at its own time when one advance crosses several', async () => {
    t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
    const start = t.now().getTime();
    const j = await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Order Completed' })
      .then(wait, { amount: 1, unit: 'days' })
      .then(grantPoints, { amount: 1, reason: 'day 1' }, { id: 'day1' })
      .then(wait, { amount: 2, unit: 'days' })
      .then(grantPoints, { amount: 2, reason: 'day 3' }, { id: 'day3' }));
    await t.track('cust_2', 'Order Completed', { order_id: 'o2' });
    await t.advance('30 days');
    const [run] = await t.runs(j);
    const at = (node: string) => run.steps.find((s) => s.node === node)!.at.getTime() - start;
    expect([at('day1'), at('day3')]).toEqual([DAY, 3 * DAY]);
    expect(t.now().getTime() - start).toBe(30 * DAY);
  });

  it('keeps runs on their version when the journey is published again', async () => {
    t = await createJourneyTest();
    const graph = (hours: number) => t!.journey()
      .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
      .then(wait, { amount: hours, unit: 'hours' })
      .then(grantPoints, { amount: hours, reason: 'order' }, { id: 'points' });
    const v1 = await t.publish(graph(48));
    await t.track('mia', 'Order Completed', { order_id: 'm1' });
    const v2 = await t.publish(graph(1), { journey: v1 });
    expect([v2.id, v2.version]).toEqual([v1.id, 2]);
    await t.track('mia', 'Order Completed', { order_id: 'm2' });
    await t.advance('2 hours');
    expect((await t.runs(v2)).map((r) => [r.versionId, r.status])).toEqual([[v1.versionId, 'waiting'], [v2.versionId, 'completed']]);
    await t.advance('2 days');
    expect([await t.counters(v1, 'points'), await t.counters(v2, 'points')]).toEqual([{ points: 48 }, { points: 1 }]);
  });
});

describe('workspace sending rules', () => {
  it('holds a marketing email through quiet hours and sends it at 08:00 in the customer’s time zone', async () => {
    // Monday 4 May 2026, 23:30 in Berlin (CEST, UTC+2).
    t = await createJourneyTest({ start: '2026-05-04T21:30:00Z', settings: { quietHours: { enabled: true, startHour: 21, endHour: 8 } } });
    const j = await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Promo' })
      .then(sendEmail, { subject: 'Spring sale', body: body('Sale'), kind: 'marketing' }, { id: 'promo' }));
    await t.identify('berlin', { email: 'b@example.com', timezone: 'Europe/Berlin' });
    await t.track('berlin', 'Promo');
    expect(t.emails()).toEqual([]);
    const [held] = await t.runs(j);
    expect(held).toMatchObject({ status: 'waiting', nodeId: 'promo', dueAt: new Date('2026-05-05T06:00:00Z') });

    await t.advance('12 hours');
    expect(t.emails().map((e) => e.subject)).toEqual(['Spring sale']);
    const [run] = await t.runs(j);
    expect(run.status).toBe('completed');
    expect(run.steps.at(-1)!.at).toEqual(new Date('2026-05-05T06:00:00Z'));
    expect(await t.counters(j, 'promo')).toMatchObject({ held: 1, emails: 1 });
  });
});

describe('conditions on segments', () => {
  it('sends repeat buyers down “yes” and first-time buyers down “no”', async () => {
    t = await createJourneyTest();
    const repeat = await t.segment({ kind: 'orders', measure: 'count', op: 'gte', value: 2 }, 'Repeat buyers');
    const j = await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Order Completed' })
      .then(wait, { amount: 1, unit: 'days' })
      .then(segmentCondition, { segmentId: repeat }, { id: 'repeat' })
      .branch('yes', (b) => b.then(sendEmail, { subject: 'Welcome back', body: body('Again!') }, { id: 'welcome_back' }))
      .branch('no', (b) => b.then(sendEmail, { subject: 'Thanks for your first order', body: body('First!') }, { id: 'first' })),
    { settings: { reentry: { mode: 'once' }, goal: null } });
    await t.identify('rita', { email: 'rita@example.com' });
    await t.identify('nova', { email: 'nova@example.com' });
    await t.track('rita', 'Order Completed', { order_id: 'r1', total: 30 });
    await t.track('nova', 'Order Completed', { order_id: 'n1', total: 20 });
    await t.advance('2 hours');
    await t.track('rita', 'Order Completed', { order_id: 'r2', total: 50 }); // in the segment by the time the wait ends
    await t.advance('1 day');

    expect(t.emails('rita@example.com').map((e) => e.subject)).toEqual(['Welcome back']);
    expect(t.emails('nova@example.com').map((e) => e.subject)).toEqual(['Thanks for your first order']);
    expect((await t.stats(j)).nodes.repeat.branches).toEqual({ yes: 1, no: 1 });
    expect((await t.runs(j)).map((r) => [r.customerId, r.status, r.nodeId])).toEqual([
      ['nova', 'completed', 'first'], ['rita', 'completed', 'welcome_back'],
    ]);
  });

  it('sees memberships that come with time: a lapsed customer enters the win-back journey', async () => {
    t = await createJourneyTest();
    const lapsed = await t.segment({ kind: 'orders', measure: 'daysSinceLastOrder', op: 'gte', value: 30 }, 'Lapsed');
    const j = await t.publish(t.journey()
      .trigger(triggerSegmentEntered, { segmentId: lapsed })
      .then(sendEmail, { subject: 'We miss you', body: body('Come back') }, { id: 'winback' }));
    await t.identify('lena', { email: 'lena@example.com' });
    await t.track('lena', 'Order Completed', { order_id: 'l1', total: 25 });
    await t.advance('29 days');
    expect(t.emails()).toEqual([]);
    await t.advance('2 days');
    expect(t.emails().map((e) => [e.to, e.subject])).toEqual([['lena@example.com', 'We miss you']]);
    expect((await t.runs(j)).map((r) => [r.customerId, r.status])).toEqual([['lena', 'completed']]);
  });

  it('refuses what the publish procedure refuses, with the same issues', async () => {
    t = await createJourneyTest();
    const graph = t.journey()
      .trigger(triggerOnEvent, { event: 'Order Completed' })
      .then(segmentCondition, { segmentId: 'seg_missing' }, { id: 'check' })
      .build();
    const refused = await t.publish(graph).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(JourneyRefusedError);
    const issues = (refused as JourneyRefusedError).issues;
    expect(issues).toEqual([{ nodeId: 'check', field: 'segmentId', code: 'check', message: 'The segment no longer exists: choose another' }]);
  });
});

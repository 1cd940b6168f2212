// A known world on a manual clock, and every figure of the journey report checked exactly:
// orders inside and outside the attribution window (after a send and after an open), a coupon
// order long after the run ended, an order touched by two journeys (the coupon wins, credited
// once, even when the order arrives twice), the latest of two journeys' emails taking the last
// touch, and treated vs held-out customers of a Holdout step with their lift-window orders.
import { recordEmailEvents } from '@afterglow/email';
import { compareGroups } from '@afterglow/journey-core';
import { holdout, issueCoupon, sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, expect, it } from 'vitest';

const body = `<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>`;
const START = new Date('2026-05-04T10:00:00Z'); // a Monday: weeks start on the day of entry
const at = (days: number, hours = 0) => new Date(START.getTime() + days * 86_400_000 + hours * 3_600_000);
let t: JourneyTest;
afterAll(async () => { await t?.close(); });

it('attributes each order once and reports every figure exactly', async () => {
  t = await createJourneyTest({ start: START });
  const welcome = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Signed Up' })
    .then(holdout, { percent: 30 }, { id: 'holdout' })
    .then(issueCoupon, { prefix: 'WELCOME' }, { id: 'coupon' })
    .then(sendEmail, { subject: 'Welcome', body }, { id: 'mail' }), { name: 'Welcome' });
  const news = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Joined List' })
    .then(sendEmail, { subject: 'News', body }, { id: 'news' }), { name: 'News' });

  const customers = Array.from({ length: 20 }, (_, i) => `c${String(i).padStart(2, '0')}`);
  for (const c of customers) await t.identify(c, { email: `${c}@example.com`, marketing_consent: true });
  for (const c of customers) await t.track(c, 'Signed Up');
  const runs = await t.runs(welcome);
  const isHeld = (c: string) => runs.find((r) => r.customerId === c)!.steps.find((s) => s.node === 'holdout')!.detail?.held_out === true;
  const held = customers.filter(isHeld);
  const treated = customers.filter((c) => !isHeld(c));
  expect(held.length).toBeGreaterThan(0);
  expect(treated.length).toBeGreaterThan(5);
  expect(t.emails().map((e) => e.to).sort()).toEqual(treated.map((c) => `${c}@example.com`));
  const couponOf = async (c: string) => (await t.database.sql<{ code: string }[]>`
    select code from coupons where customer_id = ${c} and journey_id = ${welcome.id}`)[0].code;
  const order = (c: string, id: string, total: number, when: Date, coupon?: string, messageId?: string) =>
    t.track(c, 'Order Completed', { order_id: id, total, currency: 'EUR', ...(coupon ? { coupon } : {}) }, { timestamp: when, messageId });

  const [t0, t1, t2, t3, t4, t5] = treated;
  await t.advance(at(1));
  await t.track(t4, 'Joined List');
  await t.track(t5, 'Joined List');
  await t.advance(at(2));
  await order(t0, 'o1', 100, at(2)); // 2 days after Welcome: last touch, Welcome's email
  await order(t4, 'o5', 60, at(2, 2), await couponOf(t4), 'o5-a'); // News touched last, the coupon wins
  await order(t4, 'o5', 60, at(2, 3), await couponOf(t4), 'o5-b'); // the same order again: still once
  await t.advance(at(3));
  await order(t5, 'o6', 40, at(3)); // News (day 1) is later than Welcome (day 0)
  await order(held[0], 'o7', 30, at(3)); // held out: no email, no credit, but counted for lift
  await t.advance(at(6));
  const [mail] = await t.database.sql<{ id: string }[]>`select id from email_outbox where customer_id = ${t2} and journey_id = ${welcome.id}`;
  await t.database.sql.begin((tx) => recordEmailEvents(tx, [{ workspaceId: t.workspaceId, outboxId: mail.id, type: 'open', at: at(6) }]));
  await t.advance(at(8));
  await order(t1, 'o2', 50, at(8)); // 8 days after the email, never opened: outside the window
  await t.advance(at(9));
  await order(t2, 'o3', 70, at(9)); // 3 days after opening: inside
  await t.advance(at(40));
  await order(t3, 'o4', 80, at(40), await couponOf(t3)); // the run ended long ago: the coupon still credits

  const credited = await t.database.sql`
    select order_id, journey_id, node_id, rule, revenue::float8 as revenue from order_attributions order by order_id`;
  expect(credited).toEqual([
    { order_id: 'o1', journey_id: welcome.id, node_id: 'mail', rule: 'last_touch', revenue: 100 },
    { order_id: 'o3', journey_id: welcome.id, node_id: 'mail', rule: 'last_touch', revenue: 70 },
    { order_id: 'o4', journey_id: welcome.id, node_id: 'coupon', rule: 'coupon', revenue: 80 },
    { order_id: 'o5', journey_id: welcome.id, node_id: 'coupon', rule: 'coupon', revenue: 60 },
    { order_id: 'o6', journey_id: news.id, node_id: 'news', rule: 'last_touch', revenue: 40 },
  ]);

  const report = await t.api.journeys.report({ journeyId: welcome.id, from: '2026-05-01', to: '2026-06-30', bucket: 'day' });
  const [all] = report.series;
  expect(all.totals).toEqual({
    entries: 20, conversions: 4, revenue: 310, sent: treated.length, opened: 1, clicked: 0, unsubscribed: 0,
    conversionRate: 0.2, revenuePerEntrant: 15.5,
  });
  const day = (d: string) => all.points.find((p) => p.start === d)!;
  expect(all.points).toHaveLength(61);
  expect(day('2026-05-04')).toMatchObject({ entries: 20, sent: treated.length, conversions: 0 });
  expect(day('2026-05-06')).toMatchObject({ conversions: 2, revenue: 160, entries: 0 });
  expect(day('2026-05-10')).toMatchObject({ opened: 1 });
  expect(day('2026-05-13')).toMatchObject({ conversions: 1, revenue: 70 });
  expect(day('2026-06-13')).toMatchObject({ conversions: 1, revenue: 80 });
  expect(day('2026-05-12')).toMatchObject({ conversions: 0, revenue: 0 });

  const weekly = await t.api.journeys.report({ journeyId: welcome.id, from: '2026-05-04', to: '2026-05-17', bucket: 'week' });
  expect(weekly.series[0].points.map((p) => [p.start, p.entries, p.conversions, p.revenue])).toEqual([
    ['2026-05-04', 20, 2, 160], ['2026-05-11', 0, 1, 70],
  ]);
  expect(report.attribution).toEqual({ conversion: 'order', windowDays: 5, liftDays: 30 });

  // Lift: orders within 30 days of the Holdout step, attributed or not (o4 came after them).
  const inGroup = { customers: treated.length, converted: 5, revenue: 320, revenueSq: 100 ** 2 + 50 ** 2 + 70 ** 2 + 60 ** 2 + 40 ** 2 };
  const outGroup = { customers: held.length, converted: 1, revenue: 30, revenueSq: 900 };
  expect(report.experiments).toEqual([{
    nodeId: 'holdout', kind: 'holdout', inLiveVersion: false,
    groups: [
      { id: 'in', name: null, ...inGroup, rate: 5 / treated.length, revenuePerCustomer: Math.round((320 / treated.length) * 100) / 100 },
      { id: 'out', name: null, ...outGroup, rate: 1 / held.length, revenuePerCustomer: Math.round((30 / held.length) * 100) / 100 },
    ],
    comparisons: [{ group: 'in', baseline: 'out', ...compareGroups(inGroup, outGroup) }],
  }]);

  const newsReport = await t.api.journeys.report({ journeyId: news.id, from: '2026-05-01', to: '2026-05-31', bucket: 'day' });
  expect(newsReport.series[0].totals).toMatchObject({ entries: 2, sent: 2, conversions: 1, revenue: 40 });
  // The workspace's attributed revenue: each order once.
  const [{ sum }] = await t.database.sql<{ sum: number }[]>`select sum(n)::float8 as sum from journey_daily where metric = 'revenue'`;
  expect(sum).toBe(350);
}, 300_000);

it('refuses a period that ends before it starts, naming the field', async () => {
  const journeys = await t.database.sql<{ id: string }[]>`select id from journeys limit 1`;
  await expect(t.api.journeys.report({ journeyId: journeys[0].id, from: '2026-05-10', to: '2026-05-01', bucket: 'day' }))
    .rejects.toThrow(/to must not be before from/);
});

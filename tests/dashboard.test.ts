// The workspace dashboard on a known world with a manual clock: two journeys, orders credited by
// last touch and by coupon (one counted once though it arrives twice), a bounce, a complaint and
// an unsubscribe, coupons issued and redeemed, points granted and redeemed, and repeat purchases
// by first-order cohort; every figure is checked exactly, and a new shop's dashboard is empty.
import { rebuildOrderAggregates } from '@afterglow/db';
import { recordEmailEvents } from '@afterglow/email';
import { grantPoints, issueCoupon, sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, expect, it } from 'vitest';

const body = `<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>`;
const START = new Date('2026-05-04T10:00:00Z'); // a Monday
const at = (days: number, hours = 0) => new Date(START.getTime() + days * 86_400_000 + hours * 3_600_000);
let t: JourneyTest;
afterAll(async () => { await t?.close(); });

it('answers a new shop with zeros and no rows', async () => {
  t = await createJourneyTest({ start: START });
  const empty = await t.api.dashboard.get({ days: 7 });
  expect(empty.period).toEqual({ from: '2026-04-28', to: '2026-05-04', bucket: 'day' });
  expect(empty.journeys).toEqual([]);
  expect(empty.series).toHaveLength(7);
  expect(empty.attributed).toEqual({ revenue: 0, conversions: 0 });
  expect(empty.email).toMatchObject({ sent: 0, deliveredRate: null, bounceRate: null });
  expect(empty.coupons).toMatchObject({ issued: 0, redeemed: 0, redemptionRate: null });
  expect(empty.loyalty).toEqual({ issued: 0, redeemed: 0, outstanding: 0 });
  expect(empty.cohorts).toEqual([]);
  await expect(t.api.dashboard.get({ days: 14 as never })).rejects.toThrow(/The period is 7, 30 or 90 days/);
}, 120_000);

it('reports every figure of a known world exactly', async () => {
  const welcome = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Signed Up' })
    .then(issueCoupon, { kind: 'percent', value: 10, prefix: 'WELCOME' }, { id: 'coupon' })
    .then(grantPoints, { amount: 50, reason: 'Welcome' }, { id: 'points' })
    .then(sendEmail, { subject: 'Welcome', body }, { id: 'mail' }), { name: 'Welcome' });
  const news = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Joined List' })
    .then(sendEmail, { subject: 'News', body }, { id: 'news' }), { name: 'News' });
  const customers = ['c0', 'c1', 'c2', 'c3'];
  for (const c of customers) await t.identify(c, { email: `${c}@example.com`, marketing_consent: true });
  for (const c of customers) await t.track(c, 'Signed Up');
  await t.advance(at(1));
  await t.track('c2', 'Joined List');
  await t.track('c3', 'Joined List');
  await t.advance(at(1, 1));
  const couponOf = async (c: string) => (await t.database.sql<{ code: string }[]>`
    select code from coupons where customer_id = ${c} and journey_id = ${welcome.id}`)[0].code;
  const order = (c: string, id: string, total: number, when: Date, coupon?: string, messageId?: string) =>
    t.track(c, 'Order Completed', { order_id: id, total, currency: 'EUR', ...(coupon ? { coupon } : {}) }, { timestamp: when, messageId });
  await order('c0', 'o1', 100, at(2)); // Welcome's email, last touch
  await order('c1', 'o2', 90, at(3), await couponOf('c1'), 'o2-a'); // the coupon: 10 % off, a discount of 10
  await order('c1', 'o2', 90, at(3, 1), await couponOf('c1'), 'o2-b'); // the same order again: once
  await order('c2', 'o3', 40, at(3)); // News was sent later than Welcome: News takes it
  const mail = async (c: string, journeyId: string) => (await t.database.sql<{ id: string }[]>`
    select id from email_outbox where customer_id = ${c} and journey_id = ${journeyId}`)[0].id;
  const events = [
    { outboxId: await mail('c3', welcome.id), type: 'bounce' as const, at: at(4) },
    { outboxId: await mail('c2', news.id), type: 'complaint' as const, at: at(4) },
    { outboxId: await mail('c2', news.id), type: 'complaint' as const, at: at(5) }, // the same email again: once
    { outboxId: await mail('c1', welcome.id), type: 'unsubscribe' as const, at: at(5) },
  ];
  await t.database.sql.begin((tx) => recordEmailEvents(tx, events.map((e) => ({ workspaceId: t.workspaceId, ...e }))));
  await t.database.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, created_at)
    values (${t.workspaceId}, 'c0', -30, 'A reward', 'redeem', ${at(5)})`;
  await t.advance(at(9));

  const d = await t.api.dashboard.get({ days: 30 });
  expect(d.period).toEqual({ from: '2026-04-14', to: '2026-05-13', bucket: 'day' });
  expect(d.attributed).toEqual({ revenue: 230, conversions: 3 });
  expect(d.journeys).toEqual([
    { journeyId: welcome.id, name: 'Welcome', status: 'live', entries: 4, conversions: 2, revenue: 190, conversionRate: 0.5, revenuePerEntrant: 47.5 },
    { journeyId: news.id, name: 'News', status: 'live', entries: 2, conversions: 1, revenue: 40, conversionRate: 0.5, revenuePerEntrant: 20 },
  ]);
  const point = (day: string) => d.series.find((p) => p.start === day)?.revenue;
  expect(d.series).toHaveLength(30);
  expect(point('2026-05-06')).toEqual({ [welcome.id]: 100 });
  expect(point('2026-05-07')).toEqual({ [welcome.id]: 90, [news.id]: 40 });
  expect(point('2026-05-08')).toEqual({});
  expect(d.email).toEqual({
    sent: 6, delivered: 5, bounced: 1, hardBounced: 1, softBounced: 0, unsubscribed: 1, complained: 1,
    deliveredRate: 5 / 6, bounceRate: 1 / 6, unsubscribeRate: 1 / 6, complaintRate: 1 / 6,
  });
  expect(d.coupons).toEqual({ issued: 4, redeemed: 1, redemptionRate: 0.25, discountGiven: 10, revenue: 90 });
  // 50 points from each Welcome run, and the default earning of a point per unit spent (100 + 90 + 40).
  expect(d.loyalty).toEqual({ issued: 430, redeemed: 30, outstanding: 400 });

  // Weekly buckets for 90 days; the week of 4 May holds all the revenue.
  const quarter = await t.api.dashboard.get({ days: 90 });
  expect(quarter.period.bucket).toBe('week');
  expect(quarter.series.find((p) => p.start === '2026-05-04')?.revenue).toEqual({ [welcome.id]: 190, [news.id]: 40 });

  // Cohorts: c0, c1 and c2 first ordered in May; c0 again 38 days later (within 2 months, not 1);
  // on 12 August, 4 months have not yet passed for them: null.
  await order('c0', 'o4', 20, at(40));
  await t.advance(at(100));
  const later = await t.api.dashboard.get({ days: 7 });
  expect(later.journeys).toEqual([]);
  expect(later.loyalty.outstanding).toBe(420);
  expect(later.cohorts).toEqual([{ month: '2026-05', customers: 3, repeat: [0, 1 / 3, 1 / 3, ...Array(9).fill(null)] }]);
}, 300_000);

it('keeps each customer\'s second order through orders written out of order, deleted and refunded', async () => {
  const sql = t.database.sql;
  const ws = t.workspaceId;
  const day = (d: string) => new Date(`2026-${d}T12:00:00Z`);
  const place = (rows: [string, string, string, string?][]) => sql`insert into orders ${sql(rows.map(([id, customer, d, status]) => (
    { workspace_id: ws, id, customer_id: customer, status: status ?? 'placed', total: 10, placed_at: day(d) })))}`;
  const stats = async () => (await sql<{ id: string; n: number; first: Date; second: Date | null }[]>`
    select customer_id as id, order_count as n, first_order_at as first, second_order_at as second from customer_order_stats
    where workspace_id = ${ws} and customer_id in ('r1', 'r2') order by 1`).map((r) => ({ ...r }));
  // r1 in one statement, latest first; two orders at the first instant are one purchase.
  await place([['r1-d', 'r1', '08-10'], ['r1-a', 'r1', '07-05'], ['r1-b', 'r1', '07-05'], ['r1-c', 'r1', '07-20']]);
  // r2 one by one: a later one, an earlier one (the stored first becomes the second), one between, a cancelled earliest.
  for (const row of [['r2-a', 'r2', '08-01'], ['r2-b', 'r2', '07-01'], ['r2-c', 'r2', '07-15'], ['r2-x', 'r2', '06-01', 'cancelled']] as const) {
    await place([[...row]]);
  }
  expect(await stats()).toEqual([
    { id: 'r1', n: 4, first: day('07-05'), second: day('07-20') },
    { id: 'r2', n: 3, first: day('07-01'), second: day('07-15') },
  ]);
  // Deleting the second order (r1), or the first (r2: the second moves up), and refunding r1's last.
  await sql`delete from orders where workspace_id = ${ws} and id in ('r1-c', 'r2-b')`;
  expect(await stats()).toEqual([
    { id: 'r1', n: 3, first: day('07-05'), second: day('08-10') },
    { id: 'r2', n: 2, first: day('07-15'), second: day('08-01') },
  ]);
  await sql`update orders set status = 'refunded' where workspace_id = ${ws} and id = 'r1-d'`;
  const final = await stats();
  expect(final[0]).toEqual({ id: 'r1', n: 2, first: day('07-05'), second: null });
  await rebuildOrderAggregates(sql, ws);
  expect(await stats()).toEqual(final);
  // On 11 September a month has passed for both July customers: r2 came back within it, r1 never did.
  await t.advance(at(130));
  const d = await t.api.dashboard.get({ days: 7 });
  expect(d.cohorts).toEqual([
    { month: '2026-05', customers: 3, repeat: [0, 1 / 3, 1 / 3, 1 / 3, ...Array(8).fill(null)] },
    { month: '2026-07', customers: 2, repeat: [1 / 2, ...Array(11).fill(null)] },
  ]);
}, 300_000);

// The loyalty programme's earning rules through real ingestion (/v1 over HTTP, the hosted review
// page, the engine's birthday job at each stop of a manual clock): points for a completed order
// once however often it is sent, taken back by refunds in proportion and never beyond the grant,
// for signing up once, for a first review of a product once, and on the birthday once a year.
import { sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeLoyaltySettings } from './support/loyalty';

let t: JourneyTest;

const earning = {
  orders: { enabled: true, pointsPerUnit: 1.5 },
  review: { enabled: true, points: 50 },
  referral: { enabled: false, points: 200 },
  birthday: { enabled: true, points: 100 },
  signUp: { enabled: true, points: 25 },
};
/** The programme's settings as its screen saves them (workspaces.settings.loyalty). */
const saveEarning = (rules: Record<string, unknown>) => storeLoyaltySettings(t.database.sql, t.workspaceId, { earning: rules });

const ledger = (customerId: string) => t.database.sql<{ kind: string; points: number; orderId: string | null; reason: string }[]>`
  select kind, points, order_id as "orderId", reason from loyalty_ledger
  where workspace_id = ${t.workspaceId} and customer_id = ${customerId} order by id`.then((rows) => rows.map((r) => ({ ...r })));
const orderOf = async (id: string) => ({ ...(await t.database.sql`
  select status, total::float8 as total, (select count(*)::int from order_items i where i.workspace_id = o.workspace_id and i.order_id = o.id) as items
  from orders o where workspace_id = ${t.workspaceId} and id = ${id}`)[0] });
const balance = async (customerId: string) => (await ledger(customerId)).reduce((n, e) => n + e.points, 0);

beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
  await saveEarning(earning);
}, 120_000);
afterAll(() => t?.close());

describe('orders', () => {
  it('a completed order earns floor(total × points per unit) once, however often and in whatever shape it arrives', async () => {
    const order = { order_id: 'o-1', total: 95.5, currency: 'EUR' };
    await t.track('ana', 'Order Completed', order, { messageId: 'o-1-completed' });
    await t.track('ana', 'Order Completed', order, { messageId: 'o-1-completed' }); // the same message replayed
    await t.track('ana', 'Order Completed', order, { messageId: 'o-1-again' }); // the same order, a new message
    await t.track('ana', 'order_shipped', { order_id: 'o-1' });
    expect(await ledger('ana')).toEqual([{ kind: 'order', points: 143, orderId: 'o-1', reason: 'Order o-1' }]);
  });

  it('an order that arrives without a total earns when its content comes; a cancelled one earns nothing', async () => {
    await t.track('ben', 'order_placed', { order_id: 'o-2' });
    expect(await ledger('ben')).toEqual([]);
    await t.track('ben', 'Order Updated', { order_id: 'o-2', status: 'placed', total: 10 });
    await t.track('ben', 'order_cancelled', { order_id: 'o-3', total: 80 });
    expect(await ledger('ben')).toEqual([{ kind: 'order', points: 15, orderId: 'o-2', reason: 'Order o-2' }]);
  });

  it('earns nothing with the rule off', async () => {
    await saveEarning({ ...earning, orders: { enabled: false, pointsPerUnit: 1 } });
    await t.track('cid', 'Order Completed', { order_id: 'o-4', total: 50 });
    await saveEarning(earning);
    expect(await ledger('cid')).toEqual([]);
  });
});

describe('refunds', () => {
  it('a full refund takes back all of the order\'s points; a cancellation after it nothing more', async () => {
    await t.track('dora', 'Order Completed', { order_id: 'o-10', total: 40 });
    await t.track('dora', 'Order Refunded', { order_id: 'o-10' });
    await t.track('dora', 'order_cancelled', { order_id: 'o-10' });
    expect(await ledger('dora')).toEqual([
      { kind: 'order', points: 60, orderId: 'o-10', reason: 'Order o-10' },
      { kind: 'refund', points: -60, orderId: 'o-10', reason: 'Refund of order o-10' },
    ]);
    expect(await orderOf('o-10')).toEqual({ status: 'cancelled', total: 40, items: 0 });
  });

  it('partial refunds take back the refunded share, two of them never more than the order earned, a replay nothing', async () => {
    await t.track('eva', 'Order Completed', { order_id: 'o-20', total: 100, products: [{ product_id: 'p-lamp', price: 100, quantity: 1 }] });
    await t.track('eva', 'Order Refunded', { order_id: 'o-20', total: 30 }, { messageId: 'refund-1' });
    expect(await balance('eva')).toBe(150 - 45);
    await t.track('eva', 'Order Refunded', { order_id: 'o-20', total: 30 }, { messageId: 'refund-1' }); // replayed
    await t.track('eva', 'Order Refunded', { order_id: 'o-20', amount: 80 }, { messageId: 'refund-2' }); // 120 of 150: only 105 are left
    await t.track('eva', 'Order Refunded', { order_id: 'o-20', amount: 5 }, { messageId: 'refund-3' });
    expect((await ledger('eva')).map((e) => e.points)).toEqual([150, -45, -105]);
    // The refund's total is the money given back: the order keeps its own total and items, and, each
    // refund giving back less than its total, stays placed and in the order history.
    expect(await orderOf('o-20')).toEqual({ status: 'placed', total: 100, items: 1 });
  });

  it('partial refunds of one order in one request are counted in time order against what is left', async () => {
    await t.track('fil', 'Order Completed', { order_id: 'o-30', total: 20 });
    const res = await fetch(`${t.ingestion.url}/v1/batch`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${t.ingestion.key}:`).toString('base64')}` },
      body: JSON.stringify({ batch: [
        { type: 'track', userId: 'fil', event: 'Order Refunded', messageId: 'b-2', timestamp: '2026-03-02T09:02:00Z', properties: { order_id: 'o-30', total: 15 } },
        { type: 'track', userId: 'fil', event: 'Order Refunded', messageId: 'b-1', timestamp: '2026-03-02T09:01:00Z', properties: { order_id: 'o-30', total: 10 } },
      ] }),
    });
    expect(res.status).toBe(200);
    expect((await ledger('fil')).map((e) => e.points)).toEqual([30, -15, -15]);
  });
  it('concurrent partial refunds of one order take turns: together never more than the order earned', async () => {
    await t.track('gus', 'Order Completed', { order_id: 'o-35', total: 100 });
    const send = (n: number) => fetch(`${t.ingestion.url}/v1/track`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${t.ingestion.key}:`).toString('base64')}` },
      body: JSON.stringify({ type: 'track', userId: 'gus', event: 'Order Refunded', messageId: `c-${n}`, properties: { order_id: 'o-35', amount: 60 } }),
    });
    expect((await Promise.all([1, 2, 3, 4].map(send))).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const entries = await ledger('gus');
    expect(entries.map((e) => e.points).sort((a, b) => a - b)).toEqual([-90, -60, 150]);
    expect(await balance('gus')).toBe(0);
  });
});

describe('sign-up and reviews', () => {
  it('Signed Up earns the sign-up points once per customer', async () => {
    await t.track('gia', 'Signed Up');
    await t.track('gia', 'Signed Up');
    expect(await ledger('gia')).toEqual([{ kind: 'signup', points: 25, orderId: null, reason: 'Signed up' }]);
  });

  it('a first review of a product through the hosted page earns once; a resubmission and a second order\'s review of it nothing', async () => {
    const mjml = '<mjml><mj-body><mj-section><mj-column><mj-text><span class="order">{{ order.reviewUrl }}</span></mj-text></mj-column></mj-section></mj-body></mjml>';
    await t.publish(t.journey().trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
      .then(sendEmail, { subject: 'How was it?', preheader: '', kind: 'transactional', body: mjml }));
    await t.identify('hana', { email: 'hana@example.com' });
    const linkOf = async (orderId: string) => {
      await t.track('hana', 'Order Completed', { order_id: orderId, total: 0, products: [{ product_id: 'boot', name: 'Trail boot', price: 0 }] });
      await t.settle();
      return /<span class="order">([^<]+)<\/span>/.exec(t.emails('hana@example.com').at(-1)!.html)![1];
    };
    const post = (url: string, form: Record<string, string>) => fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    const first = await linkOf('o-40');
    expect((await post(first, { rating_0: '5', text_0: 'Great' })).status).toBe(200);
    expect((await post(first, { rating_0: '4', text_0: 'Good, on second thought' })).status).toBe(200);
    expect((await post(await linkOf('o-41'), { rating_0: '5' })).status).toBe(200);
    const events = await t.database.sql`select count(*)::int as n from events where workspace_id = ${t.workspaceId} and name = 'Review Submitted'`;
    expect(events[0].n).toBe(3);
    expect(await ledger('hana')).toEqual([{ kind: 'review', points: 50, orderId: null, reason: 'Review of Trail boot' }]);
  });
});

describe('birthdays', () => {
  it('earns the birthday points on the birthday in the customer\'s time zone, once a year', async () => {
    // 3 March begins in Tokyo at 15:00 UTC on 2 March; a leap-day birthday is kept on 28 February.
    await t.identify('ivo', { birthday: '1990-03-03', timezone: 'Asia/Tokyo' });
    await t.identify('jan', { birthday: '2000-02-29', timezone: 'Europe/Belgrade' });
    await t.advance(new Date('2026-03-02T14:59:00Z'));
    expect(await ledger('ivo')).toEqual([]);
    await t.advance(new Date('2026-03-02T15:00:00Z'));
    await t.advance('6 hours');
    expect(await ledger('ivo')).toEqual([{ kind: 'birthday', points: 100, orderId: null, reason: 'Birthday 2026' }]);
    await t.advance(new Date('2027-03-02T12:00:00Z'));
    expect(await ledger('ivo')).toHaveLength(1);
    expect(await ledger('jan')).toEqual([{ kind: 'birthday', points: 100, orderId: null, reason: 'Birthday 2027' }]);
    const [{ at }] = await t.database.sql<{ at: Date }[]>`select created_at as at from loyalty_ledger where customer_id = 'jan'`;
    expect(at.toISOString()).toBe('2027-02-27T23:00:00.000Z'); // midnight of 28 February in Belgrade
    await t.advance(new Date('2027-03-03T12:00:00Z'));
    expect((await ledger('ivo')).map((e) => e.reason)).toEqual(['Birthday 2026', 'Birthday 2027']);
  }, 120_000);
});

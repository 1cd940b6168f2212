// The Replenishment wait through the real engine (createJourneyTest) with a manual clock: each
// customer waits until a week before their predicted next purchase, at 10:00 on their own
// clock; ada by her own rhythm, bob by the category's buying cycle, kim by the fallback. The
// card counts which rule each run used; the reminder (points here) lands on the predicted day.
import { grantPoints, triggerOnEvent, waitReplenishment } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterEach, expect, it } from 'vitest';

let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const serum = { product_id: 'serum', category: 'Cosmetics > Skin', price: 20 };

it('waits until a week before each customer’s predicted next purchase, at 10:00 local, by the rule that applies', async () => {
  t = await createJourneyTest({ start: '2026-01-05T09:00:00Z' });
  await t.identify('ada', { email: 'ada@example.com', timezone: 'Europe/Belgrade' });
  await t.identify('bob', { email: 'bob@example.com', timezone: 'America/New_York' });
  await t.identify('kim', { email: 'kim@example.com' });
  // Ada's history before the journey exists: the serum on 5 January and 4 February.
  await t.track('ada', 'Order Completed', { order_id: 'a1', total: 20, products: [serum] });
  await t.advance('30 days');
  await t.track('ada', 'Order Completed', { order_id: 'a2', total: 20, products: [serum] });
  await t.advance('30 days');
  // Settings > Buying cycles: cosmetics last 8-12 weeks (a category named twice keeps its last row).
  await expect(t.api.shop.saveBuyingCycles({ cycles: [{ category: 'Books', minDays: 90, maxDays: 30 }] })).rejects.toThrow(/maxDays/);
  expect(await t.api.shop.saveBuyingCycles({ cycles: [
    { category: 'cosmetics', minDays: 10, maxDays: 20 }, { category: ' Cosmetics ', minDays: 56, maxDays: 84 },
  ] })).toEqual([{ category: 'Cosmetics', minDays: 56, maxDays: 84 }]);

  const j = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(waitReplenishment, { for: 'order-products', leadDays: 7, atHour: 10, fallbackDays: 20 }, { id: 'wait' })
    .then(grantPoints, { amount: 10, reason: 'Time to restock' }, { id: 'remind' }));
  // 6 March 2026, 09:00 UTC.
  await t.track('ada', 'Order Completed', { order_id: 'a3', total: 20, products: [serum] });
  await t.track('bob', 'Order Completed', { order_id: 'b1', total: 15, products: [{ product_id: 'cream', category: 'Cosmetics', price: 15 }] });
  await t.track('kim', 'Order Completed', { order_id: 'k1', total: 30, products: [{ product_id: 'ball', category: 'Football', price: 30 }] });

  expect(await t.counters(j, 'wait')).toMatchObject({ own_history: 1, category_cycle: 1, fallback: 1 });
  const due = Object.fromEntries((await t.runs(j)).map((r) => [r.customerId, r.dueAt?.toISOString()]));
  expect(due).toEqual({
    // Intervals 30 and 30: the next serum on 5 April; a week before, 10:00 in Belgrade (UTC+2 by then).
    ada: '2026-03-29T08:00:00.000Z',
    // Cosmetics last 56-84 days, 70 in the middle: 15 May; a week before, 10:00 in New York (UTC-4).
    bob: '2026-05-08T14:00:00.000Z',
    // Nothing known of footballs: 20 days, less the week, 10:00 UTC.
    kim: '2026-03-19T10:00:00.000Z',
  });

  await t.advance('13 days');
  expect(await t.counters(j, 'remind')).toEqual({});
  await t.advance('1 day');
  expect(await t.counters(j, 'remind')).toMatchObject({ points: 10 });
  await t.advance('10 days');
  expect(await t.counters(j, 'remind')).toMatchObject({ points: 20 });
  await t.advance('40 days');
  expect(await t.counters(j, 'remind')).toMatchObject({ points: 30 });
  expect((await t.stats(j)).totals).toMatchObject({ entered: 3, completed: 3, failed: 0 });

  // The customer page's prediction (customers.replenishment), the same rules without a fallback.
  expect(await t.api.customers.replenishment({ id: 'ada' })).toEqual([
    { what: 'category', value: 'Cosmetics > Skin', name: 'Cosmetics > Skin', rule: 'own_history', days: 30, purchases: 3,
      lastPurchaseAt: '2026-03-06T09:00:00.000Z', predictedAt: '2026-04-05T09:00:00.000Z' },
    { what: 'product', value: 'serum', name: 'serum', rule: 'own_history', days: 30, purchases: 3,
      lastPurchaseAt: '2026-03-06T09:00:00.000Z', predictedAt: '2026-04-05T09:00:00.000Z' },
  ]);
  expect((await t.api.customers.replenishment({ id: 'bob' })).map((p) => [p.what, p.rule, p.days, p.predictedAt]))
    .toEqual([['category', 'category_cycle', 70, '2026-05-15T09:00:00.000Z'], ['product', 'category_cycle', 70, '2026-05-15T09:00:00.000Z']]);
  expect(await t.api.customers.replenishment({ id: 'kim' })).toEqual([]);
});

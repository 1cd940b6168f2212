// The conditions of a journey through the real engine (createJourneyTest): Split by rules on a
// customer attribute, the order's value and the customer's language; Has bought on the purchases
// ingestion stored, within a window of the engine's clock; Condition: property on the trigger
// event. Each branch grants its own points, so the counters say which way each customer went.
import { grantPoints, hasBought, multiSplit, propertyCondition, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterEach, expect, it } from 'vitest';

let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

// A condition's every field, as a new one starts (the property condition's defaults).
const base = propertyCondition.defaults;
// A rule's id (its branch is rule:<id>) as the form would keep it; here the name in lower case, for reading.
const rule = (name: string, condition: typeof base) => ({ id: name.toLowerCase(), name, ...condition });

it('routes each customer by the first rule that holds, by purchases in a window, and by the event', async () => {
  t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
  const j = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(multiSplit, { rules: [
      rule('VIP', { ...base, customerField: 'tags', operator: 'equals', value: 'vip' }),
      rule('Big order', { ...base, source: 'order', operator: 'greater_than', number: 100 }),
      rule('Serbian', { ...base, customerField: 'locale', operator: 'in_list', values: ['sr-Latn-RS', 'sr-Cyrl-RS'] }),
    ] }, { id: 'split' })
    .branch('rule:vip', (b) => b.then(grantPoints, { amount: 100, reason: 'VIP' }, { id: 'vip' }))
    .branch('rule:big order', (b) => b.then(grantPoints, { amount: 50, reason: 'Big order' }, { id: 'big' }))
    .branch('rule:serbian', (b) => b.then(grantPoints, { amount: 20, reason: 'Hvala' }, { id: 'serbian' }))
    .branch('else', (b) => b.then(hasBought, { what: 'category', value: 'skin care', withinDays: 30 }, { id: 'bought' })
      .branch('yes', (y) => y.then(grantPoints, { amount: 5, reason: 'Skin care again' }, { id: 'skin' }))
      .branch('no', (n) => n.then(propertyCondition, { ...base, source: 'event', eventProperty: 'coupon', operator: 'is_set' }, { id: 'coupon' })
        .branch('yes', (y) => y.then(grantPoints, { amount: 1, reason: 'Used a coupon' }, { id: 'couponed' })))));

  await t.identify('vera', { email: 'vera@example.com', tags: ['VIP'] });
  await t.identify('ana', { email: 'ana@example.com', locale: 'sr-Latn-RS' });
  await t.track('vera', 'Order Completed', { order_id: 'v1', total: 500 });
  await t.track('bob', 'Order Completed', { order_id: 'b1', total: 150 });
  await t.track('ana', 'Order Completed', { order_id: 'a1', total: 30 });
  await t.track('kim', 'Order Completed', { order_id: 'k1', total: 20, products: [{ product_id: 'serum', category: 'Skin care > Serums', brand: 'Nivea', price: 20 }] });
  await t.track('tom', 'Order Completed', { order_id: 't1', total: 25, coupon: 'SPRING', products: [{ product_id: 'drill', category: 'Tools', price: 25 }] });
  await t.advance('40 days');
  // Forty days on, kim's serum is out of the 30-day window.
  await t.track('kim', 'Order Completed', { order_id: 'k2', total: 15, products: [{ product_id: 'drill', category: 'Tools', price: 15 }] });

  const branches = (await t.runs(j)).map((r) => [r.customerId, r.steps.filter((s) => s.branch && s.branch !== 'out').map((s) => `${s.node}:${s.branch}`)]);
  expect(branches).toEqual([
    ['ana', ['split:rule:serbian']],
    ['bob', ['split:rule:big order']],
    ['kim', ['split:else', 'bought:yes']],
    ['tom', ['split:else', 'bought:no', 'coupon:yes']],
    ['vera', ['split:rule:vip']],
    ['kim', ['split:else', 'bought:no', 'coupon:no']],
  ]);
  expect(await t.counters(j, 'vip')).toMatchObject({ points: 100 });
  const stats = await t.stats(j);
  // The canvas's per-branch counts of the split, by the rules' branch ids.
  expect(stats.nodes.split.branches).toEqual({ 'rule:vip': 1, 'rule:big order': 1, 'rule:serbian': 1, else: 3 });
  expect(stats.totals).toMatchObject({ entered: 6, completed: 6, failed: 0 });
});

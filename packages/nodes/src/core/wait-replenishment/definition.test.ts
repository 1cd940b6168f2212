import { configIssues, createTestContext, summaryOf, type TestContextOptions } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { waitReplenishment, type ReplenishmentConfig } from './definition';

// The test clock: 2026-01-05 10:00 UTC.
const NOW = new Date('2026-01-05T10:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const base: ReplenishmentConfig = { for: 'order-products', value: '', leadDays: 7, atHour: 10, fallbackDays: 60 };
const order = { name: 'Order Completed', properties: { order_id: 'o9', products: [
  { product_id: 'serum', category: 'Cosmetics > Skin' }, { product_id: 'cream', category: 'Cosmetics' },
] }, timestamp: NOW };

async function step(c: Partial<ReplenishmentConfig>, opts: TestContextOptions = {}) {
  const { ctx, effects } = createTestContext({ now: NOW, run: { trigger: order as never }, ...opts });
  const instruction = await waitReplenishment.execute!(ctx, { ...base, ...c });
  return { instruction, counts: effects.counts };
}

it('waits for the customer’s own rhythm (the median interval) less the lead time, at the local hour', async () => {
  const purchases = [40, 70, 100, 190].map((d) => ({ productId: 'serum', category: 'Cosmetics > Skin', at: ago(d) })).concat(
    [{ productId: 'serum', category: 'Cosmetics > Skin', at: ago(10) }]);
  // Intervals 90, 30, 30, 30: median 30 after the last (10 days ago) is in 20 days; 7 before: 13 days, at 10:00 Belgrade (UTC+1).
  const { instruction, counts } = await step({}, { purchases, customer: { timezone: 'Europe/Belgrade' } });
  expect(instruction).toEqual({ kind: 'sleepUntil', until: new Date('2026-01-18T09:00:00Z'), branch: 'out' });
  expect(counts).toEqual({ own_history: 1 });
});

it('falls back to the product’s cycle, then the category’s, then the card’s days; the earliest product wins', async () => {
  const purchases = [{ productId: 'serum', category: 'Cosmetics > Skin', at: ago(1) }, { productId: 'cream', category: 'Cosmetics', at: ago(1) }];
  const product = await step({}, { purchases, buyingCycles: { products: { serum: 70, cream: 30 } } });
  expect(product.instruction).toMatchObject({ until: new Date('2026-01-27T10:00:00Z') });
  expect(product.counts).toEqual({ product_cycle: 1 });
  const category = await step({ for: 'order-categories', leadDays: 0, atHour: 8 }, { purchases, buyingCycles: { categories: { cosmetics: 84, 'Cosmetics > Skin': 56 } } });
  expect(category.instruction).toMatchObject({ until: new Date('2026-03-01T08:00:00Z') });
  expect(category.counts).toEqual({ category_cycle: 1 });
  const fallback = await step({ for: 'product', value: 'ball', leadDays: 0 });
  expect(fallback.instruction).toMatchObject({ until: new Date('2026-03-06T10:00:00Z') });
  expect(fallback.counts).toEqual({ fallback: 1 });
});

it('goes on at once when the moment has passed, counting it overdue', async () => {
  const purchases = [{ productId: 'serum', category: 'Cosmetics > Skin', at: ago(200) }];
  const { instruction, counts } = await step({}, { purchases, buyingCycles: { products: { serum: 70 } } });
  expect(instruction).toEqual({ kind: 'next', branch: 'out' });
  expect(counts).toEqual({ product_cycle: 1, overdue: 1 });
});

it('with no order that started the run, waits the fallback from now', async () => {
  const { ctx, effects } = createTestContext({ now: NOW });
  expect(await waitReplenishment.execute!(ctx, base)).toMatchObject({ until: new Date('2026-02-27T10:00:00Z') });
  expect(effects.counts).toEqual({ fallback: 1 });
});

it('needs a product or category when one is chosen, and whole days', () => {
  expect(configIssues(waitReplenishment, { ...base, for: 'category', value: ' ' }, 'ru').map((i) => i.message)).toEqual(['Укажите ID товара или категорию']);
  expect(configIssues(waitReplenishment, { ...base, leadDays: 1.5, fallbackDays: 0 }, 'sl').map((i) => i.message)).toEqual(['Vpišite celo število dni', 'Najmanj 1 dan']);
  expect(configIssues(waitReplenishment, base)).toEqual([]);
});

it('says what it waits for on the card', () => {
  expect(summaryOf(waitReplenishment, base)).toBe('Until 7 days before the predicted next purchase of the order’s products, at 10:00 (otherwise 60 days after the purchase)');
  expect(summaryOf(waitReplenishment, { ...base, for: 'category', value: 'Cosmetics', leadDays: 0 }, 'sr-Cyrl'))
    .toBe('До очекиване следеће куповине из категорије „Cosmetics“, у 10:00 (иначе 60 дана после куповине)');
  expect(summaryOf(waitReplenishment, { ...base, leadDays: 1 }, 'sr-Latn')).toBe('Do 1 dan pre očekivane sledeće kupovine proizvoda iz porudžbine, u 10:00 (inače 60 dana posle kupovine)');
  expect(summaryOf(waitReplenishment, { ...base, leadDays: 2 }, 'sl')).toBe('Do 2 dneva pred predvidenim naslednjim nakupom izdelkov iz naročila, ob 10:00 (sicer 60 dni po nakupu)');
  expect(summaryOf(waitReplenishment, { ...base, for: 'product', value: 'prod_1', leadDays: 5 }, 'ru'))
    .toBe('За 5 дней до ожидаемой следующей покупки товара «prod_1», в 10:00 (иначе через 60 дней после покупки)');
});

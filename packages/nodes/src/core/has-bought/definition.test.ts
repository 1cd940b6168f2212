import { configIssues, createTestContext, summaryOf } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { hasBought } from './definition';

const purchases = [
  { productId: 'prod_serum', category: 'Skin care > Serums', brand: 'Nivea', at: new Date('2025-12-01T10:00:00Z') },
  { productId: 'prod_drill', category: 'Tools', brand: 'Bosch', at: new Date('2024-06-01T10:00:00Z') },
];
const branch = async (c: Parameters<NonNullable<typeof hasBought.execute>>[1]) => {
  const { ctx } = createTestContext({ purchases });
  return hasBought.execute!(ctx, c);
};

it('branches yes for a product, a category (with its sub-categories) or a brand bought, in the window when one is set', async () => {
  expect(await branch({ what: 'category', value: 'skin care', withinDays: 0 })).toEqual({ kind: 'next', branch: 'yes' });
  expect(await branch({ what: 'brand', value: 'BOSCH', withinDays: 0 })).toEqual({ kind: 'next', branch: 'yes' });
  // The test clock is 2026-01-05: the drill was bought long before the last 90 days, the serum within them.
  expect(await branch({ what: 'brand', value: 'Bosch', withinDays: 90 })).toEqual({ kind: 'next', branch: 'no' });
  expect(await branch({ what: 'product', value: 'prod_serum', withinDays: 90 })).toEqual({ kind: 'next', branch: 'yes' });
  expect(await branch({ what: 'category', value: 'Skin', withinDays: 0 })).toEqual({ kind: 'next', branch: 'no' });
});

it('needs something to look for, and whole days', () => {
  expect(configIssues(hasBought, { what: 'brand', value: ' ', withinDays: 1.5 }, 'ru').map((i) => i.message))
    .toEqual(['Укажите категорию, бренд или ID товара', 'Целое число дней']);
});

it('says what it looks for on the card', () => {
  expect(summaryOf(hasBought, { what: 'category', value: 'Skin care', withinDays: 90 })).toBe('Bought from category “Skin care” in the last 90 days?');
  expect(summaryOf(hasBought, { what: 'brand', value: 'Nivea', withinDays: 0 }, 'sr-Latn')).toBe('Kupio od brenda „Nivea“?');
  expect(summaryOf(hasBought, { what: 'product', value: 'prod_1', withinDays: 21 }, 'ru')).toBe('Покупал товар «prod_1» за последние 21 день?');
});

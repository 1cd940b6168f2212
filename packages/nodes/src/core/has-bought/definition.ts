import { defineNodeType, next } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const WHAT = [
  { value: 'category', label: 'From a category' },
  { value: 'brand', label: 'From a brand' },
  { value: 'product', label: 'A product' },
] as const;

const config = z.object({
  what: z.enum(['category', 'brand', 'product']).meta({ label: 'Has bought', widget: 'select', options: [...WHAT] }),
  value: z.string().trim().min(1, 'Enter the category, brand or product ID').max(300, 'At most 300 characters')
    .meta({ label: 'Category, brand or product ID', placeholder: 'e.g. Skin care', help: 'As your shop names it; a category includes its sub-categories' }),
  withinDays: z.number({ error: 'Enter a number of days' }).int('Use whole days').min(0, 'Use 0 or more days').max(36_500, 'At most 36500 days')
    .meta({ label: 'In the last (days)', help: '0: ever' }),
});
export type HasBoughtConfig = z.output<typeof config>;

/**
 * Whether the customer bought a product, or anything of a category or brand, ever or lately.
 * Asked through services.orders: the engine answers every run of a batch asking the same
 * question with one query over the purchases index, so the step costs no query of its own.
 */
export const hasBought = defineNodeType({
  id: 'core/has-bought',
  version: 1,
  category: 'condition',
  config,
  defaults: { what: 'category', value: '', withinDays: 0 },
  ui: {
    label: 'Condition: has bought',
    description: 'Sends customers who bought the product, or from the category or brand, down “Yes”, everyone else down “No”.',
    icon: 'split',
    color: 'sky',
    branches: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  execute: async (ctx, c) => {
    const bought = await ctx.services.orders.hasBought({ what: c.what, value: c.value, ...(c.withinDays > 0 ? { withinDays: c.withinDays } : {}) });
    return next(bought ? 'yes' : 'no');
  },
  translations,
});

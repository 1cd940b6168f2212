import { defineNodeType, localParts, next, NodeError, sleepUntil, zonedTime, type ExecContext, type PurchasePredictionRequest } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries } from './summaries';
import { translations } from './translations';

const FOR = [
  { value: 'order-products', label: 'the products of the order that started the journey' },
  { value: 'order-categories', label: 'the categories of the order that started the journey' },
  { value: 'product', label: 'a product' },
  { value: 'category', label: 'a category' },
] as const;
const CHOSEN = { for: ['product', 'category'] };

const config = z.object({
  for: z.enum(['order-products', 'order-categories', 'product', 'category']).meta({ label: 'Predict the next purchase of', widget: 'select', options: [...FOR] }),
  value: z.string().trim().max(300, 'At most 300 characters').default('').meta({
    label: 'Product ID or category', placeholder: 'e.g. Cosmetics', showIf: CHOSEN,
    help: 'As your shop names it; a category includes its sub-categories',
  }),
  leadDays: z.number({ error: 'Enter a number of days' }).int('Use whole days').min(0, 'Use 0 or more days').max(365, 'At most 365 days')
    .meta({ label: 'Days before the predicted purchase', help: 'Remind a little before it runs out' }),
  atHour: z.number().int('Use a whole hour').min(0, 'Hour is 0–23').max(23, 'Hour is 0–23').meta({
    label: 'At', widget: 'select', help: 'In the customer’s own time zone',
    options: Array.from({ length: 24 }, (_, h) => ({ value: h, label: `${String(h).padStart(2, '0')}:00` })),
  }),
  fallbackDays: z.number({ error: 'Enter a number of days' }).int('Use whole days').min(1, 'At least 1 day').max(3650, 'At most 3650 days')
    .meta({ label: 'Otherwise wait (days after the purchase)', help: 'When neither the customer’s history nor a buying cycle predicts it' }),
}).superRefine((c, issue) => {
  if ((c.for === 'product' || c.for === 'category') && c.value === '') {
    issue.addIssue({ code: 'custom', path: ['value'], message: 'Enter the product ID or category' });
  }
});
export type ReplenishmentConfig = z.output<typeof config>;

/** What to predict for: the trigger order's products (or their categories), or the card's choice. */
function question(ctx: ExecContext, c: ReplenishmentConfig): PurchasePredictionRequest {
  if (c.for === 'product' || c.for === 'category') return { what: c.for, values: [c.value], fallbackDays: c.fallbackDays };
  const products = ctx.run.trigger?.properties.products;
  const lines = Array.isArray(products) ? products.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null) : [];
  const field = c.for === 'order-products' ? 'product_id' : 'category';
  const values = lines.map((p) => p[field]).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
  return { what: c.for === 'order-products' ? 'product' : 'category', values, fallbackDays: c.fallbackDays };
}

/**
 * Waits until shortly before the customer is expected to buy again, per customer and product:
 * their own rhythm when they have one, else the product's or category's buying cycle, else the
 * card's fallback (services.orders.predictNextPurchase; the engine answers a batch with one
 * query). The moment is `leadDays` before it, at `atHour` on the customer's clock; a moment
 * already past goes on at once. Each run counts the rule that predicted it.
 */
export const waitReplenishment = defineNodeType({
  id: 'core/wait-replenishment',
  version: 1,
  category: 'wait',
  config,
  defaults: { for: 'order-products', value: '', leadDays: 7, atHour: 10, fallbackDays: 60 },
  ui: {
    label: 'Replenishment wait',
    description: 'Waits until a little before the customer is likely to buy the product again: from their own purchases, else the buying cycle of the product or its category.',
    icon: 'hourglass',
    color: 'amber',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale) => summarize(summaries, c, locale),
  },
  counters: [
    { id: 'own_history', label: 'Own history' },
    { id: 'product_cycle', label: 'Product cycle' },
    { id: 'category_cycle', label: 'Category cycle' },
    { id: 'fallback', label: 'Fallback' },
    { id: 'overdue', label: 'Already due', tone: 'bad' },
  ],
  execute: async (ctx, c) => {
    const prediction = await ctx.services.orders.predictNextPurchase(question(ctx, c));
    if (!prediction) throw new NodeError('No prediction although a fallback is set', { code: 'permanent' });
    ctx.count(prediction.rule);
    const tz = ctx.customer.timezone;
    const day = localParts(new Date(prediction.at.getTime() - c.leadDays * 86_400_000), tz);
    const at = zonedTime(tz, day.year, day.month, day.day, c.atHour);
    if (at > ctx.now()) return sleepUntil(at);
    ctx.count('overdue');
    return next();
  },
  translations,
});

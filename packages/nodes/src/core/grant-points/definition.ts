import { defineNodeType, next } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const config = z.object({
  amount: z.number().int('Points are whole numbers').min(1, 'Grant at least 1 point').max(1_000_000, 'At most 1,000,000 points')
    .meta({ label: 'Points' }),
  reason: z.string().trim().min(1, 'Say why, the customer sees it in their points history').max(200)
    .meta({ label: 'Reason', help: 'Shown in the loyalty ledger' }),
});
export type GrantPointsConfig = z.output<typeof config>;

export const grantPoints = defineNodeType({
  id: 'core/grant-points',
  version: 1,
  category: 'action',
  config,
  defaults: { amount: 10, reason: 'Thank you for your order' },
  ui: {
    label: 'Grant loyalty points',
    description: 'Adds points to the customer’s loyalty balance.',
    icon: 'star',
    color: 'rose',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  counters: [{ id: 'points', label: 'Points granted', tone: 'good' }],
  execute: async (ctx, c) => {
    await ctx.services.points.grant(c.amount, c.reason);
    return next();
  },
  translations,
});

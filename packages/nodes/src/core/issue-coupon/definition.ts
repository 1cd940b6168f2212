import { defineNodeType, next } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { describeCoupon } from './describe';
import { summaries, translations } from './translations';

const kinds = [
  { value: 'percent', label: 'Percent off' },
  { value: 'fixed', label: 'Fixed amount off' },
  { value: 'free_shipping', label: 'Free shipping' },
] as const;

const config = z.object({
  kind: z.enum(['percent', 'fixed', 'free_shipping']).meta({ label: 'Discount', widget: 'select', options: [...kinds] }),
  value: z.number({ error: 'Enter the discount as a number' }).positive('The discount must be more than 0').max(100_000)
    .meta({ label: 'Value', help: 'Percent off, or the amount off in your shop’s currency', showIf: { kind: ['percent', 'fixed'] } }),
  // Upper-cased when issued; letters and digits only, so a code survives being typed.
  prefix: z.string().trim().max(12, 'Keep the prefix to 12 characters').regex(/^[A-Za-z0-9]*$/, 'The prefix may hold only letters and digits')
    .meta({ label: 'Code prefix', help: 'Put before the random part, e.g. WINBACK → WINBACK-7KQ2M9XH4TPA' }),
  validDays: z.number().int('Use whole days').min(1, 'Valid for at least 1 day').max(730, 'At most 730 days')
    .meta({ label: 'Valid for (days)' }),
  minOrderTotal: z.number().min(0, 'The minimum order must not be negative').max(1_000_000)
    .meta({ label: 'Minimum order total', help: '0: any order' }),
  description: z.string().trim().max(200, 'Keep the description under 200 characters')
    .refine((s) => !/[\r\n]/.test(s), 'The description must be a single line')
    .meta({ label: 'Description', help: 'Shown in emails as {{ coupon.description }}; empty: written for you, e.g. “10% off your next order”' }),
}).superRefine((c, ctx) => {
  if (c.kind === 'percent' && c.value > 100) ctx.addIssue({ code: 'custom', path: ['value'], message: 'A percent discount is at most 100' });
});

export type IssueCouponConfig = z.output<typeof config>;

export const issueCoupon = defineNodeType({
  id: 'core/issue-coupon',
  version: 1,
  category: 'action',
  config,
  defaults: { kind: 'percent', value: 10, prefix: 'THANKS', validDays: 30, minOrderTotal: 0, description: '' },
  ui: {
    label: 'Issue coupon',
    description: 'Gives the customer a unique discount code; later emails show it as {{ coupon.code }}.',
    icon: 'ticket',
    color: 'indigo',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  counters: [{ id: 'issued', label: 'Issued' }, { id: 'redeemed', label: 'Redeemed', tone: 'good' }],
  execute: async (ctx, c) => {
    await ctx.services.coupons.issue({
      kind: c.kind, value: c.kind === 'free_shipping' ? 0 : c.value, prefix: c.prefix.toUpperCase(), validDays: c.validDays,
      minOrderTotal: c.minOrderTotal, description: c.description || describeCoupon(c),
    });
    return next();
  },
  translations,
});

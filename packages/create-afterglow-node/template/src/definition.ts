// Points for the order: grants loyalty points in proportion to the total of the order that
// started the run (an "Order Completed" trigger), up to a cap. Its config's zod schema gives
// the form in the journey editor, the validation when a journey is published, and the type of
// `config` in execute. Keep `id` forever; change `version` (with a migration) when the config does.
import { defineNodeType, next, propertyAt } from '@afterglow/node-sdk';
import { z } from 'zod';

const config = z.object({
  pointsPerUnit: z.number().positive('Give more than 0 points').max(100, 'At most 100 points per 1 spent')
    .meta({ label: 'Points per 1 spent', help: 'E.g. 0.1: 10 points for an order of 100', unit: 'points' }),
  maxPoints: z.number().int('A whole number').min(1, 'At least 1 point').max(100_000)
    .meta({ label: 'At most', unit: 'points' }),
  totalProperty: z.string().trim().min(1, 'Name the property').max(100)
    .meta({ label: 'Order total', help: 'The property of the triggering event that holds the total, e.g. total or order.total' }),
});

export const orderPoints = defineNodeType({
  id: '__NAMESPACE__/order-points',
  version: 1,
  category: 'action',
  config,
  defaults: { pointsPerUnit: 1, maxPoints: 500, totalProperty: 'total' },
  ui: {
    label: 'Points for the order',
    description: 'Grants loyalty points in proportion to the order that started the journey.',
    icon: 'star',
    color: 'amber',
    branches: [{ id: 'rewarded', label: 'Rewarded' }, { id: 'skipped', label: 'No order total' }],
    summary: (c) => `${c.pointsPerUnit} per 1 spent, at most ${c.maxPoints} points`,
  },
  // Shown on the canvas card; `ctx.count` adds to them.
  counters: [
    { id: 'rewarded', label: 'Customers rewarded', tone: 'good' },
    { id: 'points', label: 'Points granted' },
  ],
  execute: async (ctx, c) => {
    const total = Number(propertyAt(ctx.run.trigger?.properties ?? {}, c.totalProperty));
    const points = Number.isFinite(total) ? Math.min(Math.floor(total * c.pointsPerUnit), c.maxPoints) : 0;
    if (points < 1) return next('skipped');
    await ctx.services.points.grant(points, 'Points for your order');
    ctx.count('rewarded');
    ctx.count('points', points);
    return next('rewarded');
  },
});

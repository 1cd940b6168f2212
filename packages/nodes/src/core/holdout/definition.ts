import { defineNodeType, next } from '@afterglow/node-sdk';
import { z } from 'zod';
import { assignmentOf } from '../../shared/assignment';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const config = z.object({
  percent: z.number().int('Use a whole percent').min(1, 'Hold out at least 1%').max(90, 'Hold out at most 90%').meta({
    label: 'Hold out',
    unit: '%',
    help: 'This share of customers gets no emails, points, coupons or other effects from here on, but walks on and is still tracked, to measure what the journey adds',
  }),
});
export type HoldoutConfig = z.output<typeof config>;

export const holdout = defineNodeType({
  id: 'core/holdout',
  version: 1,
  category: 'condition',
  config,
  defaults: { percent: 10 },
  ui: {
    label: 'Holdout',
    description: 'Keeps a share of customers as a control group: they get nothing from here on, so the journey’s lift can be measured.',
    icon: 'chart',
    color: 'sky',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  // Held out by a hash of the run and the step, so a step executed again decides the same way.
  // The engine withholds every later effect of the run and counts it (ctx.holdOut()).
  execute: async (ctx, c) => {
    if ((await assignmentOf(ctx.run.id, ctx.nodeId)) < c.percent / 100) ctx.holdOut();
    return next();
  },
  translations,
});

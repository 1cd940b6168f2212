import { defineNodeType, next } from '@afterglow/node-sdk';
import { z } from 'zod';
import { assignmentOf, pickWeighted } from '../../shared/assignment';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

/**
 * Branch ids by the arm's place in the list: renaming an arm or changing its share keeps its
 * connection. The arms' names are the marketer's own words, shown as written.
 */
const ARM_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;

const arm = z.object({
  name: z.string().trim().min(1, 'Name the arm').max(30, 'Keep the name to 30 characters')
    .meta({ label: 'Name', placeholder: 'e.g. With a coupon' }),
  weight: z.number().int('Use a whole percent').min(1, 'At least 1%').max(99, 'At most 99%')
    .meta({ label: 'Share of entrants', unit: '%' }),
});

const config = z.object({
  arms: z.array(arm).min(2, 'Split into at least 2 arms').max(ARM_IDS.length, 'At most 10 arms').meta({
    label: 'Arms',
    help: 'Each customer who arrives goes down one arm, at random in these shares; a run always keeps its arm',
  }),
}).superRefine((c, ctx) => {
  const total = c.arms.reduce((sum, a) => sum + a.weight, 0);
  // One arm is already refused: its share is not the problem to name.
  if (c.arms.length >= 2 && total !== 100) ctx.addIssue({ code: 'custom', path: ['arms'], message: `The shares add up to ${total}%: make them 100%` });
  const names = new Set<string>();
  c.arms.forEach((a, i) => {
    const name = a.name.toLocaleLowerCase();
    if (names.has(name)) ctx.addIssue({ code: 'custom', path: ['arms', i, 'name'], message: 'Give each arm a name of its own' });
    names.add(name);
  });
});
export type AbSplitConfig = z.output<typeof config>;

export const abSplit = defineNodeType({
  id: 'core/ab-split',
  version: 1,
  category: 'condition',
  config,
  defaults: { arms: [{ name: 'A', weight: 50 }, { name: 'B', weight: 50 }] },
  ui: {
    label: 'A/B split',
    description: 'Sends each customer down one of several arms at random, in the shares you set, to compare what works.',
    icon: 'split',
    color: 'sky',
    branches: (c) => c.arms.map((a, i) => ({ id: ARM_IDS[i], label: a.name })),
    summary: (c, locale) => summarize(summaries, c, locale),
  },
  // A hash of the run and the step: a run executed again (after a crash) takes the same arm.
  execute: async (ctx, c) => next(ARM_IDS[pickWeighted(await assignmentOf(ctx.run.id, ctx.nodeId), c.arms.map((a) => a.weight))]),
  translations,
});

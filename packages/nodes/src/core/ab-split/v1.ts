// Version 1 of the A/B split, kept unchanged so journeys published on it keep running it: its
// branches go by the arm's place in the list (a, b, c…), so removing an arm moved the
// connections of the arms below it. Version 2 (definition.ts) gives each arm an id of its own.
import { defineNodeType, next } from '@afterglow/node-sdk';
import { z } from 'zod';
import { assignmentOf, pickWeighted } from '../../shared/assignment';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

/** Branch ids by the arm's place in the list; version 2's migration gives the arms these ids. */
export const ARM_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;

/** An arm's name and share; version 2 adds its id. */
export const armFields = z.object({
  name: z.string().trim().min(1, 'Name the arm').max(30, 'Keep the name to 30 characters')
    .meta({ label: 'Name', placeholder: 'e.g. With a coupon' }),
  weight: z.number().int('Use a whole percent').min(1, 'At least 1%').max(99, 'At most 99%')
    .meta({ label: 'Share of entrants', unit: '%' }),
});

const config = z.object({
  arms: z.array(armFields).min(2, 'Split into at least 2 arms').max(ARM_IDS.length, 'At most 10 arms').meta({
    label: 'Arms',
    help: 'Each customer who arrives goes down one arm, at random in these shares; a run always keeps its arm',
  }),
}).superRefine((c, ctx) => armIssues(c.arms, ctx));

/** Shares that do not add up to 100, and names given twice (the check ignores case). */
export function armIssues(arms: readonly { name: string; weight: number }[], ctx: z.RefinementCtx): void {
  const total = arms.reduce((sum, a) => sum + a.weight, 0);
  // One arm is already refused: its share is not the problem to name.
  if (arms.length >= 2 && total !== 100) ctx.addIssue({ code: 'custom', path: ['arms'], message: `The shares add up to ${total}%: make them 100%` });
  const names = new Set<string>();
  arms.forEach((a, i) => {
    const name = a.name.toLocaleLowerCase();
    if (names.has(name)) ctx.addIssue({ code: 'custom', path: ['arms', i, 'name'], message: 'Give each arm a name of its own' });
    names.add(name);
  });
}

export const abSplitV1 = defineNodeType({
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

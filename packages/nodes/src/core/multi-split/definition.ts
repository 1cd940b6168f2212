import { defineNodeType, next, type BranchSpec } from '@afterglow/node-sdk';
import { z } from 'zod';
import { conditionHolds } from '../../shared/condition/evaluate';
import { conditionIssues, conditionShape } from '../../shared/condition/schema';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const rule = z.object({
  name: z.string().trim().min(1, 'Name the rule').max(40, 'At most 40 characters')
    .meta({ label: 'Branch name', placeholder: 'e.g. VIP', help: 'Shown on the branch' }),
  ...conditionShape,
});

const config = z.object({
  rules: z.array(rule).min(1, 'Add a rule').max(10, 'At most 10 rules')
    .meta({ label: 'Rules', widget: 'list', help: 'Checked in order: each customer takes the first rule that holds, else “Everyone else”' }),
}).superRefine((c, ctx) => {
  const seen = new Set<string>();
  c.rules.forEach((r, i) => {
    conditionIssues(r, (path, message) => ctx.addIssue({ code: 'custom', path: ['rules', i, ...path], message }));
    if (seen.has(branchId(r.name))) ctx.addIssue({ code: 'custom', path: ['rules', i, 'name'], message: 'Give each rule its own name' });
    seen.add(branchId(r.name));
  });
});
export type MultiSplitConfig = z.output<typeof config>;

/**
 * A rule's branch is named after the rule, not its place in the list: removing or reordering
 * rules keeps every connection where it was; renaming one leaves its connection to redraw,
 * which publishing names, rather than sending customers down another branch unnoticed.
 */
const branchId = (name: string) => `rule:${name.trim().toLowerCase()}`;

const branches = (c: MultiSplitConfig): BranchSpec[] =>
  [...c.rules.map((r) => ({ id: branchId(r.name), label: r.name })), { id: 'else', label: 'Everyone else' }];

/** The first of N named rules (each a property condition) that holds, else “Everyone else”. */
export const multiSplit = defineNodeType({
  id: 'core/multi-split',
  version: 1,
  category: 'condition',
  config,
  defaults: { rules: [] },
  ui: {
    label: 'Split by rules',
    description: 'Sends each customer down the branch of the first rule that holds for them, or down “Everyone else”.',
    icon: 'split',
    color: 'sky',
    branches,
    summary: (c, locale) => summarize(summaries, c, locale),
  },
  execute: (ctx, c) => {
    const match = c.rules.find((r) => conditionHolds(ctx, r));
    return next(match ? branchId(match.name) : 'else');
  },
  translations,
});

// Version 1 of Split by rules, kept unchanged so journeys published on it keep running it: a
// rule's branch is its name (rule:<name in lower case>), so renaming a rule disconnected it.
// Version 2 (definition.ts) gives each rule an id of its own.
import { defineNodeType, next, type BranchSpec } from '@afterglow/node-sdk';
import { z } from 'zod';
import { conditionHolds } from '../../shared/condition/evaluate';
import { conditionIssues, conditionShape } from '../../shared/condition/schema';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

/** A rule's name and condition; version 2 adds its id. */
export const ruleFields = z.object({
  name: z.string().trim().min(1, 'Name the rule').max(40, 'At most 40 characters')
    .meta({ label: 'Branch name', placeholder: 'e.g. VIP', help: 'Shown on the branch' }),
  ...conditionShape,
});

const config = z.object({
  rules: z.array(ruleFields).min(1, 'Add a rule').max(10, 'At most 10 rules')
    .meta({ label: 'Rules', widget: 'list', help: 'Checked in order: each customer takes the first rule that holds, else “Everyone else”' }),
}).superRefine((c, ctx) => ruleIssues(c.rules, ctx));

/** Each rule's condition's problems at its place, and names given twice (the check ignores case). */
export function ruleIssues(rules: readonly z.output<typeof ruleFields>[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    conditionIssues(r, (path, message) => ctx.addIssue({ code: 'custom', path: ['rules', i, ...path], message }));
    if (seen.has(branchId(r.name))) ctx.addIssue({ code: 'custom', path: ['rules', i, 'name'], message: 'Give each rule its own name' });
    seen.add(branchId(r.name));
  });
}
type MultiSplitConfig = z.output<typeof config>;

/** A rule's branch by its name; version 2's migration keeps these ids (its rule ids are the lower-case names). */
export const branchId = (name: string) => `rule:${name.trim().toLowerCase()}`;

const branches = (c: MultiSplitConfig): BranchSpec[] =>
  [...c.rules.map((r) => ({ id: branchId(r.name), label: r.name })), { id: 'else', label: 'Everyone else' }];

/** The first of N named rules (each a property condition) that holds, else “Everyone else”. */
export const multiSplitV1 = defineNodeType({
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

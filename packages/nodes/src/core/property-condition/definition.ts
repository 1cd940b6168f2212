import { defineNodeType, next } from '@afterglow/node-sdk';
import { conditionHolds } from '../../shared/condition/evaluate';
import { conditionDefaults, conditionIssues, conditionSchema } from '../../shared/condition/schema';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const config = conditionSchema.superRefine((c, ctx) =>
  conditionIssues(c, (path, message) => ctx.addIssue({ code: 'custom', path, message })));

/**
 * A yes/no question about the customer, the event that started the run, what earlier steps
 * stored, or the order's value: answered from the step's own data, with no saved segment and
 * no query.
 */
export const propertyCondition = defineNodeType({
  id: 'core/property-condition',
  version: 1,
  category: 'condition',
  config,
  defaults: conditionDefaults,
  ui: {
    label: 'Condition: property',
    description: 'Sends customers down “Yes” when a field of theirs, of the event or of the order meets the condition, everyone else down “No”.',
    icon: 'split',
    color: 'sky',
    branches: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  execute: (ctx, c) => next(conditionHolds(ctx, c) ? 'yes' : 'no'),
  translations,
});

import { defineNodeType, next } from '@afterglow/node-sdk';
import { z } from 'zod';
import { segmentIdField, segmentMustExist } from '../../shared/segments';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const config = z.object({ segmentId: segmentIdField() });

export const segmentCondition = defineNodeType({
  id: 'core/segment-condition',
  version: 1,
  category: 'condition',
  config,
  defaults: { segmentId: '' },
  ui: {
    label: 'Condition: in segment',
    description: 'Sends customers in the segment down “Yes”, everyone else down “No”.',
    icon: 'split',
    color: 'sky',
    branches: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  execute: async (ctx, c) => next((await ctx.services.segments.isMember(c.segmentId)) ? 'yes' : 'no'),
  check: (c, ctx) => segmentMustExist(c.segmentId, ctx),
  translations,
});

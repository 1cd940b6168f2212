import { defineNodeType } from '@afterglow/node-sdk';
import { z } from 'zod';
import { segmentChangeTrigger, segmentIdField, segmentMustExist } from '../../shared/segments';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

export const triggerSegmentLeft = defineNodeType({
  id: 'core/trigger-segment-left',
  version: 1,
  category: 'trigger',
  config: z.object({ segmentId: segmentIdField() }),
  defaults: { segmentId: '' },
  ui: {
    label: 'Leaves segment',
    description: 'Starts the journey when a customer stops matching a segment, e.g. has not ordered for 90 days.',
    icon: 'segments',
    color: 'violet',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  trigger: segmentChangeTrigger('segment_left'),
  check: (c, ctx) => segmentMustExist(c.segmentId, ctx),
  translations,
});

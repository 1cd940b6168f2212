import { defineNodeType } from '@afterglow/node-sdk';
import { z } from 'zod';
import { segmentChangeTrigger, segmentIdField, segmentMustExist } from '../../shared/segments';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

export const triggerSegmentEntered = defineNodeType({
  id: 'core/trigger-segment-entered',
  version: 1,
  category: 'trigger',
  config: z.object({ segmentId: segmentIdField() }),
  defaults: { segmentId: '' },
  ui: {
    label: 'Enters segment',
    description: 'Starts the journey when a customer starts matching a segment, e.g. becomes a VIP.',
    icon: 'segments',
    color: 'violet',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  trigger: segmentChangeTrigger('segment_entered'),
  check: (c, ctx) => segmentMustExist(c.segmentId, ctx),
  translations,
});

import { defineNodeType } from '@afterglow/node-sdk';
import { z } from 'zod';
import { segmentIdField, segmentMustExist } from '../../shared/segments';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const config = z.object({
  segmentId: segmentIdField('Choose the segment to send to'),
  startAt: z.string().trim().max(40)
    .refine((s) => s === '' || !Number.isNaN(Date.parse(s)), 'Use a date and time such as 2026-12-01T09:00Z, or leave empty')
    .meta({ label: 'Start at', widget: 'datetime', help: 'Empty: as soon as the journey is published' }),
});
export type BroadcastConfig = z.output<typeof config>;

export const triggerBroadcast = defineNodeType({
  id: 'core/trigger-broadcast',
  version: 1,
  category: 'trigger',
  config,
  defaults: { segmentId: '', startAt: '' },
  ui: {
    label: 'Broadcast to segment',
    description: 'Starts the journey once for everyone in a segment, e.g. a weekly promotion or a pre-order invitation.',
    icon: 'megaphone',
    color: 'violet',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  trigger: {
    eventName: () => null,
    matches: () => false,
    entryKey: () => 'broadcast',
    audience: (c) => ({ segmentId: c.segmentId, startAt: c.startAt ? new Date(c.startAt) : null }),
  },
  check: (c, ctx) => segmentMustExist(c.segmentId, ctx),
  translations,
});

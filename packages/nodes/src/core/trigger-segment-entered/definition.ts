import { defineNodeType, normalizeEventName } from '@afterglow/node-sdk';
import { z } from 'zod';

// The engine's membership check emits `segment_entered` with the segment id whenever a
// customer starts matching a saved segment; this trigger enrols on those events.
const EVENT = 'segment_entered';

const config = z.object({
  segmentId: z.string().min(1, 'Choose a segment').meta({ label: 'Segment', widget: 'segment' }),
});

export const triggerSegmentEntered = defineNodeType({
  id: 'core/trigger-segment-entered',
  version: 1,
  category: 'trigger',
  config,
  defaults: { segmentId: '' },
  ui: {
    label: 'Enters segment',
    description: 'Starts the journey when a customer starts matching a segment, e.g. becomes a VIP.',
    icon: 'segments',
    color: 'violet',
    branches: [{ id: 'out', label: 'Then' }],
    summary: () => 'When the customer enters the segment',
  },
  trigger: {
    eventName: () => EVENT,
    matches: (event, c) => normalizeEventName(event.name) === EVENT && event.properties.segmentId === c.segmentId,
    // Every entry is its own: leaving and entering again enrols again.
    entryKey: (event) => `segment:${event.messageId}`,
  },
  check: async (c, ctx) =>
    (await ctx.segmentExists(c.segmentId)) ? [] : [{ field: 'segmentId', message: `Segment ${c.segmentId} does not exist` }],
});

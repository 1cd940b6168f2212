import { defineNodeType, normalizeEventName } from '@afterglow/node-sdk';
import { z } from 'zod';

// The engine's membership check emits `segment_left` with the segment id whenever a
// customer stops matching a saved segment; this trigger enrols on those events.
const EVENT = 'segment_left';

const config = z.object({
  segmentId: z.string().min(1, 'Choose a segment').meta({ label: 'Segment', widget: 'segment' }),
});

export const triggerSegmentLeft = defineNodeType({
  id: 'core/trigger-segment-left',
  version: 1,
  category: 'trigger',
  config,
  defaults: { segmentId: '' },
  ui: {
    label: 'Leaves segment',
    description: 'Starts the journey when a customer stops matching a segment, e.g. has not ordered for 90 days.',
    icon: 'segments',
    color: 'violet',
    branches: [{ id: 'out', label: 'Then' }],
    summary: () => 'When the customer leaves the segment',
  },
  trigger: {
    eventName: () => EVENT,
    matches: (event, c) => normalizeEventName(event.name) === EVENT && event.properties.segmentId === c.segmentId,
    // Every entry is its own: entering and leaving again enrols again.
    entryKey: (event) => `segment:${event.messageId}`,
  },
  check: async (c, ctx) =>
    (await ctx.segmentExists(c.segmentId)) ? [] : [{ field: 'segmentId', message: `Segment ${c.segmentId} does not exist` }],
});

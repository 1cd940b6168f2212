// Pieces every segment-based node type shares: the segment picker field, the publish check
// that the segment exists, and triggers on the engine's membership-change events.
import { normalizeEventName, type CheckContext, type ConfigIssue, type TriggerBehaviour } from '@afterglow/node-sdk';
import { z } from 'zod';

/** A segment deleted since the step was set up (said without its id: the marketer never saw one). */
const SEGMENT_GONE = 'The segment no longer exists: choose another';

export const segmentIdField = (message = 'Choose a segment') =>
  z.string().min(1, message).meta({ label: 'Segment', widget: 'segment' });

export async function segmentMustExist(segmentId: string, ctx: CheckContext): Promise<ConfigIssue[]> {
  return (await ctx.segmentExists(segmentId)) ? [] : [{ field: 'segmentId', message: SEGMENT_GONE }];
}

/**
 * Enrols on the `segment_entered` / `segment_left` events the engine's membership check
 * emits with the segment id. Every change is its own entry: leaving and entering again
 * enrols again.
 */
export function segmentChangeTrigger(event: 'segment_entered' | 'segment_left'): TriggerBehaviour<{ segmentId: string }> {
  return {
    eventName: () => event,
    matches: (e, c) => normalizeEventName(e.name) === event && e.properties.segmentId === c.segmentId,
    entryKey: (e) => `segment:${e.messageId}`,
  };
}

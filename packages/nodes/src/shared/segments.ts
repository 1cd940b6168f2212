// Pieces every segment-based node type shares: the segment picker field, the publish check
// that the segment exists, and triggers on the engine's membership-change events.
import { normalizeEventName, type CheckContext, type ConfigIssue, type TriggerBehaviour } from '@afterglow/node-sdk';
import { z } from 'zod';

export const segmentIdField = (message = 'Choose a segment') =>
  z.string().min(1, message).meta({ label: 'Segment', widget: 'segment' });

export async function segmentMustExist(segmentId: string, ctx: CheckContext): Promise<ConfigIssue[]> {
  return (await ctx.segmentExists(segmentId)) ? [] : [{ field: 'segmentId', message: `Segment ${segmentId} does not exist` }];
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

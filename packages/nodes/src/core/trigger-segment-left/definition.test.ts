import type { JourneyEvent } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { triggerSegmentLeft } from './definition';

const event = (name: string, properties: Record<string, unknown>, messageId = 'm1'): JourneyEvent =>
  ({ messageId, name, customerId: 'c1', properties, timestamp: new Date() });
const config = triggerSegmentLeft.config.parse({ segmentId: 'seg_vip' });

describe('core/trigger-segment-left', () => {
  const t = triggerSegmentLeft.trigger!;

  it('listens to segment_left events of its own segment only', () => {
    expect(t.eventName(config)).toBe('segment_left');
    expect(t.matches(event('segment_left', { segmentId: 'seg_vip' }), config)).toBe(true);
    expect(t.matches(event('segment_left', { segmentId: 'seg_other' }), config)).toBe(false);
    expect(t.matches(event('segment_entered', { segmentId: 'seg_vip' }), config)).toBe(false);
  });

  it('enrols again on every new change, once per change event', () => {
    const first = t.entryKey(event('segment_left', { segmentId: 'seg_vip' }, 'a'), config);
    expect(first).not.toBe(t.entryKey(event('segment_left', { segmentId: 'seg_vip' }, 'b'), config));
    expect(first).toBe(t.entryKey(event('segment_left', { segmentId: 'seg_vip' }, 'a'), config));
  });

  it('refuses a missing segment at publish time', () => {
    expect(() => triggerSegmentLeft.config.parse({ segmentId: '' })).toThrow(/Choose a segment/);
  });
});

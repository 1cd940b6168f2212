import { expect, it } from 'vitest';
import { triggerBroadcast } from './definition';

it('names its audience and start, and listens to no event', () => {
  const t = triggerBroadcast.trigger!;
  expect(t.audience!({ segmentId: 'seg_vip', startAt: '2026-12-01T09:00:00Z' })).toEqual({ segmentId: 'seg_vip', startAt: new Date('2026-12-01T09:00:00Z') });
  expect(t.audience!({ segmentId: 'seg_vip', startAt: '' }).startAt).toBeNull();
  expect(t.eventName({ segmentId: 'seg_vip', startAt: '' })).toBeNull();
});

it('refuses a start that is not a date', () => {
  const parsed = triggerBroadcast.config.safeParse({ segmentId: 'seg_vip', startAt: 'next tuesday' });
  expect(parsed.error?.issues[0].path).toEqual(['startAt']);
});

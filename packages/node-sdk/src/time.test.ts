import { describe, expect, it } from 'vitest';
import { localParts, nextLocalTime, zonedTime } from './time.js';

describe('time zone arithmetic', () => {
  it('finds 10:00 local on the next Monday in New York', () => {
    const from = new Date('2026-03-04T12:00:00Z'); // a Wednesday
    const at = nextLocalTime(from, 'America/New_York', 10, 1);
    expect(at.toISOString()).toBe('2026-03-09T14:00:00.000Z'); // EDT started on 8 March: UTC-4
  });

  it('stays on the wall clock across a DST change in Berlin', () => {
    const before = zonedTime('Europe/Berlin', 2026, 3, 28, 9);
    const after = zonedTime('Europe/Berlin', 2026, 3, 30, 9);
    expect(before.toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(after.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(localParts(after, 'Europe/Berlin').hour).toBe(9);
  });

  it('takes today when the hour is still ahead, tomorrow when it has passed', () => {
    const morning = new Date('2026-06-01T05:00:00Z'); // 14:00 in Tokyo
    expect(nextLocalTime(morning, 'Asia/Tokyo', 18).toISOString()).toBe('2026-06-01T09:00:00.000Z');
    expect(nextLocalTime(morning, 'Asia/Tokyo', 9).toISOString()).toBe('2026-06-02T00:00:00.000Z');
  });

  it('treats a DST gap and a repeated hour alike in every zone', () => {
    // Spring: 02:30 does not exist; it moves forward to 03:30 local.
    expect(zonedTime('Europe/Belgrade', 2026, 3, 29, 2, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedTime('America/New_York', 2026, 3, 8, 2, 30).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // Autumn: 01:30 (New York) and 02:30 (Belgrade) are shown twice; the first is meant.
    expect(zonedTime('Europe/Belgrade', 2026, 10, 25, 2, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedTime('America/New_York', 2026, 11, 1, 1, 30).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // A zone that skipped a whole day (Samoa, 30 December 2011) still lands on the next instant.
    expect(zonedTime('Pacific/Apia', 2011, 12, 30, 12).toISOString()).toBe('2011-12-30T22:00:00.000Z');
  });
});

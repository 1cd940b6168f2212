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
});

// The digest's due moment in shops west and east of UTC: Monday 08:00 local, never before the
// UTC Sunday (the rollups' last day of the week) has ended.
import { describe, expect, it } from 'vitest';
import { dueMonday, validTimeZone, weekBefore } from './local-week';

describe('dueMonday', () => {
  it('is due from Monday 08:00 in Belgrade (UTC+2 in May)', () => {
    expect(dueMonday(new Date('2026-05-11T05:59:00Z'), 'Europe/Belgrade')).toBeNull();
    expect(dueMonday(new Date('2026-05-11T06:00:00Z'), 'Europe/Belgrade')).toBe('2026-05-11');
    expect(dueMonday(new Date('2026-05-11T21:59:00Z'), 'Europe/Belgrade')).toBe('2026-05-11');
    expect(dueMonday(new Date('2026-05-11T22:00:00Z'), 'Europe/Belgrade')).toBeNull(); // Tuesday there
  });

  it('waits in Vladivostok (UTC+10) for the UTC Sunday to end: 10:00 local', () => {
    expect(dueMonday(new Date('2026-05-10T22:05:00Z'), 'Asia/Vladivostok')).toBeNull(); // Monday 08:05 there, Sunday in UTC
    expect(dueMonday(new Date('2026-05-11T00:00:00Z'), 'Asia/Vladivostok')).toBe('2026-05-11');
    expect(dueMonday(new Date('2026-05-11T13:59:00Z'), 'Asia/Vladivostok')).toBe('2026-05-11');
    expect(dueMonday(new Date('2026-05-11T14:00:00Z'), 'Asia/Vladivostok')).toBeNull(); // Tuesday there
  });

  it('is due in the afternoon UTC west of it, and in UTC itself at 08:00', () => {
    expect(dueMonday(new Date('2026-05-11T14:59:00Z'), 'America/Los_Angeles')).toBeNull();
    expect(dueMonday(new Date('2026-05-11T15:00:00Z'), 'America/Los_Angeles')).toBe('2026-05-11');
    expect(dueMonday(new Date('2026-05-11T08:00:00Z'), 'UTC')).toBe('2026-05-11');
    expect(dueMonday(new Date('2026-05-11T07:59:00Z'), 'UTC')).toBeNull();
  });

  it('covers the seven UTC days before the Monday; an unknown zone counts as UTC', () => {
    expect(weekBefore('2026-05-11')).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    expect(validTimeZone('Mars/Olympus')).toBe('UTC');
    expect(validTimeZone(undefined)).toBe('UTC');
    expect(validTimeZone('Asia/Vladivostok')).toBe('Asia/Vladivostok');
  });
});

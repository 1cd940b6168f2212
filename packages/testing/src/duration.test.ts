import { describe, expect, it } from 'vitest';
import { advanceTarget, type Advance } from './duration';

const now = new Date('2026-03-02T09:00:00Z');
const after = (by: Advance) => advanceTarget(now, by).getTime() - now.getTime();

describe('advanceTarget', () => {
  it('reads durations in words and short units', () => {
    expect(after('3 days')).toBe(3 * 86400e3);
    expect(after('2h')).toBe(2 * 3600e3);
    expect(after('90 minutes')).toBe(90 * 60e3);
    expect(after('1.5 hours')).toBe(90 * 60e3);
    expect(after('1 week')).toBe(7 * 86400e3);
    expect(after(1500)).toBe(1500);
  });

  it('moves to a date, never back', () => {
    expect(advanceTarget(now, new Date('2026-03-05T10:00:00Z'))).toEqual(new Date('2026-03-05T10:00:00Z'));
    expect(() => advanceTarget(now, new Date('2026-03-01T00:00:00Z'))).toThrow('the clock only moves forward');
    expect(() => advanceTarget(now, -1)).toThrow('cannot read -1');
  });

  it('refuses what it cannot read, naming it', () => {
    // @ts-expect-error: not a unit ms knows, refused by the type too
    expect(() => advanceTarget(now, '3 fortnights')).toThrow('cannot read "3 fortnights"');
    expect(() => advanceTarget(now, '100' as Advance)).toThrow('cannot read "100"');
    expect(() => advanceTarget(now, new Date('nonsense'))).toThrow('the date is invalid');
  });
});

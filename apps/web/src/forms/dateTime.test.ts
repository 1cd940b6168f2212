import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso, offsetText } from './dateTime';

const BELGRADE = 'Europe/Belgrade';

describe('datetime widget values in Europe/Belgrade', () => {
  it('stores the wall time with the offset in force on that day, winter and summer', () => {
    expect(localInputToIso('2026-01-15T09:00', BELGRADE)).toBe('2026-01-15T09:00:00+01:00');
    expect(localInputToIso('2026-07-15T09:00', BELGRADE)).toBe('2026-07-15T09:00:00+02:00');
    expect(localInputToIso('', BELGRADE)).toBe('');
    expect(localInputToIso('not a time', BELGRADE)).toBe('');
  });

  it('shows a stored instant as Belgrade wall time, whatever offset it was written with', () => {
    expect(isoToLocalInput('2026-07-15T09:00:00+02:00', BELGRADE)).toBe('2026-07-15T09:00');
    expect(isoToLocalInput('2026-12-01T09:00Z', BELGRADE)).toBe('2026-12-01T10:00');
    expect(isoToLocalInput('2026-07-15T09:00:00-04:00', BELGRADE)).toBe('2026-07-15T15:00');
    expect(isoToLocalInput('', BELGRADE)).toBe('');
    expect(isoToLocalInput('someday', BELGRADE)).toBe('');
  });

  it('round-trips every hour across both DST changes of 2026, with the offset of that hour', () => {
    // [day, the hours on summer time (+02:00): from, until]
    const days: [string, number, number][] = [
      ['2026-03-28', 0, 0], ['2026-03-29', 3, 24], ['2026-03-30', 0, 24],
      ['2026-10-24', 0, 24], ['2026-10-25', 0, 3], ['2026-10-26', 0, 0],
    ];
    for (const [day, summerFrom, summerUntil] of days) {
      for (let h = 0; h < 24; h++) {
        const local = `${day}T${String(h).padStart(2, '0')}:15`;
        if (local === '2026-03-29T02:15') continue; // never shown on a Belgrade clock: below
        const iso = localInputToIso(local, BELGRADE);
        const summer = h >= summerFrom && h < summerUntil;
        expect(iso).toBe(`${local}:00${summer ? '+02:00' : '+01:00'}`);
        expect(isoToLocalInput(iso, BELGRADE)).toBe(local);
      }
    }
  });

  it('moves a time skipped in spring forward by the gap (clocks go 02:00 -> 03:00 on 29 March)', () => {
    expect(localInputToIso('2026-03-29T01:59', BELGRADE)).toBe('2026-03-29T01:59:00+01:00');
    expect(localInputToIso('2026-03-29T02:30', BELGRADE)).toBe('2026-03-29T03:30:00+02:00');
    expect(localInputToIso('2026-03-29T03:00', BELGRADE)).toBe('2026-03-29T03:00:00+02:00');
  });

  it('takes the first of a time repeated in autumn (clocks go 03:00 -> 02:00 on 25 October)', () => {
    expect(localInputToIso('2026-10-25T02:30', BELGRADE)).toBe('2026-10-25T02:30:00+02:00');
    expect(new Date(localInputToIso('2026-10-25T02:30', BELGRADE)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(localInputToIso('2026-10-25T03:00', BELGRADE)).toBe('2026-10-25T03:00:00+01:00');
  });

  it('names offsets on both sides of UTC', () => {
    expect(offsetText(Date.parse('2026-07-01T00:00Z'), BELGRADE)).toBe('+02:00');
    expect(offsetText(Date.parse('2026-07-01T00:00Z'), 'America/St_Johns')).toBe('-02:30');
    expect(offsetText(Date.parse('2026-07-01T00:00Z'), 'UTC')).toBe('+00:00');
  });
});

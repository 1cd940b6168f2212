import { describe, expect, it } from 'vitest';
import { inWindow, nextAnniversary, readDate, shifted } from './moments';

const iso = (d: Date) => d.toISOString();

describe('wait: reading dates', () => {
  it('reads a calendar day, a local date-time and an instant; anything else is no date', () => {
    expect(readDate('1990-05-12')).toEqual({ kind: 'day', year: 1990, month: 5, day: 12, hour: 0, minute: 0 });
    expect(readDate('2026-05-12T14:30')).toEqual({ kind: 'day', year: 2026, month: 5, day: 12, hour: 14, minute: 30 });
    expect(readDate('2026-05-12T14:30:00+02:00')).toEqual({ kind: 'instant', at: new Date('2026-05-12T12:30:00Z') });
    for (const nothing of ['2026-02-29', '2026-13-01', 'soon', '', 1747000000, null, undefined, {}]) expect(readDate(nothing)).toBeNull();
  });
});

describe('wait: the customer’s wall clock across DST (the DST rule itself: the SDK’s zonedTime)', () => {
  it('keeps the local time across a DST change when moving by days, and the exact span when moving by hours', () => {
    const noon = readDate('2026-03-28T12:00:00+01:00')!;
    expect(iso(shifted(noon, { amount: 1, unit: 'days', atHour: null }, 'Europe/Belgrade'))).toBe('2026-03-29T10:00:00.000Z');
    expect(iso(shifted(noon, { amount: 24, unit: 'hours', atHour: null }, 'Europe/Belgrade'))).toBe('2026-03-29T11:00:00.000Z');
  });
});

describe('wait: anniversaries', () => {
  const noon = (s: string) => new Date(`${s}T12:00:00Z`);
  const nine = { amount: 0, unit: 'days' as const, atHour: 9 };

  it('finds the next birthday, this year or the next', () => {
    const birthday = readDate('1990-05-12')!;
    expect(iso(nextAnniversary(birthday, nine, 'Europe/Belgrade', noon('2026-01-07')))).toBe('2026-05-12T07:00:00.000Z');
    expect(iso(nextAnniversary(birthday, nine, 'Europe/Belgrade', noon('2026-05-12')))).toBe('2027-05-12T07:00:00.000Z');
    expect(iso(nextAnniversary(birthday, { ...nine, amount: -3 }, 'Europe/Belgrade', noon('2026-05-10')))).toBe('2027-05-09T07:00:00.000Z');
  });

  it('puts 29 February on 28 February in a year without one, and on 29 February in a leap year', () => {
    const leapling = readDate('2000-02-29')!;
    expect(iso(nextAnniversary(leapling, nine, 'UTC', noon('2026-01-07')))).toBe('2026-02-28T09:00:00.000Z');
    expect(iso(nextAnniversary(leapling, nine, 'UTC', noon('2027-03-01')))).toBe('2028-02-29T09:00:00.000Z');
    expect(iso(nextAnniversary(leapling, { ...nine, amount: 1 }, 'UTC', noon('2026-01-07')))).toBe('2026-03-01T09:00:00.000Z');
  });

  it('reaches back a year for an offset that crosses New Year', () => {
    const newYear = readDate('2020-01-02')!;
    expect(iso(nextAnniversary(newYear, { amount: -5, unit: 'days', atHour: 9 }, 'UTC', noon('2026-12-20')))).toBe('2026-12-28T09:00:00.000Z');
  });
});

describe('wait: a window of days', () => {
  const from = new Date('2026-01-07T15:30:00Z');

  it('spans the whole window without an hour, and draws whole days (both ends included) with one', () => {
    const window = { minDays: 7, maxDays: 15, atHour: null };
    expect(iso(inWindow(from, window, 0, 'UTC'))).toBe('2026-01-14T15:30:00.000Z');
    expect(iso(inWindow(from, window, 0.5, 'UTC'))).toBe('2026-01-18T15:30:00.000Z');
    const atTen = { ...window, atHour: 10 };
    expect(iso(inWindow(from, atTen, 0, 'Europe/Ljubljana'))).toBe('2026-01-14T09:00:00.000Z');
    expect(iso(inWindow(from, atTen, 0.999, 'Europe/Ljubljana'))).toBe('2026-01-22T09:00:00.000Z');
  });
});

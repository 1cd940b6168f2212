// When a wait on a date ends: a date written in the customer's data (a birthday, a custom date
// attribute, an event's property) or on the card, moved by an offset, at an optional local hour,
// all on the customer's own calendar (DST-correct: see the SDK's zonedTime). Pure functions of
// their arguments, so a step run again computes the same moment.
import { localParts, zonedTime } from '@afterglow/node-sdk';

/** A date as written: a calendar day (with a wall-clock time when one was given), or an exact instant. */
export type WrittenDate =
  | { kind: 'day'; year: number; month: number; day: number; hour: number; minute: number }
  | { kind: 'instant'; at: Date };

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DAY_MS = 86400e3;

/** A value read as a date: 'YYYY-MM-DD', a local date-time, or ISO 8601 with a zone; anything else is null. */
export function readDate(value: unknown): WrittenDate | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { kind: 'instant', at: value };
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0)];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  if (!m[6]) return { kind: 'day', year, month, day, hour, minute };
  const at = new Date(value.trim());
  return Number.isNaN(at.getTime()) ? null : { kind: 'instant', at };
}

/** The date's wall-clock parts on the customer's calendar. */
function wallClock(date: WrittenDate, timeZone: string) {
  return date.kind === 'day' ? date : localParts(date.at, timeZone);
}

/** The same day `years` later; 29 February becomes 28 February in a year without one. */
function sameDayIn(year: number, month: number, day: number): { year: number; month: number; day: number } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(day, last) };
}

export interface Shift {
  /** Signed: negative is before the date. */
  amount: number;
  unit: 'days' | 'hours';
  /** 0–23: that hour on the resulting day (days only); else the date's own time (midnight for a bare day). */
  atHour: number | null;
}

/** The moment `shift` away from `date`, on the customer's calendar. */
export function shifted(date: WrittenDate, shift: Shift, timeZone: string): Date {
  if (shift.unit === 'hours') {
    const start = date.kind === 'instant' ? date.at : zonedTime(timeZone, date.year, date.month, date.day, date.hour, date.minute);
    return new Date(start.getTime() + shift.amount * 3600e3);
  }
  const w = wallClock(date, timeZone);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day) + shift.amount * DAY_MS);
  const [hour, minute] = shift.atHour === null ? [w.hour, w.minute] : [shift.atHour, 0];
  return zonedTime(timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute);
}

/**
 * Every year: the first moment after `now` that is `shift` away from an anniversary of the date
 * (a birthday three days ahead, at 09:00). Never in the past.
 */
export function nextAnniversary(date: WrittenDate, shift: Shift, timeZone: string, now: Date): Date {
  const w = wallClock(date, timeZone);
  const thisYear = localParts(now, timeZone).year;
  // An offset of up to ten years either way: look that far back and one year beyond.
  const reach = Math.ceil(Math.abs(shift.unit === 'days' ? shift.amount : shift.amount / 24) / 365) + 1;
  for (let year = thisYear - reach; year <= thisYear + reach; year++) {
    const moment = shifted({ kind: 'day', ...sameDayIn(year, w.month, w.day), hour: w.hour, minute: w.minute }, shift, timeZone);
    if (moment > now) return moment;
  }
  throw new Error('unreachable: an anniversary within the reach is after now');
}

/** A wall-clock date and time written on the card ('2026-12-24T09:00:00+01:00'), placed in `timeZone`. */
export function wallTimeIn(iso: string, timeZone: string): Date | null {
  const date = readDate(iso.replace(/(Z|[+-]\d{2}:?\d{2})$/i, ''));
  return date?.kind === 'day' ? zonedTime(timeZone, date.year, date.month, date.day, date.hour, date.minute) : null;
}

/**
 * The moment `share` (0 ≤ share < 1) of the way into the window `minDays`–`maxDays` after `from`.
 * With an hour, a whole day is drawn (every day of the window alike, both ends included) and the
 * hour is that day's, local; without, any minute of the window.
 */
export function inWindow(from: Date, window: { minDays: number; maxDays: number; atHour: number | null }, share: number, timeZone: string): Date {
  const { minDays, maxDays, atHour } = window;
  if (atHour === null) {
    const minutes = Math.floor(share * (maxDays - minDays) * 1440);
    return new Date(from.getTime() + minDays * DAY_MS + minutes * 60e3);
  }
  const start = localParts(from, timeZone);
  const day = new Date(Date.UTC(start.year, start.month - 1, start.day + minDays + Math.floor(share * (maxDays - minDays + 1))));
  return zonedTime(timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), atHour);
}

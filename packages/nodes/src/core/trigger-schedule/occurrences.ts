// The days a recurring schedule falls on, as the card shows them ("next: Mon 7 Dec, Mon 14 Dec,
// …"). The engine finds occurrences in SQL (engine/src/calendar-sql.ts) by the same rules: a
// weekly schedule on its checked days, a monthly one on its day or the month's last, a yearly
// one on its month's day (29 February: the 28th in other years).
import { localParts } from '@afterglow/node-sdk';

/** The weekday checkboxes, Sunday first: index = JavaScript's and Postgres's day number. */
export const WEEKDAY_FIELDS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** The months of a yearly schedule, as the form's select stores them. */
export const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

/** The months named in a language, for the select (Intl's standalone names: "март", "marec"). */
export const monthOptions = (locale: string) => MONTHS.map((m) => ({
  value: m, label: new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2028, Number(m) - 1, 1)),
}));

type Weekdays = Record<(typeof WEEKDAY_FIELDS)[number], boolean>;
interface Schedule extends Weekdays {
  every: 'daily' | 'weekly' | 'monthly' | 'yearly';
  month: string;
  dayOfMonth: number;
  time: string;
  timeZone: string;
}

export const weekdaysOf = (c: Weekdays): number[] => WEEKDAY_FIELDS.flatMap((d, i) => (c[d] ? [i] : []));

function falls(c: Schedule, day: Date): boolean {
  if (c.every === 'daily') return true;
  if (c.every === 'weekly') return c[WEEKDAY_FIELDS[day.getUTCDay()]];
  if (c.every === 'yearly' && day.getUTCMonth() + 1 !== Number(c.month)) return false;
  const lastDay = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
  return day.getUTCDate() === Math.min(c.dayOfMonth, lastDay);
}

/**
 * The next `count` days (as UTC midnights) the schedule falls on, from `from` in its time
 * zone (UTC when each customer's own zone is used): today counts while its time is to come.
 */
export function nextOccurrences(c: Schedule, from: Date, count: number): Date[] {
  const now = localParts(from, c.timeZone || 'UTC');
  const minutes = now.hour * 60 + now.minute;
  const at = Number(c.time.slice(0, 2)) * 60 + Number(c.time.slice(3, 5));
  const days: Date[] = [];
  for (let offset = minutes < at ? 0 : 1; days.length < count && offset < 1500; offset++) {
    const day = new Date(Date.UTC(now.year, now.month - 1, now.day + offset));
    if (falls(c, day)) days.push(day);
  }
  return days;
}

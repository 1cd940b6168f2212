// Calendar arithmetic in a customer's time zone, DST-correct, with Intl only.

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks';
const MS: Record<DurationUnit, number> = { minutes: 60e3, hours: 3600e3, days: 86400e3, weeks: 7 * 86400e3 };

export function addDuration(from: Date, amount: number, unit: DurationUnit): Date {
  return new Date(from.getTime() + amount * MS[unit]);
}

interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; weekday: number }
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function localParts(at: Date, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', weekday: 'short',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute,
    weekday: WEEKDAYS.indexOf(p.weekday),
  };
}

const DAY_MS = 86400e3;

/** The zone's offset from UTC at `at`, in ms (the wall clock minus UTC, to the minute). */
function offsetAt(at: number, timeZone: string): number {
  const p = localParts(new Date(at), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(at / 60e3) * 60e3;
}

/**
 * The instant when the wall clock in `timeZone` shows the given local date and time. Across a
 * DST change the same in every zone: a time the clocks skip moves forward by the skipped length
 * (02:30 on the spring night becomes 03:30), a time they show twice is its first occurrence.
 */
export function zonedTime(timeZone: string, y: number, m: number, d: number, hour: number, minute = 0): Date {
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  // The zone's offsets a day either side bracket any change that night; the candidate whose
  // offset the zone really shows then is the answer (the earlier one when both are: shown twice).
  const [before, after] = [offsetAt(wall - DAY_MS, timeZone), offsetAt(wall + DAY_MS, timeZone)];
  const shows = (at: number) => offsetAt(at, timeZone) === wall - at;
  const candidates = [wall - Math.max(before, after), wall - Math.min(before, after)].filter(shows);
  // None shows it: the clocks skipped it, and the offset before the change moves it forward.
  return new Date(candidates[0] ?? wall - before);
}

/**
 * The next instant after `from` at `hour`:00 local time, on `weekday` (0 = Sunday) if
 * given, else on any day.
 */
export function nextLocalTime(from: Date, timeZone: string, hour: number, weekday?: number): Date {
  const today = localParts(from, timeZone);
  for (let offset = 0; offset <= 8; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (weekday !== undefined && day.getUTCDay() !== weekday) continue;
    const at = zonedTime(timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour);
    if (at.getTime() > from.getTime()) return at;
  }
  throw new Error('unreachable: a matching day exists within 8 days');
}

// The datetime widget shows an instant as the wall clock of one time zone (a datetime-local
// input has no zone of its own) and stores it as ISO 8601 with that zone's offset at that
// instant: "2026-03-29T10:00:00+02:00" means the same moment wherever it is read.
import { localParts } from '@afterglow/node-sdk';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
const MINUTE = 60e3;
const DAY = 86400e3;

/** The zone the user's clock shows: the web app knows no workspace time zone, so the browser's. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Minutes the zone's wall clock is ahead of UTC at `at`. */
function offsetMinutes(at: number, timeZone: string): number {
  const p = localParts(new Date(at), timeZone);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(at / MINUTE) * MINUTE) / MINUTE);
}

/** "+02:00" */
export function offsetText(at: number, timeZone: string): string {
  const o = offsetMinutes(at, timeZone);
  return `${o < 0 ? '-' : '+'}${pad(Math.trunc(o / 60))}:${pad(o % 60)}`;
}

function wallClock(at: number, timeZone: string): string {
  const p = localParts(new Date(at), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A stored value as a datetime-local input's value ("2026-12-24T09:00") in `timeZone`; '' when empty or unreadable. */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const at = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(at) ? '' : wallClock(at, timeZone);
}

/**
 * A datetime-local input's value read in `timeZone`, as ISO with the offset in force then; ''
 * for ''. A wall time that happens twice (clocks going back) is its first occurrence; one that
 * never happens (clocks going forward) moves forward by the gap, 02:30 becoming 03:30, as
 * Temporal's "compatible" disambiguation does.
 */
export function localInputToIso(local: string, timeZone: string): string {
  const m = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return '';
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // No zone changes its offset twice within two days: the offsets a day either side are the candidates.
  const before = offsetMinutes(wall - DAY, timeZone);
  const after = offsetMinutes(wall + DAY, timeZone);
  const fits = [before, after].map((o) => wall - o * MINUTE).filter((at) => wall - at === offsetMinutes(at, timeZone) * MINUTE);
  const at = fits.length > 0 ? Math.min(...fits) : wall - before * MINUTE;
  return `${wallClock(at, timeZone)}:00${offsetText(at, timeZone)}`;
}

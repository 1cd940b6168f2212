// When a workspace's digest is due: on Monday from 08:00 in the shop's time zone (Settings >
// Your shop: workspaces.settings.shop.timeZone, UTC when unset or unknown), for the seven days before.
const DUE_HOUR = 8;
const DAY_MS = 86_400_000;

export function validTimeZone(zone: unknown): string {
  if (typeof zone !== 'string' || zone === '') return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/**
 * The local Monday (YYYY-MM-DD) whose digest is due at `now`, or null when it is not Monday 08:00
 * or later there. The digest covers whole UTC days (the rollups' days), so it also waits for the
 * UTC Sunday to end: east of UTC+8 (Vladivostok, 08:00 there is Sunday 22:00 UTC) it goes out at
 * midnight UTC, later that Monday morning, rather than leave the week's last hours out of every digest.
 */
export function dueMonday(now: Date, timeZone: string): string | null {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  if (part('weekday') !== 'Mon' || Number(part('hour')) < DUE_HOUR) return null;
  const monday = `${part('year')}-${part('month')}-${part('day')}`;
  return now.getTime() >= Date.parse(`${monday}T00:00:00Z`) ? monday : null;
}

/** The week a Monday's digest covers: the seven days before it (UTC days, as the rollups count). */
export function weekBefore(monday: string): { from: string; to: string } {
  const start = Date.parse(`${monday}T00:00:00Z`);
  const day = (offset: number) => new Date(start + offset * DAY_MS).toISOString().slice(0, 10);
  return { from: day(-7), to: day(-1) };
}

// Every UTC day of a simulated period (results count by UTC day), so the charts show the quiet days too.
const DAY = 86_400_000;

export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(to);
  for (let at = Date.parse(from.slice(0, 10)); at < end && days.length < 400; at += DAY) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/** The counts of `rows` on each of `days` (0 where none). */
export function onDays<T extends { day: string }>(days: string[], rows: readonly T[], value: (row: T) => number): number[] {
  const byDay = new Map(rows.map((r) => [r.day, value(r)]));
  return days.map((d) => byDay.get(d) ?? 0);
}

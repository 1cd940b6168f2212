// The dashboard's period: the last 7, 30 or 90 UTC days up to today (the rollups' days), charted
// by day, or by ISO week (Monday first) for 90 days.
export const DASHBOARD_DAYS = [7, 30, 90] as const;
export type DashboardDays = (typeof DASHBOARD_DAYS)[number];

export interface DashboardPeriod {
  /** First and last UTC day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  bucket: 'day' | 'week';
}

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export function dashboardPeriod(days: DashboardDays, now: Date): DashboardPeriod {
  const to = isoDay(now.getTime());
  return { from: isoDay(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS), to, bucket: days > 30 ? 'week' : 'day' };
}

/** Every bucket's first day in the period, so a quiet day is a zero, not a gap in the chart. */
export function bucketStarts(period: DashboardPeriod): string[] {
  const day = new Date(`${period.from}T00:00:00Z`);
  if (period.bucket === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  const end = Date.parse(`${period.to}T00:00:00Z`);
  const starts: string[] = [];
  for (; day.getTime() <= end; day.setUTCDate(day.getUTCDate() + (period.bucket === 'week' ? 7 : 1))) starts.push(isoDay(day.getTime()));
  return starts;
}

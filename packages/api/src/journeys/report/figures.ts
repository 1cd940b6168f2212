// The journey report's figures per bucket (day or ISO week, UTC), from journey_daily alone: a
// few rows per day and step, however many runs, emails and orders the journey has.
import type { Queryable } from '@afterglow/db';

export const METRICS = ['entries', 'conversions', 'revenue', 'sent', 'opened', 'clicked', 'unsubscribed'] as const;
type Metric = (typeof METRICS)[number];

export type Figures = Record<Metric, number> & { conversionRate: number | null; revenuePerEntrant: number | null };

export interface Point extends Figures {
  /** First day of the bucket (YYYY-MM-DD). */
  start: string;
}

export interface Series {
  /** null: every version together. */
  versionId: string | null;
  points: Point[];
  totals: Figures;
}

export interface Period { from: string; to: string; bucket: 'day' | 'week' }

const empty = (): Record<Metric, number> => ({ entries: 0, conversions: 0, revenue: 0, sent: 0, opened: 0, clicked: 0, unsubscribed: 0 });

function withRates(f: Record<Metric, number>): Figures {
  return {
    ...f,
    revenue: Math.round(f.revenue * 100) / 100,
    conversionRate: f.entries > 0 ? f.conversions / f.entries : null,
    revenuePerEntrant: f.entries > 0 ? Math.round((f.revenue / f.entries) * 100) / 100 : null,
  };
}

/** Every bucket's first day from `from` to `to`, so a quiet day is a zero, not a gap in the chart. */
function bucketStarts(period: Period): string[] {
  const starts: string[] = [];
  const day = new Date(`${period.from}T00:00:00Z`);
  if (period.bucket === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  const end = new Date(`${period.to}T00:00:00Z`);
  while (day <= end) {
    starts.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + (period.bucket === 'week' ? 7 : 1));
  }
  return starts;
}

export async function reportSeries(sql: Queryable, journeyId: string, period: Period, versions: string[] | null): Promise<Series[]> {
  const rows = await sql<{ start: string; versionId: string; metric: Metric; n: number }[]>`
    select to_char(${period.bucket === 'week' ? sql`date_trunc('week', day)` : sql`day`}, 'YYYY-MM-DD') as start,
      version_id as "versionId", metric, sum(n)::float8 as n
    from journey_daily
    where journey_id = ${journeyId} and day between ${period.from}::date and ${period.to}::date
      and metric = any(${sql.array([...METRICS])}::text[])
      ${versions ? sql`and version_id = any(${sql.array(versions)}::text[])` : sql``}
    group by 1, 2, 3`;
  const keys = versions ?? [null];
  return keys.map((versionId) => {
    const byStart = new Map(bucketStarts(period).map((s) => [s, empty()]));
    const totals = empty();
    for (const r of rows) {
      if (versionId !== null && r.versionId !== versionId) continue;
      const point = byStart.get(r.start);
      if (point) point[r.metric] += r.n;
      totals[r.metric] += r.n;
    }
    return {
      versionId,
      points: [...byStart.entries()].map(([start, f]) => ({ start, ...withRates(f) })),
      totals: withRates(totals),
    };
  });
}

// Attributed revenue by journey over the period, from journey_daily (kept by triggers as runs
// enter, emails go out and orders are credited): a few rows per journey and day, read through
// the table's key (journey, day), however many runs and orders there are. An order is credited
// to one journey step at most, so summing journeys never counts an order twice.
import type { Queryable } from '../client';
import { bucketStarts, type DashboardPeriod } from './period';

export interface JourneyFigures {
  journeyId: string;
  name: string;
  status: string;
  entries: number;
  conversions: number;
  revenue: number;
  conversionRate: number | null;
  revenuePerEntrant: number | null;
}

export interface RevenuePoint {
  /** The bucket's first day (YYYY-MM-DD). */
  start: string;
  /** Attributed revenue per journey id (journeys with none in the bucket are absent). */
  revenue: Record<string, number>;
}

const cents = (n: number) => Math.round(n * 100) / 100;

export async function journeyRevenue(sql: Queryable, workspaceId: string, period: DashboardPeriod) {
  const bucket = period.bucket === 'week' ? sql`date_trunc('week', d.day)` : sql`d.day`;
  const rows = await sql<{ journeyId: string; name: string; status: string; start: string; metric: string; n: number }[]>`
    select d.journey_id as "journeyId", j.name, j.status, to_char(${bucket}, 'YYYY-MM-DD') as start, d.metric, sum(d.n)::float8 as n
    from journeys j join journey_daily d on d.journey_id = j.id
    where j.workspace_id = ${workspaceId} and d.day between ${period.from}::date and ${period.to}::date
      and d.metric in ('entries', 'conversions', 'revenue')
    group by 1, 2, 3, 4, 5`;
  const byJourney = new Map<string, JourneyFigures>();
  const series = new Map<string, Record<string, number>>(bucketStarts(period).map((s) => [s, {}]));
  for (const r of rows) {
    const j = byJourney.get(r.journeyId) ?? {
      journeyId: r.journeyId, name: r.name, status: r.status, entries: 0, conversions: 0, revenue: 0, conversionRate: null, revenuePerEntrant: null,
    };
    j[r.metric as 'entries' | 'conversions' | 'revenue'] += r.n;
    byJourney.set(r.journeyId, j);
    const point = series.get(r.start);
    if (point && r.metric === 'revenue' && r.n !== 0) point[r.journeyId] = cents((point[r.journeyId] ?? 0) + r.n);
  }
  const journeys = [...byJourney.values()].map((j) => ({
    ...j,
    revenue: cents(j.revenue),
    conversionRate: j.entries > 0 ? j.conversions / j.entries : null,
    revenuePerEntrant: j.entries > 0 ? cents(j.revenue / j.entries) : null,
  })).sort((a, b) => b.revenue - a.revenue || b.conversions - a.conversions || a.name.localeCompare(b.name));
  return { journeys, series: [...series.entries()].map(([start, revenue]): RevenuePoint => ({ start, revenue })) };
}

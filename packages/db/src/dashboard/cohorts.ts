// Repeat purchase by first-order cohort: the customers whose first order fell in each of the last
// twelve UTC months, and the share of them who ordered again within 1, 2, … 12 months of their
// first order (cancelled and refunded orders not counting). Read from repeat_cohort_counts, kept
// by triggers on customer_order_stats (migration 0061): at most 13 rows a month, however many
// customers the shop has, plus two index probes a month for what the rollup cannot know ahead:
// the month's latest first order up to now (k months have passed for everyone once they have for
// it) and first orders placed after now (a clock behind the shop's), which count for no one yet.
import type { Queryable } from '../client';

export const COHORT_MONTHS = 12;

export interface Cohort {
  /** The month of the first order (YYYY-MM). */
  month: string;
  customers: number;
  /** Index k: the share who ordered again within k + 1 months; null while that time has not passed for all of them. */
  repeat: (number | null)[];
}

export async function repeatCohorts(sql: Queryable, workspaceId: string, now: Date): Promise<Cohort[]> {
  const months = () => sql`generate_series(date_trunc('month', ${now}::timestamptz at time zone 'UTC') - make_interval(months => ${COHORT_MONTHS - 1}),
    date_trunc('month', ${now}::timestamptz at time zone 'UTC'), interval '1 month') as m`;
  const [cells, edges] = await Promise.all([
    sql<{ month: string; within: number; customers: number }[]>`
      select to_char(r.month, 'YYYY-MM') as month, r.repeat_within as within, r.customers
      from ${months()} join repeat_cohort_counts r on r.workspace_id = ${workspaceId} and r.month = m::date
      where r.customers <> 0`,
    // closed: how many of k = 1..12 months have passed since the month's latest first order.
    sql<{ month: string; closed: number; future: number }[]>`
      select to_char(m, 'YYYY-MM') as month,
        (select count(*) from generate_series(1, ${COHORT_MONTHS}) k
          where (last.at at time zone 'UTC' + make_interval(months => k)) at time zone 'UTC' <= ${now})::int as closed,
        (select count(*) from customer_order_stats s where s.workspace_id = ${workspaceId}
          and s.first_order_at > ${now} and s.first_order_at < (m + interval '1 month') at time zone 'UTC')::int as future
      from ${months()} cross join lateral (
        select max(s.first_order_at) as at from customer_order_stats s where s.workspace_id = ${workspaceId}
          and s.first_order_at >= m at time zone 'UTC' and s.first_order_at < (m + interval '1 month') at time zone 'UTC'
          and s.first_order_at <= ${now}) last
      order by m`,
  ]);
  const cohorts: Cohort[] = [];
  for (const edge of edges) {
    const mine = cells.filter((c) => c.month === edge.month);
    const customers = mine.reduce((sum, c) => sum + c.customers, 0) - edge.future;
    if (customers <= 0) continue;
    const repeat = Array.from({ length: COHORT_MONTHS }, (_, i) => (i < edge.closed
      ? mine.reduce((sum, c) => sum + (c.within >= 1 && c.within <= i + 1 ? c.customers : 0), 0) / customers
      : null));
    cohorts.push({ month: edge.month, customers, repeat });
  }
  return cohorts;
}

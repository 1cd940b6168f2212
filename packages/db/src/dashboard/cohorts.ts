// Repeat purchase by first-order cohort: the customers whose first order fell in each of the last
// twelve UTC months, and the share of them who ordered again within 1, 2, … 12 months of their
// first order. One set-based statement over customer_order_stats through its (workspace, first
// order) index: first and second order are both kept there by the orders triggers (0060), with
// cancelled and refunded orders not counting.
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
  const rows = await sql<{ month: string; k: number; customers: number; repeated: number; closed: boolean }[]>`
    with cohort as materialized (
      -- Materialized: read once, not once per month k below.
      select s.first_order_at as first_at, date_trunc('month', s.first_order_at, 'UTC') as month, s.second_order_at as second_at
      from customer_order_stats s
      where s.workspace_id = ${workspaceId}
        and s.first_order_at >= date_trunc('month', ${now}::timestamptz, 'UTC') - make_interval(months => ${COHORT_MONTHS - 1})
        and s.first_order_at <= ${now}
    )
    select to_char(month at time zone 'UTC', 'YYYY-MM') as month, k, count(*)::int as customers,
      count(*) filter (where second_at <= first_at + make_interval(months => k) and second_at <= ${now})::int as repeated,
      bool_and(first_at + make_interval(months => k) <= ${now}) as closed
    from cohort cross join generate_series(1, ${COHORT_MONTHS}) as k
    group by month, k order by month, k`;
  const cohorts = new Map<string, Cohort>();
  for (const r of rows) {
    const c = cohorts.get(r.month) ?? { month: r.month, customers: r.customers, repeat: [] };
    c.repeat[r.k - 1] = r.closed ? r.repeated / r.customers : null;
    cohorts.set(r.month, c);
  }
  return [...cohorts.values()];
}

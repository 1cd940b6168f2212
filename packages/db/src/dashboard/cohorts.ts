// Repeat purchase by first-order cohort: the customers whose first order fell in each of the last
// twelve UTC months, and the share of them who ordered again within 1, 2, … 12 months of their
// first order. One set-based statement: the cohorts come from customer_order_stats through its
// (workspace, first order) index, each customer's second order from orders through theirs
// (workspace, customer, placed); cancelled and refunded orders do not count, as in the stats.
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
    with cohort as (
      select s.customer_id, s.first_order_at as first_at, date_trunc('month', s.first_order_at, 'UTC') as month, s.order_count
      from customer_order_stats s
      where s.workspace_id = ${workspaceId}
        and s.first_order_at >= date_trunc('month', ${now}::timestamptz, 'UTC') - make_interval(months => ${COHORT_MONTHS - 1})
        and s.first_order_at <= ${now}
    ), seconds as materialized (
      -- Materialized: each customer's second order is looked up once, not once per month k below.
      -- A customer with one counted order has no second one: no lookup (most customers of a shop).
      select c.month, c.first_at, case when c.order_count > 1 then (
        select o.placed_at from orders o
        where o.workspace_id = ${workspaceId} and o.customer_id = c.customer_id and o.placed_at > c.first_at
          and o.status not in ('cancelled', 'refunded')
        order by o.placed_at limit 1) end as second_at
      from cohort c
    )
    select to_char(month at time zone 'UTC', 'YYYY-MM') as month, k, count(*)::int as customers,
      count(*) filter (where second_at <= first_at + make_interval(months => k) and second_at <= ${now})::int as repeated,
      bool_and(first_at + make_interval(months => k) <= ${now}) as closed
    from seconds cross join generate_series(1, ${COHORT_MONTHS}) as k
    group by month, k order by month, k`;
  const cohorts = new Map<string, Cohort>();
  for (const r of rows) {
    const c = cohorts.get(r.month) ?? { month: r.month, customers: r.customers, repeat: [] };
    c.repeat[r.k - 1] = r.closed ? r.repeated / r.customers : null;
    cohorts.set(r.month, c);
  }
  return [...cohorts.values()];
}

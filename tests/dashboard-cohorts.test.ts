// The repeat-purchase rollup (repeat_cohort_counts, migration 0061) kept through every way a
// customer's orders change: first and second orders, orders arriving out of order, several in one
// statement, cancelled, refunded, moved and deleted orders (the rebuild at commit), a customer's
// aggregates deleted, a writer in another time zone, and a seeded random walk of all of these.
// After each step the rollup's cells and the dashboard's cohorts are compared with the same
// figures computed from scratch from the orders.
import { dashboardFigures, dashboardPeriod, rebuildOrderAggregates, type Database } from '@afterglow/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

const WS = 'ws_cohorts';
const at = (iso: string) => new Date(`${iso.length === 10 ? `${iso}T12:00:00` : iso}Z`);
let db: Database;
let sql: Database['sql'];
let serial = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Shop', 's')`;
}, 60_000);
afterAll(async () => { await db?.close(); });

const place = (orders: [customer: string, placedAt: string, status?: string][]) => sql`insert into orders ${sql(orders.map(([customer, when, status]) => ({
  workspace_id: WS, id: `o${++serial}`, customer_id: customer, status: status ?? 'placed', total: 10, placed_at: at(when) })))} returning id`;

/** The cells from scratch: each customer's first and second counted instants, straight from the orders. */
const scratchCells = () => sql<{ month: string; within: number; customers: number }[]>`
  with counted as (select customer_id, placed_at from orders where workspace_id = ${WS} and status not in ('cancelled', 'refunded')),
  firsts as (select customer_id, min(placed_at) as first_at from counted group by 1),
  pairs as (select f.first_at, (select min(c.placed_at) from counted c where c.customer_id = f.customer_id and c.placed_at > f.first_at) as second_at from firsts f)
  select to_char(first_at at time zone 'UTC', 'YYYY-MM') as month,
    coalesce((select min(k) from generate_series(1, 12) k
      where second_at <= (first_at at time zone 'UTC' + make_interval(months => k)) at time zone 'UTC'), 0)::int as within, count(*)::int as customers
  from pairs group by 1, 2 order by 1, 2`;

const rollupCells = () => sql<{ month: string; within: number; customers: number }[]>`
  select to_char(month, 'YYYY-MM') as month, repeat_within::int as within, customers from repeat_cohort_counts
  where workspace_id = ${WS} and customers <> 0 order by 1, 2`;

/** The dashboard's cohorts from scratch: the statement the dashboard ran before the rollup, over the orders. */
const scratchCohorts = async (now: Date) => {
  const rows = await sql<{ month: string; k: number; customers: number; repeated: number; closed: boolean }[]>`
    with counted as (select customer_id, placed_at from orders where workspace_id = ${WS} and status not in ('cancelled', 'refunded')),
    firsts as (select customer_id, min(placed_at) as first_at from counted group by 1),
    cohort as (select f.first_at, date_trunc('month', f.first_at, 'UTC') as month,
        (select min(c.placed_at) from counted c where c.customer_id = f.customer_id and c.placed_at > f.first_at) as second_at
      from firsts f
      where f.first_at >= (date_trunc('month', ${now}::timestamptz at time zone 'UTC') - interval '11 months') at time zone 'UTC' and f.first_at <= ${now}),
    plus as (select *, (first_at at time zone 'UTC' + make_interval(months => k)) at time zone 'UTC' as within_k from cohort cross join generate_series(1, 12) k)
    select to_char(month at time zone 'UTC', 'YYYY-MM') as month, k, count(*)::int as customers,
      count(*) filter (where second_at <= within_k and second_at <= ${now})::int as repeated, bool_and(within_k <= ${now}) as closed
    from plus group by month, k order by month, k`;
  const cohorts = new Map<string, { month: string; customers: number; repeat: (number | null)[] }>();
  for (const r of rows) {
    const c = cohorts.get(r.month) ?? { month: r.month, customers: r.customers, repeat: [] };
    c.repeat[r.k - 1] = r.closed ? r.repeated / r.customers : null;
    cohorts.set(r.month, c);
  }
  return [...cohorts.values()];
};

const NOWS = ['2026-01-15', '2026-03-01T00:00:00', '2026-06-30T23:59:59', '2027-02-10', '2027-09-01'].map(at);

async function expectExact() {
  expect(await rollupCells()).toEqual(await scratchCells());
  for (const now of NOWS) {
    const { cohorts } = await dashboardFigures(sql, WS, dashboardPeriod(7, now), now);
    expect(cohorts).toEqual(await scratchCohorts(now));
  }
}

it('keeps the cells through first, second, out-of-order, cancelled, refunded, moved and deleted orders', async () => {
  await expectExact(); // none yet
  // First orders, several customers in one statement, the latest first; a repeat 20 days later.
  await place([['a', '2026-02-20'], ['b', '2026-01-31T10:00:00'], ['c', '2026-01-05'], ['a', '2026-01-10']]);
  await expectExact();
  // 31 January + 1 month is 28 February: at 09:00 within a month, at 11:00 not.
  await place([['b', '2026-02-28T11:00:00']]);
  await place([['d', '2026-01-31T10:00:00'], ['d', '2026-02-28T09:00:00']]);
  await expectExact();
  // An earlier order arrives late: c's first moves to December, the old first becomes the second.
  await place([['c', '2025-12-20']]);
  // A second order 13 months on (no repeat within 12), and a third order (no cell changes).
  await place([['e', '2026-01-02'], ['e', '2027-02-03'], ['a', '2026-03-01']]);
  // Two orders at the very same instant are one purchase; a first order after the dashboard's "now".
  await place([['f', '2026-06-30T23:59:59'], ['f', '2026-06-30T23:59:59'], ['g', '2026-06-30T23:59:59.5']]);
  await expectExact();
  // Cancelling, refunding and deleting rebuild the customer at commit.
  await sql`update orders set status = 'cancelled' where workspace_id = ${WS} and customer_id = 'c' and placed_at = ${at('2025-12-20')}`;
  await sql`update orders set status = 'refunded' where workspace_id = ${WS} and customer_id = 'a' and placed_at = ${at('2026-02-20')}`;
  await expectExact();
  await sql`delete from orders where workspace_id = ${WS} and customer_id = 'b' and placed_at = ${at('2026-01-31T10:00:00')}`;
  await sql`update orders set placed_at = ${at('2026-04-01')} where workspace_id = ${WS} and customer_id = 'e' and placed_at = ${at('2026-01-02')}`;
  await expectExact();
  // A customer's every order gone (their aggregates deleted), one refunded back to counted, all in one transaction.
  await sql.begin(async (tx) => {
    await tx`delete from orders where workspace_id = ${WS} and customer_id = 'd'`;
    await tx`update orders set status = 'placed' where workspace_id = ${WS} and customer_id = 'a' and status = 'refunded'`;
    await tx`insert into orders (workspace_id, id, customer_id, total, placed_at) values (${WS}, 'late', 'h', 5, ${at('2026-05-31T23:30:00')})`;
  });
  await expectExact();
  // A writer whose session is in another time zone files its customers by UTC months all the same.
  await sql.begin(async (tx) => {
    await tx`set local timezone = 'Pacific/Auckland'`;
    await tx`insert into orders (workspace_id, id, customer_id, total, placed_at) values
      (${WS}, 'nz1', 'nz', 5, ${at('2026-03-31T20:00:00')}), (${WS}, 'nz2', 'nz', 5, ${at('2026-04-30T20:00:00')})`;
  });
  await expectExact();
  // Aggregates erased by hand and rebuilt: the rollup follows both.
  await sql`delete from customer_order_stats where workspace_id = ${WS} and customer_id = 'e'`;
  expect((await rollupCells()).reduce((n, c) => n + c.customers, 0)).toBe((await scratchCells()).reduce((n, c) => n + c.customers, 0) - 1);
  await rebuildOrderAggregates(sql, WS);
  await expectExact();
}, 120_000);

it('stays exact through a seeded random walk of order changes', async () => {
  let seed = 18;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const customers = Array.from({ length: 12 }, (_, i) => `w${i}`);
  const when = () => new Date(Date.UTC(2025, 10, 1) + Math.floor(random() * 500) * 86_400_000 + Math.floor(random() * 4) * 21_600_000)
    .toISOString().slice(0, 19);
  for (let step = 0; step < 40; step++) {
    const move = random();
    if (move < 0.45) await place(Array.from({ length: 1 + Math.floor(random() * 4) }, () => [pick(customers), when()] as [string, string]));
    else {
      const ids = await sql<{ id: string }[]>`select id from orders where workspace_id = ${WS} and customer_id like 'w%' order by id`;
      if (ids.length === 0) continue;
      const order = pick(ids);
      if (move < 0.6) await sql`update orders set status = ${pick(['cancelled', 'refunded', 'placed'])} where workspace_id = ${WS} and id = ${order.id}`;
      else if (move < 0.8) await sql`update orders set placed_at = ${at(when())} where workspace_id = ${WS} and id = ${order.id}`;
      else await sql`delete from orders where workspace_id = ${WS} and id = ${order.id}`;
    }
    expect(await rollupCells()).toEqual(await scratchCells());
  }
  await expectExact();
}, 120_000);

// Segment bench: 1,000,000 customers and 10,000,000 orders (a tenth with --quick) generated
// with set-based SQL, the aggregates built once the way the migration backfills them, then
// the count of five representative segments, each timed and checked against its goal.
import {
  countSegment, ensureDatabase, openDatabase, runMigrations, type Database, type SegmentRule,
} from '@afterglow/db';
import { testSecrets } from '../support/secrets';

const WS = 'ws_seg_bench';
const NOW = new Date('2026-06-01T12:00:00Z');
const CATEGORIES = ['Football > Red Star', 'Football > Partizan', 'Running > Shoes', 'Running > Apparel', 'Cosmetics > Skin',
  'Cosmetics > Hair', 'Electronics > Cameras', 'Electronics > Laptops', 'Kids > School', 'Kids > Baby'];
const BRANDS = ['Adidas', 'Nike', 'Puma', 'Sony', 'Canon', 'Lenovo', 'Nivea', 'Loreal', 'Lego', 'Pampers'];

export const benchSegments: { name: string; rule: SegmentRule }[] = [
  { name: 'football-2y-not-30d', rule: { kind: 'group', op: 'and', rules: [
    { kind: 'bought', what: 'category', value: 'Football', withinDays: 730 },
    { kind: 'bought', what: 'category', value: 'Football', withinDays: 30, negate: true },
  ] } },
  { name: 'vip-spent-1000-5-orders', rule: { kind: 'group', op: 'and', rules: [
    { kind: 'orders', measure: 'totalSpent', op: 'gte', value: 1000 },
    { kind: 'orders', measure: 'count', op: 'gte', value: 5 },
  ] } },
  { name: 'lapsed-180d-repeat-buyers', rule: { kind: 'group', op: 'and', rules: [
    { kind: 'orders', measure: 'daysSinceLastOrder', op: 'gt', value: 180 },
    { kind: 'orders', measure: 'count', op: 'gte', value: 2 },
  ] } },
  { name: 'sony-or-canon-aov-over-150', rule: { kind: 'group', op: 'and', rules: [
    { kind: 'group', op: 'or', rules: [
      { kind: 'bought', what: 'brand', value: 'Sony' }, { kind: 'bought', what: 'brand', value: 'Canon' }] },
    { kind: 'orders', measure: 'averageOrderValue', op: 'gt', value: 150 },
  ] } },
  { name: 'march-birthdays-ordered-90d', rule: { kind: 'group', op: 'and', rules: [
    { kind: 'attribute', field: 'birthdayMonth', op: 'equals', value: 3 },
    { kind: 'orders', measure: 'count', op: 'gte', value: 1, withinDays: 90 },
  ] } },
];

// Bench-only: indexes of the bulk-loaded tables are dropped for the load and rebuilt after it
// (a fraction of the cost of maintaining them row by row), from their own definitions.
const BULK_TABLES = ['customers', 'orders', 'customer_order_stats', 'customer_purchases'];

type Conn = Awaited<ReturnType<Database['sql']['reserve']>>;

// Order g's customer (a number), status, total and time. Skewed like a real shop: a few
// customers order often, many once or never; orders spread over three years, recent months
// busier. One definition, read by the orders insert and by the aggregates computed beside it.
const orderCustomer = (customers: number) => `(1 + floor(${customers} * power(((g::bigint * 2654435761) % 1000003) / 1000003.0::float8, 1.6))::int)`;
const orderCancelled = 'g % 50 = 0';
const orderTotal = '(10 + (g::bigint * 37 % 400))';
const orderPlacedAt = (now: string) => `('${now}'::timestamptz - floor(1100 * 24 * power(((g::bigint * 48271) % 999983) / 999983.0::float8, 1.4)) * interval '1 hour')`;
const customerText = (n: string) => `('c' || lpad(${n}::text, 7, '0'))`;

/**
 * Generates the data on several connections at once (the work is CPU-bound statement by
 * statement, so two cores load two streams): orders in two halves, and beside them the
 * per-customer aggregates, computed from the same formulas with integer keys instead of
 * re-reading and grouping ten million orders by text id. Each table's indexes are rebuilt as
 * soon as its load ends, overlapping the rest.
 */
export async function generate(db: Database, customers: number, orders: number, log: (s: string) => void) {
  const { sql } = db;
  const now = NOW.toISOString();
  const timed = async (label: string, run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    log(`${label} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Segment bench', 's')`;
  const indexes = await sql<{ name: string; def: string; table: string }[]>`
    select indexname as name, indexdef as def, tablename as "table" from pg_indexes i
    where schemaname = 'public' and tablename = any(${BULK_TABLES})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  for (const index of indexes) await sql`drop index ${sql(index.name)}`;
  // Unlogged: the load writes no WAL (a third of its time here). The bench only reads these
  // tables afterwards, and an unlogged table is read exactly like a logged one; making them
  // logged again would rewrite every table and index (measured: more than the load saved).
  for (const t of BULK_TABLES) await sql`alter table ${sql(t)} set unlogged`;
  const rebuild = (conn: Conn, table: string) => timed(`${table} indexes`, async () => {
    for (const index of indexes.filter((i) => i.table === table)) await conn.unsafe(index.def);
  });
  // Loading connections skip the per-statement triggers (the aggregates are built here) and
  // get the memory a bulk load wants; reset before they go back to the pool.
  const session = async <T>(run: (conn: Conn) => Promise<T>): Promise<T> => {
    const conn = await sql.reserve();
    try {
      await conn`set session_replication_role = replica`;
      await conn`set work_mem = '256MB'`;
      await conn`set maintenance_work_mem = '512MB'`;
      return await run(conn);
    } finally {
      await conn`reset all`;
      conn.release();
    }
  };
  const insertOrders = (conn: Conn, from: number, to: number) => conn.unsafe(`
    insert into orders (workspace_id, id, customer_id, status, total, placed_at)
    select $1, 'o' || lpad(g::text, 8, '0'), ${customerText(orderCustomer(customers))},
      case when ${orderCancelled} then 'cancelled' else 'placed' end, ${orderTotal}, ${orderPlacedAt(now)}
    from generate_series($2::int, $3::int) g`, [WS, from, to]);
  const half = Math.floor(orders / 2);

  const ordersLoaded = Promise.all([
    session(async (conn) => {
      await timed('customers', () => conn`
        insert into customers (workspace_id, id, email, first_name, last_name, birthday, timezone, created_at)
        select ${WS}, 'c' || lpad(g::text, 7, '0'), 'c' || lpad(g::text, 7, '0') || '@example.com', 'First' || (g % 997), 'Last' || (g % 1009),
          date '1960-01-01' + (g::bigint * 7919 % 16000)::int, 'UTC', ${now}::timestamptz - (g % 1500) * interval '1 day'
        from generate_series(1, ${customers}) g`);
      await rebuild(conn, 'customers');
      await timed('orders, first half', () => insertOrders(conn, 1, half));
    }),
    session((conn) => timed('orders, second half', () => insertOrders(conn, half + 1, orders))),
  ]).then(() => session((conn) => rebuild(conn, 'orders')));
  await Promise.all([
    ordersLoaded,
    session(async (conn) => {
      // Each order has one line: the product is one of three "interests" of its customer
      // (shoppers mostly re-buy within their interests), chosen by the order number; the
      // product fixes the category and brand. Order lines are not materialised at this scale
      // (they would only feed this aggregate), so the purchases come from the same formulas.
      await timed('interest slots', () => conn.unsafe(`
        create unlogged table bench_slots as
        select n, ${customerText('n')} as customer_id, slot, count(*)::int as orders, sum(total) as spent,
          min(placed_at) as first_at, max(placed_at) as last_at, (array_agg(distinct placed_at order by placed_at))[2] as second_at
        from (select ${orderCustomer(customers)} as n, g % 3 as slot, ${orderTotal} as total, ${orderPlacedAt(now)} as placed_at
          from generate_series(1, $1::int) g where not (${orderCancelled})) o
        group by n, slot`, [orders]));
      await timed('order stats', () => conn`
        insert into customer_order_stats (workspace_id, customer_id, order_count, total_spent, first_order_at, last_order_at, second_order_at)
        select ${WS}, min(customer_id), sum(orders), sum(spent), min(first_at), max(last_at),
          -- The customer's second instant: the earliest slot first or second after the first of all slots.
          (select min(v) from unnest(array_agg(first_at) || array_agg(second_at)) v where v > min(first_at))
        from bench_slots group by n order by n`);
      // Grouped by sorting on the integer customer first: the output is then already in
      // primary-key order, with no hash table and no second sort of text keys.
      await conn`set enable_hashagg = off`;
      await timed('purchases', () => conn`
        with lines as (
          select n, customer_id, first_at, last_at, p, lower((${CATEGORIES}::text[])[1 + p % ${CATEGORIES.length}]) as category,
            lower((${BRANDS}::text[])[1 + (p / ${CATEGORIES.length}) % ${BRANDS.length}]) as brand
          from (select *, ((hashtext(customer_id)::bigint & 2147483647) + slot * 7) % 2000 as p from bench_slots) s)
        insert into customer_purchases (workspace_id, kind, value, customer_id, first_at, last_at)
        select ${WS}, kind, value, min(customer_id), min(first_at), max(last_at) from (
          select n, customer_id, first_at, last_at, 'product' as kind, 'p' || p as value from lines
          union all select n, customer_id, first_at, last_at, 'brand', brand from lines
          union all select n, customer_id, first_at, last_at, 'category', category from lines
          union all select n, customer_id, first_at, last_at, 'category', split_part(category, ' > ', 1) from lines) v
        group by n, kind, value
        order by n, kind, value`); // in primary-key order: appends, not random index inserts
      await conn`drop table bench_slots`;
      await rebuild(conn, 'customer_purchases');
      await rebuild(conn, 'customer_order_stats');
    }),
  ]);
  // What autovacuum does in production: statistics, and the visibility map index-only scans need.
  await timed('vacuum analyze', () => sql`vacuum analyze customers, customer_order_stats, customer_purchases, orders`);
}

export async function segmentBench(adminUrl: string, quick: boolean, report: (name: string, value: string) => void,
  target: (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void) {
  const customers = quick ? 100_000 : 1_000_000;
  const url = await ensureDatabase(adminUrl, 'bench_segments');
  await runMigrations(url);
  const db = await openDatabase(url, { max: 5, secrets: testSecrets() });
  try {
    const started = performance.now();
    await generate(db, customers, customers * 10, (line) => console.log(`    generated ${line}`));
    report(`segments: generated ${customers.toLocaleString()} customers, ${(customers * 10).toLocaleString()} orders (s)`,
      ((performance.now() - started) / 1000).toFixed(0));
    for (const { name, rule } of benchSegments) {
      await countSegment(db.sql, WS, rule, NOW); // warm the cache once, as a live preview would be
      const t = performance.now();
      const count = await countSegment(db.sql, WS, rule, NOW);
      const ms = performance.now() - t;
      report(`segment count ${name}`, `${count.toLocaleString()} customers in ${ms.toFixed(0)} ms`);
      target(`segment-${name}`, ms, 1000, ' ms', false);
    }
    const t = performance.now();
    const [{ n }] = await db.sql`select count(*)::int as n from customers c where c.workspace_id = ${WS}
      and lower(c.id || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))
        like ${'%c0012345@%'}`;
    const ms = performance.now() - t;
    report('customer search "c0012345@" (trigram index)', `${n} found in ${ms.toFixed(0)} ms`);
    target('customer-search', ms, 100, ' ms', false);
  } finally {
    await db.close();
  }
}

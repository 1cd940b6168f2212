// The order aggregates segments read (customer_order_stats, customer_purchases) stay exact
// when many requests write orders of the same customers at once: rebuilt once per
// transaction at commit, under per-customer locks taken in one order, so concurrent requests
// neither deadlock nor lose each other's orders; cancellations arriving later still count.
import { rebuildOrderAggregates } from '@afterglow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIngestHarness, type IngestHarness } from './ingest-harness';

let h: IngestHarness;
beforeAll(async () => { h = await startIngestHarness(); });
afterAll(() => h.close());

const CUSTOMERS = ['agg_a', 'agg_b', 'agg_c', 'agg_d'];
const order = (n: number, customer: string, event = 'Order Completed') => ({
  type: 'track', userId: customer, event, messageId: `agg-${event}-${n}`, timestamp: new Date(Date.UTC(2025, 4, 1) + n * 60_000).toISOString(),
  properties: { order_id: `agg-o${n}`, total: 10, products: [{ product_id: `p${n % 3}`, brand: n % 2 ? 'Sony' : 'Canon', category: 'Cameras > Lenses', price: 10, quantity: 1 }] },
});

async function aggregates() {
  const stats = await h.database.sql<{ id: string; n: number; spent: number }[]>`
    select customer_id as id, order_count as n, total_spent::float8 as spent from customer_order_stats
    where workspace_id = 'ws_a' and customer_id like 'agg_%' order by 1`;
  const purchases = await h.database.sql<{ id: string; kind: string; value: string }[]>`
    select customer_id as id, kind, value from customer_purchases where workspace_id = 'ws_a' and customer_id like 'agg_%' order by 1, 2, 3`;
  return { stats: stats.map((r) => ({ ...r })), purchases: purchases.map((r) => ({ ...r })) };
}

describe('order aggregates under concurrent ingestion', () => {
  it('counts every order of customers written by 12 requests at once, in opposite customer orders', async () => {
    // Each request carries orders of all four customers, half of them listed in reverse.
    const requests = Array.from({ length: 12 }, (_, r) => {
      const customers = r % 2 ? [...CUSTOMERS].reverse() : CUSTOMERS;
      return { batch: customers.flatMap((c, i) => [order(r * 100 + i * 2, c), order(r * 100 + i * 2 + 1, c)]) };
    });
    const answers = await Promise.all(requests.map((body) => h.post('/v1/batch', body)));
    expect(answers.map((a) => a.status)).toEqual(requests.map(() => 200));
    const { stats, purchases } = await aggregates();
    expect(stats).toEqual(CUSTOMERS.map((id) => ({ id, n: 24, spent: 240 })));
    expect(purchases.filter((p) => p.id === 'agg_a').map((p) => `${p.kind}:${p.value}`)).toEqual([
      'brand:canon', 'brand:sony', 'category:cameras', 'category:cameras > lenses', 'product:p0', 'product:p1', 'product:p2']);
    // Nothing is left behind in the per-transaction queue.
    const [{ pending }] = await h.database.sql`select (select count(*) from order_aggregates_pending) + (select count(*) from order_aggregates_flush) as pending`;
    expect(Number(pending)).toBe(0);
  });

  it('takes a cancelled order out, and a repair rebuild gives the same aggregates', async () => {
    const cancelled = { ...order(0, 'agg_a', 'Order Cancelled'), timestamp: '2025-06-01T00:00:00Z' };
    expect((await h.post('/v1/track', cancelled)).status).toBe(200);
    const before = await aggregates();
    expect(before.stats[0]).toEqual({ id: 'agg_a', n: 23, spent: 230 });
    await h.database.sql`delete from customer_purchases where workspace_id = 'ws_a' and customer_id = 'agg_b'`;
    await h.database.sql`update customer_order_stats set order_count = 0 where workspace_id = 'ws_a'`;
    await rebuildOrderAggregates(h.database.sql, 'ws_a');
    expect(await aggregates()).toEqual(before);
  });
});

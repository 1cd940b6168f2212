// The replenishment prediction's SQL on a real Postgres: enough history gives the customer's own
// median; otherwise the product's cycle, then the most specific category cycle, then the fallback.
import { choosePrediction, predictionFacts, type Database, type PredictionAsk } from '@afterglow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const WS = 'ws_repl';

let database: Database;

async function order(id: string, customerId: string, placedDaysAgo: number, items: [string, string][], status = 'delivered') {
  const sql = database.sql;
  await sql`insert into orders (workspace_id, id, customer_id, status, total, placed_at)
    values (${WS}, ${id}, ${customerId}, ${status}, 10, ${daysAgo(placedDaysAgo).toISOString()})`;
  for (const [line, [product, category]] of items.entries()) {
    await sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, category, price)
      values (${WS}, ${id}, ${line + 1}, ${customerId}, ${product}, ${product}, ${category}, 10)`;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const sql = database.sql;
  await sql`insert into products (workspace_id, id, name, category, buying_cycle_min_days, buying_cycle_max_days) values
    (${WS}, 'serum', 'Serum', 'Cosmetics > Skin', 56, 84),
    (${WS}, 'cream', 'Cream', 'Cosmetics > Skin', null, null),
    (${WS}, 'soap', 'Soap', 'Cosmetics', null, null),
    (${WS}, 'filter', 'Filter', 'Industrial', null, null),
    (${WS}, 'ball', 'Ball', 'Football', null, null)`;
  await sql`insert into category_buying_cycles (workspace_id, category, min_days, max_days) values
    (${WS}, 'cosmetics', 60, 100), (${WS}, 'Cosmetics > Skin', 40, 50), (${WS}, 'Industrial', 365, 425)`;
  // ada buys the serum every 30 days, once 200 days late (the median ignores it), once split in two.
  await order('a1', 'ada', 320, [['serum', 'Cosmetics > Skin']]);
  await order('a2', 'ada', 290, [['serum', 'Cosmetics > Skin']]);
  await order('a3', 'ada', 90, [['serum', 'Cosmetics > Skin']]);
  await order('a4', 'ada', 60, [['serum', 'Cosmetics > Skin']]);
  await order('a5', 'ada', 30, [['serum', 'Cosmetics > Skin']]);
  await order('a5b', 'ada', 29.8, [['serum', 'Cosmetics > Skin']]);
  await order('a6', 'ada', 5, [['serum', 'Cosmetics > Skin']], 'refunded');
  // bob bought the serum twice (one interval: not enough), the cream and soap once.
  await order('b1', 'bob', 100, [['serum', 'Cosmetics > Skin'], ['cream', 'Cosmetics > Skin']]);
  await order('b2', 'bob', 20, [['serum', 'Cosmetics > Skin'], ['soap', 'Cosmetics']]);
  await order('b3', 'bob', 10, [['filter', 'Industrial']]);
});
afterAll(() => database?.close());

const ask = (customerId: string, what: PredictionAsk['what'], value: string): PredictionAsk => ({ workspaceId: WS, customerId, what, value });

describe('predictionFacts + choosePrediction', () => {
  it('answers every ask in one statement, in order', async () => {
    const asks = [ask('ada', 'product', 'serum'), ask('bob', 'product', 'serum'), ask('bob', 'product', 'cream'),
      ask('bob', 'product', 'soap'), ask('bob', 'category', 'industrial'), ask('bob', 'product', 'ball'), ask('cyd', 'product', 'serum')];
    const facts = await predictionFacts(database.sql, asks);
    expect(facts).toHaveLength(asks.length);
    const [ada, bobSerum, bobCream, bobSoap, bobIndustrial, bobBall, cyd] = facts.map((f) => choosePrediction(f, NOW, 14));

    // Own history: intervals 30, 200, 30, 30 (the same-day split and the refund left out); median 30.
    expect(facts[0]).toMatchObject({ purchases: 5, ownDays: 30 });
    expect(ada).toMatchObject({ rule: 'own_history', days: 30, at: new Date(daysAgo(30).getTime() + 30 * DAY) });
    // One interval is not a rhythm: the product's cycle, 56-84 days, its middle.
    expect(bobSerum).toMatchObject({ rule: 'product_cycle', days: 70, at: new Date(daysAgo(20).getTime() + 70 * DAY) });
    // No product cycle: the most specific category ("Cosmetics > Skin" over "cosmetics", case ignored).
    expect(bobCream).toMatchObject({ rule: 'category_cycle', days: 45, at: new Date(daysAgo(100).getTime() + 45 * DAY) });
    expect(bobSoap).toMatchObject({ rule: 'category_cycle', days: 80 });
    expect(bobIndustrial).toMatchObject({ rule: 'category_cycle', days: 395, lastAt: daysAgo(10) });
    // Nothing known of footballs: the fallback, from the last purchase; never bought: from now.
    expect(bobBall).toMatchObject({ rule: 'fallback', days: 14, at: new Date(NOW.getTime() + 14 * DAY), lastAt: null });
    expect(cyd).toMatchObject({ rule: 'product_cycle', lastAt: null, at: new Date(NOW.getTime() + 70 * DAY) });
  });

  it('gives no prediction without a rule that applies, and nothing for no asks', async () => {
    const [facts] = await predictionFacts(database.sql, [ask('bob', 'category', 'Football')]);
    expect(choosePrediction(facts, NOW)).toBeNull();
    expect(await predictionFacts(database.sql, [])).toEqual([]);
  });

  it('refuses a buying cycle whose minimum is above its maximum', async () => {
    await expect(database.sql`insert into category_buying_cycles (workspace_id, category, min_days, max_days)
      values (${WS}, 'Books', 90, 30)`).rejects.toThrow(/category_buying_cycles_days_ck/);
  });
});

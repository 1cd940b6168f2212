// Order points and their refunds from Shopify's own webhook bodies (tests/fixtures/shopify/corpus):
// order #1001 of Bob Norman (409.94) earns 409 points; Shopify's refund fixtures give back 209.00
// (two of three items) and 41.94 (one item), partial refunds that take back their share of the
// points; a redelivered refund takes nothing more, and the points never go below what was left;
// a Shopify refund of every item (with no money named) takes back all of its order's.
import type { Database } from '@afterglow/db';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setShopifyConnection, shopifySignature } from '../packages/api/src/shopify/index';
import { createTestDatabase } from './support/db';
import { startShopifyReceiver } from './support/shopify';

const SECRET = 'shpss_loyalty_secret';
const NOW = new Date('2026-03-02T09:00:00Z');
const corpus = (file: string) => readFileSync(path.join(import.meta.dirname, 'fixtures/shopify/corpus', file), 'utf8');
let database: Database;
let receiver: Awaited<ReturnType<typeof startShopifyReceiver>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const loyalty = { earning: { orders: { enabled: true, pointsPerUnit: 1 } } };
  await database.sql`insert into workspaces (id, name, signing_secret, settings)
    values ('ws_s', 'Shop S', 's', ${JSON.stringify({ loyalty })}::text::jsonb)`;
  await setShopifyConnection(database, 'ws_s', SECRET, null, NOW);
  receiver = await startShopifyReceiver(database, NOW, []);
});
afterAll(async () => {
  await receiver?.close();
  await database?.close();
});

async function send(topic: string, id: string, raw: string) {
  const res = await fetch(receiver.url, { method: 'POST', body: raw, headers: {
    'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-webhook-id': id, 'x-shopify-hmac-sha256': shopifySignature(SECRET, raw),
  } });
  return res.status;
}
const ledger = async () => (await database.sql<{ kind: string; points: number; customerId: string; orderId: string }[]>`
  select kind, points, customer_id as "customerId", order_id as "orderId" from loyalty_ledger where workspace_id = 'ws_s' order by id`).map((r) => ({ ...r }));

it('earns on orders/create and takes back each partial refund\'s share, once', async () => {
  expect(await send('orders/create', 'w-1', corpus('ruby/order.json'))).toBe(200);
  expect(await send('orders/updated', 'w-2', corpus('ruby/order.json'))).toBe(200);
  expect(await ledger()).toEqual([{ kind: 'order', points: 409, customerId: '207119551', orderId: '450789469' }]);

  expect(await send('refunds/create', 'w-3', corpus('ruby/refund.json'))).toBe(200); // 209.00 of 409.94
  expect(await send('refunds/create', 'w-3', corpus('ruby/refund.json'))).toBe(200); // redelivered
  expect(await send('refunds/create', 'w-4', corpus('appjs/refund.json'))).toBe(200); // 41.94 more
  expect((await ledger()).map((e) => [e.kind, e.points])).toEqual([['order', 409], ['refund', -209], ['refund', -42]]);
  const [order] = await database.sql`select status, total::float8 as total from orders where workspace_id = 'ws_s' and id = '450789469'`;
  expect({ ...order }).toEqual({ status: 'placed', total: 409.94 }); // partly refunded: still in the order history

  // Cancelled at last: what is left of the order's points goes, and no more.
  const cancelled = { ...JSON.parse(corpus('ruby/order.json')), cancelled_at: '2008-01-11T11:00:00-05:00', updated_at: '2008-01-11T11:00:00-05:00' };
  expect(await send('orders/cancelled', 'w-5', JSON.stringify(cancelled))).toBe(200);
  expect((await ledger()).map((e) => e.points)).toEqual([409, -209, -42, -158]);
});

it('a refund of every item takes back all the points, though its transactions name no money', async () => {
  // Bob Norman's order as another order of two items (398.00), and Shopify's refund fixture of two
  // items with its transactions left out (a refund of goods only): Shopify's count makes it full.
  const order = JSON.parse(corpus('ruby/order.json'));
  const refund = { ...JSON.parse(corpus('ruby/refund.json')), id: 509562970, order_id: 450789470, transactions: [] };
  const refunded = new Set(refund.refund_line_items.map((l: { line_item_id: number }) => l.line_item_id));
  const lines = order.line_items.filter((l: { id: number }) => refunded.has(l.id));
  const twoItems = { ...order, id: 450789470, name: '#1002', total_price: '398.00', line_items: lines };
  expect(await send('orders/create', 'w-10', JSON.stringify(twoItems))).toBe(200);
  expect(await send('refunds/create', 'w-11', JSON.stringify(refund))).toBe(200);
  const entries = (await ledger()).filter((e) => e.orderId === '450789470');
  expect(entries.map((e) => [e.kind, e.points])).toEqual([['order', 398], ['refund', -398]]);
  const [stored] = await database.sql`select status from orders where workspace_id = 'ws_s' and id = '450789470'`;
  expect(stored.status).toBe('refunded');
});

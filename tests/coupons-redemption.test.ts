// Coupon redemption through ingestion: a placed order naming an issued code (Segment's
// `coupon`, Shopify's `discount_codes`) marks that coupon redeemed by that order, once,
// in any case of letters; the canvas counts it on the step that issued the coupon.
import { addNodeCounts, type Database } from '@afterglow/db';
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createIngestHandler, hashIngestKey } from '../packages/api/src/ingest/index';
import { createShopifyWebhookHandler, setShopifyConnection, shopifySignature } from '../packages/api/src/shopify/index';
import { createTestDatabase } from './support/db';

const NOW = new Date('2026-05-01T10:00:00Z');
const KEY = 'ag_test_coupon_key';
const SECRET = 'shpss_coupon_secret';
let db: Database;
let server: http.Server;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'Shop A', 's'), ('ws_b', 'Shop B', 's')`;
  await db.sql`insert into ingest_keys (id, workspace_id, prefix, key_hash) values ('k1', 'ws_a', 'ag_test', ${hashIngestKey(KEY)})`;
  await setShopifyConnection(db, 'ws_a', SECRET, null, NOW);
  const deps = { database: db, clock: { now: () => NOW }, onEventsStored: async () => {}, afterCommit: async () => {} };
  const ingest = createIngestHandler(deps);
  const shopify = createShopifyWebhookHandler(deps);
  server = http.createServer((req, res) => void (req.url?.startsWith('/webhooks/') ? shopify(req, res) : ingest(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Coupons as the Issue coupon step stores (and counts) them; the same code also lives in another workspace.
  const coupon = (ws: string, code: string, node = 'coupon') => db.sql.begin(async (tx) => {
    await tx`
      insert into coupons (workspace_id, code, customer_id, version_id, node_id, effect_key, kind, value, expires_at, created_at)
      values (${ws}, ${code}, 'ada', ${`${ws}_j_v1`}, ${node}, ${`${ws}:${code}`}, 'percent', 10, ${new Date('2026-06-01T00:00:00Z')}, ${NOW})`;
    await addNodeCounts(tx, [{ version: `${ws}_j_v1`, node, metric: 'issued', n: 1 }]);
  });
  for (const code of ['THANKS-AAAA2222BBBB', 'THANKS-CCCC3333DDDD', 'THANKS-EEEE4444FFFF', 'THANKS-GGGG5555HHHH']) await coupon('ws_a', code);
  await coupon('ws_a', 'OTHER-JJJJ6666KKKK', 'other');
  await coupon('ws_b', 'THANKS-AAAA2222BBBB');
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

const track = (messageId: string, event: string, properties: Record<string, unknown>, timestamp = '2026-05-01T09:00:00Z') =>
  fetch(`${base}/v1/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` },
    body: JSON.stringify({ userId: 'ada', event, messageId, timestamp, properties }),
  });

const redeemed = async (code: string, ws = 'ws_a') => (await db.sql<{ order: string | null; at: Date | null }[]>`
  select redeemed_order_id as order, redeemed_at as at from coupons where workspace_id = ${ws} and code = ${code}`)[0];

it('redeems the coupon an Order Completed names, whatever its case, in that workspace only', async () => {
  expect((await track('m1', 'Order Completed', { order_id: 'o-1', total: 80, coupon: ' thanks-aaaa2222bbbb ' })).status).toBe(200);
  expect(await redeemed('THANKS-AAAA2222BBBB')).toEqual({ order: 'o-1', at: new Date('2026-05-01T09:00:00Z') });
  expect(await redeemed('THANKS-AAAA2222BBBB', 'ws_b')).toEqual({ order: null, at: null });
  expect(await redeemed('THANKS-CCCC3333DDDD')).toEqual({ order: null, at: null });
});

it('keeps the first order when a code is used again, and ignores events that place no order', async () => {
  await track('m2', 'order_placed', { order_id: 'o-2', coupon: 'THANKS-AAAA2222BBBB' }, '2026-05-01T09:30:00Z');
  expect((await redeemed('THANKS-AAAA2222BBBB')).order).toBe('o-1');
  await track('m3', 'order_shipped', { order_id: 'o-3', coupon: 'THANKS-CCCC3333DDDD' });
  await track('m4', 'Product Viewed', { order_id: 'o-4', coupon: 'THANKS-CCCC3333DDDD' });
  expect((await redeemed('THANKS-CCCC3333DDDD')).order).toBeNull();
});

it('redeems several codes of one order from discount_codes (strings or objects) and unknown codes change nothing', async () => {
  await track('m5', 'Order Completed', { order_id: 'o-5', discount_codes: ['THANKS-CCCC3333DDDD', { code: 'other-jjjj6666kkkk' }, 'NOPE'] });
  expect((await redeemed('THANKS-CCCC3333DDDD')).order).toBe('o-5');
  expect((await redeemed('OTHER-JJJJ6666KKKK')).order).toBe('o-5');
  expect(await db.sql`select 1 from coupons where code = 'NOPE'`).toHaveLength(0);
});

it('redeems the discount code of a Shopify orders/create webhook', async () => {
  const body = JSON.stringify({
    id: 5001, email: 'ada@example.com', created_at: '2026-05-01T08:00:00Z', updated_at: '2026-05-01T08:00:00Z', currency: 'EUR',
    total_price: '45.00', line_items: [{ id: 1, product_id: 10, title: 'Mug', price: '45.00', quantity: 1 }],
    discount_codes: [{ code: 'Thanks-Eeee4444Ffff', amount: '4.50', type: 'percentage' }],
  });
  const res = await fetch(`${base}/webhooks/shopify`, { method: 'POST', body, headers: {
    'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': 'wh-1',
    'x-shopify-shop-domain': 'shop-a.myshopify.com', 'x-shopify-hmac-sha256': shopifySignature(SECRET, body),
  } });
  expect(res.status).toBe(200);
  expect(await redeemed('THANKS-EEEE4444FFFF')).toEqual({ order: '5001', at: new Date('2026-05-01T08:00:00Z') });
  expect((await redeemed('THANKS-GGGG5555HHHH')).order).toBeNull();
});

it('counts redemptions on the step that issued the coupons', async () => {
  const engine = createEngine({ database: db, registry: createRegistry() });
  const stats = await engine.stats('ws_a_j_v1');
  expect(stats.nodes.coupon.counters).toEqual({ issued: 4, redeemed: 3 });
  expect(stats.nodes.other.counters).toEqual({ issued: 1, redeemed: 1 });
});

// Shopify webhooks against a real HTTP server and Postgres: signatures checked before
// anything is stored, payloads mapped into the same order/customer/product rows as the
// Segment API, redelivery by webhook id a no-op, orders/fulfilled handed on as order_shipped.
import type { Database } from '@afterglow/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IngestedEvent } from '../packages/api/src/ingest/index';
import { setShopifyConnection, shopifySignature } from '../packages/api/src/shopify/index';
import { createTestDatabase } from './support/db';
import { startShopifyReceiver } from './support/shopify';

const SECRET = 'shpss_test_secret_a';
const OTHER_SECRET = 'shpss_test_secret_b';
const NOW = new Date('2025-06-01T10:00:00Z');
let database: Database;
let base: string;
let receiver: Awaited<ReturnType<typeof startShopifyReceiver>>;
const stored: IngestedEvent[][] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'Shop A', 's'), ('ws_b', 'Shop B', 's')`;
  await setShopifyConnection(database, 'ws_a', SECRET, null, NOW);
  await setShopifyConnection(database, 'ws_b', OTHER_SECRET, 'shop-b.myshopify.com', NOW);
  receiver = await startShopifyReceiver(database, NOW, stored);
  base = receiver.url;
});
afterAll(async () => {
  await receiver?.close();
  await database.close();
});
beforeEach(() => { stored.length = 0; });

interface Send { topic: string; id: string; body?: unknown; raw?: string; secret?: string | null; signature?: string; shop?: string }
async function send({ topic, id, body, raw = JSON.stringify(body), secret = SECRET, signature, shop = 'shop-a.myshopify.com' }: Send) {
  const headers: Record<string, string> = {
    'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-webhook-id': id, 'x-shopify-shop-domain': shop,
  };
  if (signature !== undefined) headers['x-shopify-hmac-sha256'] = signature;
  else if (secret) headers['x-shopify-hmac-sha256'] = shopifySignature(secret, raw);
  const res = await fetch(base, { method: 'POST', headers, body: raw });
  return { status: res.status, json: await res.json() };
}

const customer = (updatedAt: string, extra: Record<string, unknown> = {}) => ({
  id: 7001, email: 'ana@example.com', first_name: 'Ana', last_name: 'Kovač', updated_at: updatedAt,
  email_marketing_consent: { state: 'subscribed' }, tags: 'vip, Wholesale ', ...extra,
});
const order = (extra: Record<string, unknown> = {}) => ({
  id: 820982911946154500, email: 'ana@example.com', created_at: '2025-05-20T09:00:00+02:00', updated_at: '2025-05-20T09:00:00+02:00',
  currency: 'EUR', total_price: '99.80', customer: customer('2025-05-20T07:00:00Z'),
  line_items: [
    { id: 1, product_id: 632910392, variant_id: 808950810, sku: 'IPOD-1', title: 'Trail runner', vendor: 'Apple', price: '49.90', quantity: 2 },
    { id: 2, product_id: null, variant_id: null, sku: null, title: 'Gift wrap', vendor: null, price: '0.00', quantity: 1 },
  ],
  ...extra,
});

const count = async (table: string) => (await database.sql`select count(*)::int as n from ${database.sql(table)}`)[0].n as number;

describe('signatures', () => {
  for (const [name, opts] of [
    ['missing', { secret: null }], ['made with another secret', { secret: 'wrong-secret' }], ['garbage', { signature: 'not base64!' }],
    ['of another shop bound to its domain', { secret: OTHER_SECRET, shop: 'shop-x.myshopify.com' }],
  ] as const) {
    it(`a ${name} signature → 401, nothing stored`, async () => {
      const before = [await count('orders'), await count('customers'), await count('webhook_receipts')];
      const res = await send({ topic: 'orders/create', id: `sig-${name}`, body: order(), ...opts });
      expect(res.status).toBe(401);
      expect(res.json.error).toMatch(/X-Shopify-Hmac-Sha256/);
      expect([await count('orders'), await count('customers'), await count('webhook_receipts')]).toEqual(before);
      expect(stored).toEqual([]);
    });
  }

  it('the signature picks the workspace', async () => {
    const res = await send({ topic: 'customers/create', id: 'wh-ws-b', body: customer('2025-05-01T00:00:00Z', { id: 9 }), secret: OTHER_SECRET, shop: 'shop-b.myshopify.com' });
    expect(res.status).toBe(200);
    const [c] = await database.sql`select workspace_id from customers where id = '9'`;
    expect(c.workspace_id).toBe('ws_b');
  });
});

describe('records', () => {
  it('orders/create writes the order, items, products and customer and enrols Order Completed', async () => {
    expect((await send({ topic: 'orders/create', id: 'wh-1', body: order() })).status).toBe(200);
    const [o] = await database.sql`select workspace_id, customer_id, status, total::float8 as total, placed_at from orders where id = '820982911946154500'`;
    expect({ ...o }).toEqual({ workspace_id: 'ws_a', customer_id: '7001', status: 'placed', total: 99.8, placed_at: new Date('2025-05-20T07:00:00Z') });
    const items = await database.sql`select product_id, sku, name, brand, price::float8 as price, quantity from order_items where order_id = '820982911946154500' order by line`;
    expect(items.map((i) => ({ ...i }))).toEqual([
      { product_id: '632910392', sku: 'IPOD-1', name: 'Trail runner', brand: 'Apple', price: 49.9, quantity: 2 },
      { product_id: 'line-2', sku: null, name: 'Gift wrap', brand: null, price: 0, quantity: 1 },
    ]);
    const [c] = await database.sql`select email, first_name, marketing_consent, attributes, tags from customers where id = '7001'`;
    expect({ ...c }).toEqual({ email: 'ana@example.com', first_name: 'Ana', marketing_consent: true, attributes: { shopify_customer_id: '7001' }, tags: ['vip', 'Wholesale'] });
    expect(stored.flat().map((e) => [e.name, e.customerId, e.properties.order_id])).toEqual([['Order Completed', '7001', '820982911946154500']]);
  });

  it('64-bit ids keep every digit', async () => {
    const raw = JSON.stringify(order({ id: 'BIG', line_items: [{ id: 1, product_id: 'BIGP', title: 'Cap', price: '10', quantity: 1 }] }))
      .replace('"BIG"', '820982911946154508').replace('"BIGP"', '9007199254740993');
    expect((await send({ topic: 'orders/create', id: 'wh-big', raw })).status).toBe(200);
    const [item] = await database.sql`select order_id, product_id from order_items where order_id = '820982911946154508'`;
    expect({ ...item }).toEqual({ order_id: '820982911946154508', product_id: '9007199254740993' });
  });

  it('a redelivered webhook id changes nothing and enrols nobody', async () => {
    const before = [await count('events'), await count('order_items')];
    const res = await send({ topic: 'orders/create', id: 'wh-1', body: order({ total_price: '1.00' }) });
    expect(res).toEqual({ status: 200, json: { success: true, duplicate: 'webhook wh-1 was already handled' } });
    expect([await count('events'), await count('order_items')]).toEqual(before);
    expect(stored).toEqual([]);
  });

  it('orders/fulfilled is stored and handed on as order_shipped; a late orders/create does not undo it', async () => {
    const id = 820982911946154600;
    await send({ topic: 'orders/fulfilled', id: 'wh-f', body: order({ id, updated_at: '2025-05-22T10:00:00Z' }) });
    await send({ topic: 'orders/create', id: 'wh-c', body: order({ id }) });
    const [o] = await database.sql`select status, placed_at from orders where id = ${String(id)}`;
    expect({ ...o }).toEqual({ status: 'shipped', placed_at: new Date('2025-05-20T07:00:00Z') });
    expect(stored.flat().map((e) => e.name)).toEqual(['order_shipped', 'Order Completed']);
    const [event] = await database.sql`select name, type from events where message_id = 'shopify:wh-f'`;
    expect({ ...event }).toEqual({ name: 'order_shipped', type: 'track' });
  });

  it('orders/cancelled sets the status from cancelled_at', async () => {
    await send({ topic: 'orders/cancelled', id: 'wh-x', body: order({ cancelled_at: '2025-05-21T00:00:00Z', updated_at: '2025-05-21T00:00:01Z' }) });
    const [o] = await database.sql`select status from orders where id = '820982911946154500'`;
    expect(o.status).toBe('cancelled');
  });

  it('customers/update is last-writer-wins and can only withdraw consent', async () => {
    await send({ topic: 'customers/update', id: 'wh-u2', body: customer('2025-06-02T00:00:00Z', { first_name: 'Anna', email_marketing_consent: { state: 'unsubscribed' } }) });
    await send({ topic: 'customers/update', id: 'wh-u1', body: customer('2025-06-01T00:00:00Z', { first_name: 'Old' }) });
    const [c] = await database.sql`select first_name, marketing_consent from customers where id = '7001'`;
    expect({ ...c }).toEqual({ first_name: 'Anna', marketing_consent: false });
  });

  it('products/create and products/update upsert the product, newest first', async () => {
    const product = (title: string, updatedAt: string) => ({
      id: 632910392, title, vendor: 'Apple', product_type: 'Running', handle: 'trail-runner', updated_at: updatedAt,
      variants: [{ sku: 'IPOD-1', price: '59.00' }], image: { src: 'https://cdn.shopify.com/trail.jpg' },
    });
    await send({ topic: 'products/update', id: 'wh-p2', body: product('Trail runner v2', '2025-06-03T00:00:00Z') });
    await send({ topic: 'products/create', id: 'wh-p1', body: product('Trail runner', '2025-06-01T00:00:00Z') });
    const [p] = await database.sql`select name, category, brand, price::float8 as price, image_url, url from products where id = '632910392'`;
    expect({ ...p }).toEqual({
      name: 'Trail runner v2', category: 'Running', brand: 'Apple', price: 59, image_url: 'https://cdn.shopify.com/trail.jpg',
      url: 'https://shop-a.myshopify.com/products/trail-runner',
    });
  });
});

describe('bad payloads', () => {
  it('an invalid order names the field and the order id, and stores nothing (not even the receipt)', async () => {
    const before = [await count('orders'), await count('webhook_receipts')];
    const res = await send({ topic: 'orders/create', id: 'wh-bad', body: order({ id: 555, total_price: 'lots', line_items: [{ id: 1, price: '1', quantity: 1.5 }] }) });
    expect(res.status).toBe(400);
    expect(res.json.error).toContain('order 555');
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(['total_price', 'line_items.0.quantity']);
    expect([await count('orders'), await count('webhook_receipts')]).toEqual(before);
  });

  it('an order without customer or email (POS, API) is stored for a profile named after it, with no email', async () => {
    for (const [id, email] of [[556, null], [557, ''], [558, '  ']] as const) {
      const res = await send({ topic: 'orders/create', id: `wh-guest-${id}`, body: order({ id, customer: null, email }) });
      expect(res.status).toBe(200);
      const [o] = await database.sql`select o.customer_id, c.email from orders o join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id where o.id = ${String(id)}`;
      expect({ ...o }).toEqual({ customer_id: `shopify-order-${id}`, email: null });
    }
  });

  it('a topic Afterglow does not use is acknowledged and ignored', async () => {
    const res = await send({ topic: 'carts/update', id: 'wh-cart', body: { id: 1 } });
    expect(res).toEqual({ status: 200, json: { success: true, ignored: 'topic carts/update is not used by Afterglow' } });
  });
});

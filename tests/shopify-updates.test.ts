// Shopify orders/updated and refunds/create: mapped into the same order rows as the other
// topics (last writer wins by Shopify's timestamps), signed and idempotent by webhook id like
// them; an update never enrols "Order Completed" journeys again; a full refund takes the
// order out of the customer's order history, a partial one only goes on the timeline; an
// erased customer's order is refunded for no one.
import type { Database } from '@afterglow/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IngestedEvent } from '../packages/api/src/ingest/index';
import { eraseCustomer } from '../packages/api/src/privacy/index';
import { setShopifyConnection, shopifySignature } from '../packages/api/src/shopify/index';
import { createTestDatabase } from './support/db';
import { startShopifyReceiver } from './support/shopify';

const SECRET = 'shpss_updates_secret';
const NOW = new Date('2025-06-01T10:00:00Z');
let database: Database;
let base: string;
let receiver: Awaited<ReturnType<typeof startShopifyReceiver>>;
const stored: IngestedEvent[][] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_u', 'Shop U', 's')`;
  await setShopifyConnection(database, 'ws_u', SECRET, null, NOW);
  receiver = await startShopifyReceiver(database, NOW, stored);
  base = receiver.url;
});
afterAll(async () => {
  await receiver?.close();
  await database.close();
});
beforeEach(() => { stored.length = 0; });

async function send(topic: string, id: string, body: unknown, secret = SECRET) {
  const raw = JSON.stringify(body);
  const res = await fetch(base, { method: 'POST', body: raw, headers: {
    'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-webhook-id': id, 'x-shopify-hmac-sha256': shopifySignature(secret, raw),
  } });
  return { status: res.status, json: await res.json() };
}

const order = (id: number, extra: Record<string, unknown> = {}) => ({
  id, email: 'ivo@example.com', created_at: '2025-05-20T09:00:00Z', updated_at: '2025-05-20T09:00:00Z', currency: 'EUR', total_price: '60.00',
  customer: { id: 501, email: 'ivo@example.com', first_name: 'Ivo', updated_at: '2025-05-20T08:00:00Z' },
  line_items: [{ id: 1, product_id: 11, title: 'Lens', vendor: 'Canon', price: '30.00', quantity: 2 }], ...extra,
});
const state = async (id: number) => {
  const [o] = await database.sql`select status, total::float8 as total from orders where workspace_id = 'ws_u' and id = ${String(id)}`;
  const items = await database.sql`select product_id, quantity from order_items where workspace_id = 'ws_u' and order_id = ${String(id)} order by line`;
  const [s] = await database.sql`select order_count::int as n, total_spent::float8 as spent from customer_order_stats where workspace_id = 'ws_u' and customer_id = '501'`;
  return { order: { ...o }, items: items.map((i) => ({ ...i })), stats: s ? { ...s } : null };
};

describe('orders/updated', () => {
  it('updates content and state by updated_at, ignores an older update, and enrols no Order Completed', async () => {
    expect((await send('orders/create', 'u-1', order(9001))).status).toBe(200);
    const later = order(9001, { updated_at: '2025-05-22T10:00:00Z', total_price: '90.00', fulfillment_status: 'fulfilled',
      line_items: [{ id: 1, product_id: 11, title: 'Lens', vendor: 'Canon', price: '30.00', quantity: 3 }] });
    expect((await send('orders/updated', 'u-2', later)).status).toBe(200);
    // Arrives late: older than the update already applied.
    expect((await send('orders/updated', 'u-3', order(9001, { updated_at: '2025-05-21T10:00:00Z', total_price: '10.00' }))).status).toBe(200);
    expect(await state(9001)).toEqual({
      order: { status: 'shipped', total: 90 }, items: [{ product_id: '11', quantity: 3 }], stats: { n: 1, spent: 90 },
    });
    expect(stored.flat().map((e) => e.name)).toEqual(['Order Completed', 'order_updated', 'order_updated']);
    // Redelivered: nothing changes.
    expect((await send('orders/updated', 'u-2', later)).json).toMatchObject({ duplicate: 'webhook u-2 was already handled' });
  });
});

describe('refunds/create', () => {
  const refund = (id: number, orderId: number, extra: Record<string, unknown> = {}) => ({
    id, order_id: orderId, created_at: '2025-05-25T10:00:00Z', refund_line_items: [], transactions: [], ...extra,
  });

  it('a partial refund goes on the timeline only; a full one refunds the order and leaves the aggregates', async () => {
    expect((await send('orders/create', 'r-0', order(9002, { total_price: '60.00' }))).status).toBe(200);
    expect((await send('refunds/create', 'r-1', refund(1, 9002, { refund_line_items: [{ quantity: 1 }], transactions: [{ kind: 'refund', amount: '30.00' }] }))).status).toBe(200);
    expect((await state(9002)).order.status).toBe('placed');
    expect((await send('refunds/create', 'r-2', refund(2, 9002, { refund_line_items: [{ quantity: 2 }] }))).status).toBe(200);
    expect(await state(9002)).toMatchObject({ order: { status: 'refunded' }, stats: { n: 1, spent: 90 } }); // only order 9001 counts
    expect(stored.flat().map((e) => [e.name, e.customerId, e.properties.order_id])).toEqual([
      ['Order Completed', '501', '9002'], ['order_partially_refunded', '501', '9002'], ['order_refunded', '501', '9002']]);
  });

  it('a refund of an order never received is acknowledged and changes nothing; a bad one names the field', async () => {
    const before = await database.sql`select count(*)::int as n from events`;
    expect(await send('refunds/create', 'r-3', refund(3, 777))).toEqual({ status: 200, json: { success: true } });
    expect(await database.sql`select count(*)::int as n from events`).toEqual(before);
    const bad = await send('refunds/create', 'r-4', { id: 4, created_at: '2025-05-25T10:00:00Z' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual([{ path: 'order_id', message: 'order_id is required' }]);
    expect((await send('refunds/create', 'r-5', refund(5, 9002), 'wrong-secret')).status).toBe(401);
  });

  it("a refund of an erased customer's order is acknowledged and brings no one back", async () => {
    const eva = { id: 502, email: 'eva@example.com', first_name: 'Eva', updated_at: '2025-05-20T08:00:00Z' };
    expect((await send('orders/create', 'r-6', order(9003, { email: eva.email, customer: eva }))).status).toBe(200);
    await eraseCustomer(database.sql, 'ws_u', '502', NOW);
    const before = await database.sql`select count(*)::int as n from events`;
    expect(await send('refunds/create', 'r-7', refund(7, 9003, { refund_line_items: [{ quantity: 1 }] }))).toEqual({ status: 200, json: { success: true } });
    expect(await database.sql`select count(*)::int as n from events`).toEqual(before);
    expect(await database.sql`select id from customers where workspace_id = 'ws_u' and id in ('', '502')`).toHaveLength(0);
  });
});

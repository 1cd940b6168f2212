// The Shopify topics journeys need beyond orders: orders/paid, fulfilments with tracking
// (delivered becomes the order's delivered event), checkouts with their cart and recovery
// link, email marketing consent, orders/delete, and the GDPR erasures customers/redact and
// customers/delete. Bodies are Shopify's own published samples (tests/fixtures/shopify/corpus).
import type { Database } from '@afterglow/db';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IngestedEvent } from '../packages/api/src/ingest/index';
import { setShopifyConnection } from '../packages/api/src/shopify/index';
import { createTestDatabase } from './support/db';
import { startShopifyReceiver } from './support/shopify';
import { shopifySender } from './support/shopify-send';

const SECRET = 'shpss_topics_secret';
const NOW = new Date('2025-06-01T10:00:00Z');
const sample = (file: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/shopify/corpus', file), 'utf8')) as Record<string, unknown>;
// Shopify's 2025-07 examples: an order of customer 1073339474; a fulfilment and a checkout.
const ORDER = sample('appjs/order-1073459980.json');
const FULFILLMENT = sample('appjs/fulfillment.json');
const CHECKOUT = sample('appjs/checkout.json');

let database: Database;
let receiver: Awaited<ReturnType<typeof startShopifyReceiver>>;
let send: ReturnType<typeof shopifySender>;
const stored: IngestedEvent[][] = [];
const events = () => stored.flat().map((e) => ({ name: e.name, customerId: e.customerId, properties: e.properties }));

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_t', 'Shop T', 's')`;
  await setShopifyConnection(database, 'ws_t', SECRET, null, NOW);
  receiver = await startShopifyReceiver(database, NOW, stored);
  send = shopifySender(receiver.url, SECRET);
});
afterAll(async () => {
  await receiver?.close();
  await database.close();
});
beforeEach(() => { stored.length = 0; });

const orderRow = async (id: string) => {
  const [o] = await database.sql`select customer_id, status from orders where workspace_id = 'ws_t' and id = ${id}`;
  return o ? { ...o } : undefined;
};

describe('orders/paid', () => {
  it('is "order_paid" with the order, for journeys; the order stays placed', async () => {
    expect((await send({ topic: 'orders/create', id: 'tp-create', body: ORDER })).status).toBe(200);
    stored.length = 0;
    expect((await send({ topic: 'orders/paid', id: 'tp-paid', body: ORDER })).status).toBe(200);
    expect(events()).toEqual([{ name: 'order_paid', customerId: '1073339474', properties: expect.objectContaining({ order_id: '1073459980', total: 199 }) }]);
    expect(await orderRow('1073459980')).toEqual({ customer_id: '1073339474', status: 'placed' });
  });
});

describe('fulfilments', () => {
  const fulfillment = (extra: Record<string, unknown>) => ({ ...FULFILLMENT, order_id: 1073459980, ...extra });

  it('fulfillments/create is "fulfillment_created" with the tracking number and URL, for the order\'s customer', async () => {
    expect((await send({ topic: 'fulfillments/create', id: 'tp-f1', body: fulfillment({ status: 'success' }) })).status).toBe(200);
    expect(events()).toEqual([{ name: 'fulfillment_created', customerId: '1073339474', properties: expect.objectContaining({
      order_id: '1073459980', fulfillment_id: '255858046', tracking_company: 'USPS', tracking_number: '1Z1234512345123456',
      tracking_url: 'https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=1Z1234512345123456',
    }) }]);
  });

  it('fulfillments/update is "fulfillment_updated"; once delivered, it is the order\'s "order_delivered" and the order is delivered', async () => {
    await send({ topic: 'fulfillments/update', id: 'tp-f2', body: fulfillment({ shipment_status: 'in_transit', updated_at: '2025-04-03T10:00:00-05:00' }) });
    await send({ topic: 'fulfillments/update', id: 'tp-f3', body: fulfillment({ shipment_status: 'delivered', updated_at: '2025-04-05T10:00:00-05:00' }) });
    expect(events().map((e) => [e.name, e.properties.shipment_status, e.properties.tracking_number])).toEqual([
      ['fulfillment_updated', 'in_transit', '1Z1234512345123456'], ['order_delivered', 'delivered', '1Z1234512345123456'],
    ]);
    expect(await orderRow('1073459980')).toEqual({ customer_id: '1073339474', status: 'delivered' });
  });

  it("orders/fulfilled's order_shipped carries the latest shipment's tracking", async () => {
    expect((await send({ topic: 'orders/fulfilled', id: 'tp-of', body: sample('appjs/order-450789469.json') })).status).toBe(200);
    expect(events().find((e) => e.name === 'order_shipped')?.properties).toMatchObject({
      order_id: '450789469', tracking_company: 'USPS', tracking_number: '1Z1234512345123456',
      tracking_url: 'https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=1Z1234512345123456',
    });
  });

  it('a fulfilment of an order never received is acknowledged and stores nothing', async () => {
    const res = await send({ topic: 'fulfillments/create', id: 'tp-f4', body: fulfillment({ order_id: 999 }) });
    expect(res.status).toBe(200);
    expect(stored).toEqual([]);
  });
});

describe('checkouts', () => {
  it('checkouts/create is "Checkout Started" with the cart and the recovery URL; the buyer\'s profile comes with it', async () => {
    expect((await send({ topic: 'checkouts/create', id: 'tp-c1', body: CHECKOUT })).status).toBe(200);
    expect(events()).toEqual([{ name: 'Checkout Started', customerId: '207119551', properties: {
      checkout_id: '2a1ace52255252df566af0faaedfbfa7', total: 379.69, currency: 'USD', source: 'shopify',
      recovery_url: 'https://checkout.local/548380009/checkouts/2a1ace52255252df566af0faaedfbfa7/recover',
      products: [
        { product_id: '632910392', sku: 'IPOD2008RED', name: 'IPod Nano - 8GB', brand: 'Apple', price: 199, quantity: 1 },
        { product_id: '632910392', sku: 'IPOD2008PINK', name: 'IPod Nano - 8GB', brand: 'Apple', price: 199, quantity: 1 },
      ],
    } }]);
    const [c] = await database.sql`select email, first_name from customers where workspace_id = 'ws_t' and id = '207119551'`;
    expect({ ...c }).toEqual({ email: 'bob.norman@mail.example.com', first_name: 'Bob' });
  });

  it('checkouts/update is "checkout_updated"; a guest\'s checkout is keyed by its email; one with no one to reach stores nothing', async () => {
    await send({ topic: 'checkouts/update', id: 'tp-c2', body: { ...CHECKOUT, customer: null, email: 'Guest@Example.com', completed_at: '2025-04-02T12:00:00-05:00' } });
    await send({ topic: 'checkouts/update', id: 'tp-c3', body: { ...CHECKOUT, customer: null, email: '' } });
    expect(events().map((e) => [e.name, e.customerId, e.properties.completed])).toEqual([['checkout_updated', 'guest@example.com', true]]);
  });
});

describe('consent', () => {
  it('customers_email_marketing_consent/update withdraws consent and is "marketing_consent_updated"', async () => {
    await send({ topic: 'customers/create', id: 'tp-k0', body: { id: 5551, email: 'mila@example.com', updated_at: '2025-05-01T00:00:00Z' } });
    const consent = (state: string | null) => ({ customer_id: 5551, email_address: 'mila@example.com',
      email_marketing_consent: { state, opt_in_level: 'single_opt_in', consent_updated_at: '2025-05-02T00:00:00Z' } });
    await send({ topic: 'customers_email_marketing_consent/update', id: 'tp-k1', body: consent(null) });
    const consentOf = async () => (await database.sql`select marketing_consent from customers where workspace_id = 'ws_t' and id = '5551'`)[0].marketing_consent;
    expect(await consentOf()).toBe(true);
    await send({ topic: 'customers_email_marketing_consent/update', id: 'tp-k2', body: consent('unsubscribed') });
    expect(await consentOf()).toBe(false);
    expect(events().map((e) => [e.name, e.properties.state, e.properties.subscribed])).toEqual([
      ['marketing_consent_updated', undefined, undefined], ['marketing_consent_updated', 'unsubscribed', false],
    ]);
  });
});

describe('deletions', () => {
  it('orders/delete removes the order and its items and is "order_deleted" on its customer\'s timeline', async () => {
    await send({ topic: 'orders/create', id: 'tp-d0', body: { ...ORDER, id: 1073459999 } });
    stored.length = 0;
    expect((await send({ topic: 'orders/delete', id: 'tp-d1', body: { id: 1073459999 } })).status).toBe(200);
    expect(await orderRow('1073459999')).toBeUndefined();
    expect((await database.sql`select count(*)::int as n from order_items where order_id = '1073459999'`)[0].n).toBe(0);
    expect(events()).toEqual([{ name: 'order_deleted', customerId: '1073339474', properties: { order_id: '1073459999', source: 'shopify' } }]);
  });

  it('customers/redact erases the customer (and a guest profile under their email); customers/delete too', async () => {
    await send({ topic: 'orders/create', id: 'tp-r0', body: { ...ORDER, id: 1073459990, customer: { id: 6001, email: 'eva@example.com', updated_at: null } } });
    await send({ topic: 'orders/create', id: 'tp-r1', body: { ...ORDER, id: 1073459991, customer: null, email: 'eva@example.com' } });
    await send({ topic: 'customers/create', id: 'tp-r2', body: { id: 6002, email: 'ivo@example.com', updated_at: '2025-05-01T00:00:00Z' } });
    const people = async () => (await database.sql`select id from customers where workspace_id = 'ws_t' and id in ('6001', 'eva@example.com', '6002') order by id`).map((r) => r.id);
    expect(await people()).toEqual(['6001', '6002', 'eva@example.com']);
    const redact = { shop_id: 954889, shop_domain: 'shop-a.myshopify.com', customer: { id: 6001, email: 'eva@example.com', phone: null }, orders_to_redact: [1073459990] };
    expect((await send({ topic: 'customers/redact', id: 'tp-r3', body: redact })).status).toBe(200);
    expect(await people()).toEqual(['6002']);
    expect((await database.sql`select count(*)::int as n from events where workspace_id = 'ws_t' and customer_id in ('6001', 'eva@example.com')`)[0].n).toBe(0);
    expect((await send({ topic: 'customers/delete', id: 'tp-r4', body: { id: 6002 } })).status).toBe(200);
    expect(await people()).toEqual([]);
    const audit = await database.sql`select actor_email, action, target_id, detail->>'topic' as topic from audit_log where workspace_id = 'ws_t' order by id`;
    expect(audit.map((a) => ({ ...a }))).toEqual([
      { actor_email: 'shopify:shop-a.myshopify.com', action: 'customers.erase', target_id: '6001', topic: 'customers/redact' },
      { actor_email: 'shopify:shop-a.myshopify.com', action: 'customers.erase', target_id: 'eva@example.com', topic: 'customers/redact' },
      { actor_email: 'shopify:shop-a.myshopify.com', action: 'customers.erase', target_id: '6002', topic: 'customers/delete' },
    ]);
  });
});

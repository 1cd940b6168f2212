// "Checkout Abandoned" with the manual clock: a Shopify checkout (the shape of Shopify's own
// sample) or a Segment "Checkout Started" quiet for the workspace's delay becomes one event
// that starts a journey once, carrying the cart and the recovery link; a completed checkout,
// an order completing it or any later order of its customer keeps it from being abandoned; an
// update restarts the wait but never makes a second event; two workers make one; history is
// never announced; the delay is the workspace's setting; erasure takes the checkouts too, and
// the daily clean-up those 30 days past their last activity.
import type { Database } from '@afterglow/db';
import { createEngine, deleteExpired, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createIngestHandler, hashIngestKey, type IngestDeps } from '../packages/api/src/ingest/index';
import { eraseCustomer } from '../packages/api/src/privacy/erase';
import { createShopifyWebhookHandler, setShopifyConnection } from '../packages/api/src/shopify/index';
import { createTestDatabase } from './support/db';
import { publishGraph } from './support/journeys';
import { shopifySender } from './support/shopify-send';

const registry = createRegistry();
const WS = 'ws_checkouts';
const SECRET = 'shpss_checkouts_secret';
const KEY = 'ag_checkouts_key';
const MINUTE = 60_000;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
const CHECKOUT = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/shopify/corpus/appjs/checkout.json'), 'utf8')) as Record<string, unknown>;
const ORDER = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/shopify/corpus/appjs/order-1073459980.json'), 'utf8')) as Record<string, unknown>;
const BOB = '207119551'; // the sample checkout's customer
let db: Database;
let engine: Engine;
let servers: http.Server[] = [];
let shopify: ReturnType<typeof shopifySender>;
let segmentUrl: string;
let hook = 0;

async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) {
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  engine = createEngine({ database: db, registry, clock });
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Shop', 's')`;
  await db.sql`insert into ingest_keys (id, workspace_id, prefix, key_hash) values ('k_co', ${WS}, 'ag_chec', ${hashIngestKey(KEY)})`;
  await setShopifyConnection(db, WS, SECRET, null, clock.now());
  // Stored and enrolled as the server does it: the engine's enrolEvents inside the transaction.
  const deps: IngestDeps = { database: db, clock, onEventsStored: (tx, events) => engine.enrolEvents(tx as never, events), afterCommit: async () => {} };
  shopify = shopifySender(`${await serve(createShopifyWebhookHandler(deps))}/webhooks/shopify`, SECRET);
  segmentUrl = await serve(createIngestHandler(deps));
  // The journey: on "Checkout Abandoned", 10 points (an effect to count).
  const at = { x: 0, y: 0 };
  const graph: JourneyGraph = {
    nodes: [
      { id: 't', type: 'core/trigger-event', position: at, config: { event: 'Checkout Abandoned', filters: [], entryKeyProperty: 'checkout_id' } },
      { id: 'gift', type: 'core/grant-points', position: at, config: { amount: 10, reason: 'Come back' } },
    ],
    edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'gift' }],
  };
  await publishGraph(db, registry, WS, 'j_abandoned', graph);
});

afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
  await db?.close();
});

/** A Shopify checkout webhook shaped like Shopify's sample, at the clock's time unless told. */
async function sendCheckout(topic: 'checkouts/create' | 'checkouts/update', token: string, extra: Record<string, unknown> = {}) {
  const now = clock.now().toISOString();
  const res = await shopify({ topic, id: `co-${++hook}`, body: { ...CHECKOUT, token, created_at: now, updated_at: now, ...extra } });
  expect(res.status).toBe(200);
}

async function sendOrder(id: number, extra: Record<string, unknown>) {
  const now = clock.now().toISOString();
  const res = await shopify({ topic: 'orders/create', id: `or-${++hook}`, body: { ...ORDER, id, created_at: now, updated_at: now, ...extra } });
  expect(res.status).toBe(200);
}

async function segmentTrack(userId: string, event: string, properties: Record<string, unknown>) {
  const res = await fetch(`${segmentUrl}/v1/track`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` },
    body: JSON.stringify({ userId, event, properties, messageId: `seg-${++hook}`, timestamp: clock.now().toISOString() }),
  });
  expect(res.status).toBe(200);
}

const abandoned = async (checkoutId: string) => (await db.sql<{ customerId: string; properties: Record<string, unknown> }[]>`
  select customer_id as "customerId", properties from events
  where workspace_id = ${WS} and name = 'Checkout Abandoned' and properties->>'checkout_id' = ${checkoutId}`).map((r) => ({ ...r }));
const runsFor = async (checkoutId: string) => (await db.sql`
  select id from journey_runs where journey_id = 'j_abandoned' and context->'trigger'->'properties'->>'checkout_id' = ${checkoutId}`).length;

/** Moves the clock on and runs the checkouts job once; returns what it emitted. */
async function after(minutes: number) {
  clock.advance(minutes * MINUTE);
  return engine.runAbandonedCheckouts();
}

it('a Shopify checkout quiet for 60 minutes is one "Checkout Abandoned" with the cart and recovery link, and starts the journey once', async () => {
  await sendCheckout('checkouts/create', 'tok-plain');
  expect(await after(59)).toBe(0);
  expect(await after(2)).toBe(1);
  expect(await after(1)).toBe(0);
  expect(await abandoned('tok-plain')).toEqual([{ customerId: BOB, properties: {
    checkout_id: 'tok-plain', total: 379.69, currency: 'USD', source: 'shopify', started_at: expect.any(String),
    recovery_url: 'https://checkout.local/548380009/checkouts/2a1ace52255252df566af0faaedfbfa7/recover',
    products: [
      { product_id: '632910392', sku: 'IPOD2008RED', name: 'IPod Nano - 8GB', brand: 'Apple', price: 199, quantity: 1 },
      { product_id: '632910392', sku: 'IPOD2008PINK', name: 'IPod Nano - 8GB', brand: 'Apple', price: 199, quantity: 1 },
    ],
  } }]);
  expect(await runsFor('tok-plain')).toBe(1);
  // The event picker counts it, with its properties, as it counts events the shop sends.
  const [named] = await db.sql<{ n: number; keys: string[] }[]>`select sum(count)::int as n,
    array(select distinct k from event_names e, jsonb_object_keys(e.properties) k where e.workspace_id = ${WS} and e.name = 'Checkout Abandoned' order by k) as keys
    from event_names where workspace_id = ${WS} and name = 'Checkout Abandoned'`;
  expect(named.n).toBe(1);
  expect(named.keys).toEqual(expect.arrayContaining(['checkout_id', 'products', 'recovery_url', 'total']));
  await engine.advanceUntilIdle();
  const [ledger] = await db.sql`select count(*)::int as n from loyalty_ledger where workspace_id = ${WS} and customer_id = ${BOB}`;
  expect(ledger.n).toBe(1);
});

it('a checkout completed, or completed by an order carrying its token, or followed by any order of its customer, is never abandoned', async () => {
  // Each checkout of a customer of its own, so only its own rule keeps it from being abandoned.
  const mila = { ...(CHECKOUT.customer as object), id: 8802 };
  await sendCheckout('checkouts/create', 'tok-completed', { customer: mila });
  await after(10);
  await sendCheckout('checkouts/update', 'tok-completed', { customer: mila, completed_at: clock.now().toISOString() });
  // A guest checkout (keyed by email) and an order of customer 1073339474 carrying its token.
  await sendCheckout('checkouts/create', 'tok-token', { customer: null, email: 'guest@example.com' });
  await after(5);
  await sendOrder(7001, { checkout_token: 'tok-token' });
  // A checkout, then an order of the same customer without any token.
  const nika = { ...(CHECKOUT.customer as object), id: 8803 };
  await sendCheckout('checkouts/create', 'tok-ordered', { customer: nika });
  await after(5);
  await sendOrder(7002, { checkout_token: null, customer: { ...(ORDER.customer as object), id: 8803 } });
  expect(await after(24 * 60)).toBe(0);
  expect([...await abandoned('tok-completed'), ...await abandoned('tok-token'), ...await abandoned('tok-ordered')]).toEqual([]);
});

it('an update restarts the wait from its own time, and a checkout is abandoned once however often it is updated', async () => {
  await sendCheckout('checkouts/create', 'tok-updated');
  await after(30);
  await sendCheckout('checkouts/update', 'tok-updated', { total_price: '199.00' });
  expect(await after(31)).toBe(0); // 61 minutes after the start, 31 after the update
  expect(await after(30)).toBe(1);
  await sendCheckout('checkouts/update', 'tok-updated', { total_price: '99.00' });
  expect(await after(120)).toBe(0);
  const events = await abandoned('tok-updated');
  expect(events.map((e) => e.properties.total)).toEqual([199]);
  expect(await runsFor('tok-updated')).toBe(1);
});

it('two workers running the job at once store one event and start one run', async () => {
  const second = createEngine({ database: db, registry, clock });
  await sendCheckout('checkouts/create', 'tok-race');
  clock.advance(61 * MINUTE);
  const counts = await Promise.all([engine.runAbandonedCheckouts(), second.runAbandonedCheckouts(), engine.runAbandonedCheckouts()]);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
  expect(await abandoned('tok-race')).toHaveLength(1);
  expect(await runsFor('tok-race')).toBe(1);
});

it('a Segment "Checkout Started" with a checkout_id is abandoned too; one its "Order Completed" names is not', async () => {
  const products = [{ product_id: 'p1', name: 'Trail shoes', price: 120, quantity: 1 }];
  await segmentTrack('seg-ana', 'Checkout Started', { checkout_id: 'seg-1', value: 120, currency: 'EUR', products });
  await segmentTrack('seg-ivo', 'Checkout Started', { checkout_id: 'seg-2', value: 60, currency: 'EUR', products });
  // Ivo's order is placed as another profile (a guest), naming the checkout.
  await segmentTrack('ivo-guest@example.com', 'Order Completed', { order_id: 'seg-o2', checkout_id: 'seg-2', total: 60, products });
  expect(await after(61)).toBe(1);
  expect(await abandoned('seg-1')).toEqual([{ customerId: 'seg-ana', properties: expect.objectContaining({ checkout_id: 'seg-1', value: 120, products }) }]);
  expect(await abandoned('seg-2')).toEqual([]);
});

it('a checkout past its due time by more than a day (a backfill) is never announced', async () => {
  await sendCheckout('checkouts/create', 'tok-history', { created_at: new Date(clock.now().getTime() - 3 * 86400e3).toISOString(), updated_at: null });
  expect(await after(1)).toBe(0);
  expect(await abandoned('tok-history')).toEqual([]);
});

it('the delay is the workspace\'s abandonedAfterMinutes', async () => {
  await db.sql`update workspaces set settings = settings || '{"checkouts": {"abandonedAfterMinutes": 180}}'::jsonb where id = ${WS}`;
  await sendCheckout('checkouts/create', 'tok-slow');
  expect(await after(179)).toBe(0);
  expect(await after(2)).toBe(1);
  await db.sql`update workspaces set settings = settings - 'checkouts' where id = ${WS}`;
});

it('erasing the customer removes their checkouts', async () => {
  await sendCheckout('checkouts/create', 'tok-erase', { customer: { ...(CHECKOUT.customer as object), id: 8801 } });
  const count = async () => (await db.sql`select count(*)::int as n from checkouts where workspace_id = ${WS} and customer_id = '8801'`)[0].n;
  expect(await count()).toBe(1);
  const erased = await eraseCustomer(db.sql, WS, '8801', clock.now());
  expect(erased.rows.checkouts).toBe(1);
  expect(await count()).toBe(0);
  expect(await after(61)).toBe(0);
});

it('the daily clean-up deletes checkouts 30 days after their last activity, abandoned or not', async () => {
  await sendCheckout('checkouts/create', 'tok-old');
  const kept = async () => (await db.sql`select id from checkouts where workspace_id = ${WS} and id in ('tok-old', 'tok-plain')`).map((r) => r.id).sort();
  expect(await kept()).toEqual(['tok-old', 'tok-plain']);
  const lastActivity = clock.now().getTime();
  await deleteExpired(db.sql, new Date(lastActivity + 29.9 * 86400e3));
  expect(await kept()).toEqual(['tok-old']);
  await deleteExpired(db.sql, new Date(lastActivity + 30.1 * 86400e3));
  expect(await kept()).toEqual([]);
});

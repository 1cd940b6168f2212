// The loyalty programme's APIs: the settings (everyone reads them with the defaults, marketers
// save them, audited, a bad field named in the caller's language), staff redeeming a reward for a
// customer (audited; refusals coded), and the shop backend's REST API keyed like ingestion
// (GET the balance, tier and rewards; POST a redemption: 400 naming the field, 404 for an unknown
// customer, 409 for a short balance), and the coupon it issues is used by the next order. A Reward
// Redeemed event starts a journey at once.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import { LOYALTY_EVENTS, type JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createIngestHandler, hashIngestKey, type IngestDeps } from '../packages/api/src/ingest/index';
import { createLoyaltyApiHandler } from '../packages/api/src/loyalty/index';
import { apiClient, errorOf, seedUser, signIn, startApiServer, unusedTemplateSandbox, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';
import { publishGraph } from './support/journeys';

const registry = createRegistry();
const clock = new ManualClock(new Date('2026-05-04T10:00:00Z'));
const WS = 'ws_loyal';
const KEY = 'ag_loyal_key';
const REWARD = { id: 'ten-off', name: '10% off', points: 100, coupon: { kind: 'percent' as const, value: 10, minOrderTotal: 0, validDays: 30 }, enabled: true };
let db: Database;
let server: ApiServer;
let rest: http.Server;
let restUrl: string;
let marketer: ApiClient;
let manager: ApiClient;
let viewer: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Shop', 's')`;
  await db.sql`insert into ingest_keys (id, workspace_id, prefix, key_hash) values ('k_l', ${WS}, 'ag_loya', ${hashIngestKey(KEY)})`;
  await db.sql`insert into customers (workspace_id, id, email) values (${WS}, 'ana', 'ana@example.com'), (${WS}, 'bo', 'bo@example.com')`;
  await db.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason) values (${WS}, 'ana', 250, 'Welcome'), (${WS}, 'bo', 40, 'Welcome')`;
  for (const role of ['marketer', 'manager', 'viewer']) await seedUser(db, { id: `u_${role}`, workspaceId: WS, email: `${role}@s.test`, password: `pw-${role}`, role });
  const engine = createEngine({ database: db, registry, clock });
  server = await startApiServer({ database: db, registry, clock, engine, templateSandbox: unusedTemplateSandbox });
  marketer = await signIn(server.url, 'marketer@s.test', 'pw-marketer');
  manager = await signIn(server.url, 'manager@s.test', 'pw-manager');
  viewer = await signIn(server.url, 'viewer@s.test', 'pw-viewer');
  const deps: IngestDeps = { database: db, clock, onEventsStored: (tx, events) => engine.enrolEvents(tx as never, events), afterCommit: async () => {} };
  const [loyalty, ingest] = [createLoyaltyApiHandler(deps), createIngestHandler(deps)];
  rest = http.createServer((req, res) => void (req.url?.startsWith('/v1/loyalty/') ? loyalty : ingest)(req, res));
  await new Promise<void>((resolve) => rest.listen(0, '127.0.0.1', resolve));
  restUrl = `http://127.0.0.1:${(rest.address() as AddressInfo).port}`;
  // A journey that thanks the customer: it starts on Reward Redeemed (its wait keeps the run visible).
  const at = { x: 0, y: 0 };
  const graph: JourneyGraph = {
    nodes: [
      { id: 't', type: 'core/trigger-event', position: at, config: { event: LOYALTY_EVENTS.redeemed, filters: [], entryKeyProperty: 'coupon_code' } },
      { id: 'w', type: 'core/wait', position: at, config: { mode: 'duration', amount: 1, unit: 'days', weekday: -1, hour: 10 } },
    ],
    edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'w' }],
  };
  await publishGraph(db, registry, WS, 'j_thanks', graph);
});

afterAll(async () => {
  rest?.closeAllConnections();
  await new Promise((resolve) => rest?.close(resolve));
  await server?.close();
  await db?.close();
});

const call = (path: string, init: RequestInit = {}, key = KEY) => fetch(`${restUrl}${path}`, {
  ...init, headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, 'content-type': 'application/json' },
});

it('reads the settings with the defaults; marketers save them (audited), viewers may not, a bad field is named in Serbian', async () => {
  const defaults = await viewer.loyalty.settings.query();
  expect(defaults.tiers.list.map((t) => t.name)).toEqual(['Bronze', 'Silver', 'Gold', 'Platinum']);
  expect(defaults.rewards).toEqual([]);
  // Orders earn nothing here, so the balances are what the test grants.
  const earning = { ...defaults.earning, orders: { enabled: false, pointsPerUnit: 1 } };
  const saved = await marketer.loyalty.saveSettings.mutate({ ...defaults, earning, rewards: [REWARD], milestones: [1000, 500, 500] });
  expect(saved.rewards).toEqual([REWARD]);
  expect(saved.milestones).toEqual([500, 1000]);
  expect((await errorOf(viewer.loyalty.saveSettings.mutate(defaults))).code).toBe('FORBIDDEN');
  const [audit] = await db.sql`select action, actor_email from audit_log where workspace_id = ${WS} and action = 'loyalty.saveSettings'`;
  expect(audit).toEqual({ action: 'loyalty.saveSettings', actor_email: 'marketer@s.test' });

  const serbian = apiClient(server.url, { 'accept-language': 'sr-Cyrl' }).trpc;
  await serbian.auth.login.mutate({ email: 'marketer@s.test', password: 'pw-marketer' });
  const bad = await errorOf(serbian.loyalty.saveSettings.mutate({ ...defaults, rewards: [{ ...REWARD, points: 0, coupon: { ...REWARD.coupon, value: 150 } }] }));
  expect(bad.code).toBe('BAD_REQUEST');
  expect(bad.data.issues).toEqual(expect.arrayContaining([
    { field: 'rewards.0.points', message: 'Награда кошта најмање 1 бод' },
    { field: 'rewards.0.coupon.value', message: 'Купон у процентима даје попуст од 1 до 100 процената' },
  ]));
});

it('staff redeem a reward for a customer: the coupon and balance, audited; refusals say why', async () => {
  const done = await manager.loyalty.redeem.mutate({ customerId: 'ana', rewardId: 'ten-off' });
  expect(done).toMatchObject({ rewardId: 'ten-off', points: 100, balance: 150, coupon: { kind: 'percent', value: 10, expiresAt: '2026-06-03T10:00:00.000Z' } });
  const [audit] = await db.sql`select target_id from audit_log where workspace_id = ${WS} and action = 'loyalty.redeem'`;
  expect(audit.target_id).toBe('ana');
  // The thank-you journey started on the event, in the redemption's transaction.
  const runs = await db.sql`select customer_id from journey_runs where workspace_id = ${WS} and journey_id = 'j_thanks'`;
  expect(runs.map((r) => r.customer_id)).toEqual(['ana']);

  const short = await errorOf(marketer.loyalty.redeem.mutate({ customerId: 'bo', rewardId: 'ten-off' }));
  expect(short).toMatchObject({ code: 'CONFLICT', message: 'Not enough points: the balance is 40 points, the reward costs 100 points' });
  expect(short.data.field).toBe('rewardId');
  expect((await errorOf(marketer.loyalty.redeem.mutate({ customerId: 'nobody', rewardId: 'ten-off' }))).code).toBe('NOT_FOUND');
  expect((await errorOf(marketer.loyalty.redeem.mutate({ customerId: 'ana', rewardId: 'nope' }))).message).toBe('Reward nope does not exist');
  expect((await errorOf(viewer.loyalty.redeem.mutate({ customerId: 'ana', rewardId: 'ten-off' }))).code).toBe('FORBIDDEN');
});

it('the shop backend reads a customer\'s balance, tier and rewards, keyed like ingestion', async () => {
  const res = await call('/v1/loyalty/ana');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({
    userId: 'ana', balance: 150,
    tier: {
      lifetimePoints: 250, tier: 'Bronze', tierId: 'bronze', benefits: '', basis: 'points',
      nextTier: 'Silver', nextTierBenefits: '', toNextTier: 250, pointsToNextTier: 250, spendToNextTier: 0,
    },
    rewards: [{ id: 'ten-off', name: '10% off', points: 100, coupon: REWARD.coupon, affordable: true }],
  });
  expect((await call('/v1/loyalty/nobody')).status).toBe(404);
  expect((await call('/v1/loyalty/ana', {}, 'wrong-key')).status).toBe(401);
  expect((await call('/v1/loyalty/ana', { method: 'POST' })).status).toBe(405);
  expect((await call('/v1/loyalty/%E0%A4%A')).status).toBe(400);
});

it('the shop backend redeems: the coupon and balance; 400 naming the field, 404, 409 with the reason', async () => {
  const res = await call('/v1/loyalty/redeem', { method: 'POST', body: JSON.stringify({ userId: 'ana', rewardId: 'ten-off' }) });
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ userId: 'ana', reward: { id: 'ten-off', points: 100 }, balance: 50, coupon: { kind: 'percent', value: 10 } });
  expect(body.coupon.code).toMatch(/^[A-Z2-9]{12}$/);
  expect(body.replayed).toBe(false);
  // The shop's next order names the code: the coupon is redeemed by it.
  const order = await call('/v1/track', { method: 'POST', body: JSON.stringify({
    userId: 'ana', event: 'Order Completed', messageId: 'o-ana-1', timestamp: clock.now().toISOString(),
    properties: { order_id: 'ana-1', total: 80, currency: 'EUR', coupon: body.coupon.code.toLowerCase(), products: [] },
  }) });
  expect(order.status).toBe(200);
  const [used] = await db.sql`select redeemed_order_id from coupons where workspace_id = ${WS} and code = ${body.coupon.code}`;
  expect(used.redeemed_order_id).toBe('ana-1');

  const noReward = await call('/v1/loyalty/redeem', { method: 'POST', body: JSON.stringify({ userId: 'ana' }) });
  expect(noReward.status).toBe(400);
  expect((await noReward.json()).issues.map((i: { path: string }) => i.path)).toEqual(['rewardId']);
  const short = await call('/v1/loyalty/redeem', { method: 'POST', body: JSON.stringify({ userId: 'ana', rewardId: 'ten-off' }) });
  expect(short.status).toBe(409);
  expect(await short.json()).toMatchObject({ reason: 'insufficient_points', balance: 50, cost: 100 });
  const unknown = await call('/v1/loyalty/redeem', { method: 'POST', body: JSON.stringify({ userId: 'nobody', rewardId: 'ten-off' }) });
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toMatchObject({ reason: 'unknown_customer', issues: [{ path: 'userId' }] });
  expect((await call('/v1/loyalty/redeem', { method: 'POST', body: '{' })).status).toBe(400);
  const [{ balance }] = await db.sql`select sum(points)::int as balance from loyalty_ledger where workspace_id = ${WS} and customer_id = 'ana'`;
  expect(balance).toBe(50);
});

it('a backend retrying with its idempotency key gets the first redemption back, not a second one', async () => {
  await db.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason) values (${WS}, 'bo', 160, 'Order')`;
  const send = () => call('/v1/loyalty/redeem', { method: 'POST', body: JSON.stringify({ userId: 'bo', rewardId: 'ten-off', idempotencyKey: 'shop-req-1' }) });
  const first = await (await send()).json();
  const again = await send();
  expect(again.status).toBe(200);
  expect(await again.json()).toEqual({ ...first, replayed: true });
  expect(first).toMatchObject({ balance: 100, replayed: false });
  const bad = await call('/v1/loyalty/redeem', { method: 'POST', body: JSON.stringify({ userId: 'bo', rewardId: 'ten-off', idempotencyKey: '' }) });
  expect((await bad.json()).issues.map((i: { path: string }) => i.path)).toEqual(['idempotencyKey']);
});

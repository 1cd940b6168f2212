// Redeeming a reward (redeemReward, the core staff, the shop's API and My rewards share): the
// debit, the coupon and the Reward Redeemed event are written together or not at all; a balance
// never goes negative, even with 20 redemptions at once against points for exactly 3; an
// unknown customer, an unknown or disabled reward and a short balance are refused by name.
import type { Database } from '@afterglow/db';
import { LOYALTY_EVENTS } from '@afterglow/journey-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { redeemReward, RedemptionRefused } from '../packages/api/src/loyalty/redeem';
import { createTestDatabase } from './support/db';

const WS = 'ws_redeem';
const NOW = new Date('2026-05-04T10:00:00Z');
const REWARDS = [
  { id: 'ten-off', name: '10% off', points: 100, coupon: { kind: 'percent', value: 10, minOrderTotal: 20, validDays: 30 }, enabled: true },
  { id: 'ship', name: 'Free shipping', points: 50, coupon: { kind: 'free_shipping', value: 0, minOrderTotal: 0, validDays: 0 }, enabled: true },
  { id: 'old', name: 'Retired', points: 10, coupon: { kind: 'fixed', value: 5, minOrderTotal: 0, validDays: 30 }, enabled: false },
];
let db: Database;

async function customerWith(id: string, points: number) {
  await db.sql`insert into customers (workspace_id, id, email) values (${WS}, ${id}, ${`${id}@example.com`})`;
  await db.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind) values (${WS}, ${id}, ${points}, 'Welcome', 'grant')`;
}

const redeem = (customerId: string, rewardId: string, idempotencyKey?: string) =>
  db.sql.begin((tx) => redeemReward(tx, { workspaceId: WS, customerId, rewardId, now: NOW, idempotencyKey }));

async function refusal(call: Promise<unknown>): Promise<RedemptionRefused> {
  const outcome = await call.then(() => null, (err: unknown) => err);
  expect(outcome).toBeInstanceOf(RedemptionRefused);
  return outcome as RedemptionRefused;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret, settings)
    values (${WS}, 'Shop', 's', ${db.sql.json({ loyalty: { rewards: REWARDS } } as never)})`;
});
afterAll(() => db.sql.end());

it('a redemption writes the debit, a unique coupon and a Reward Redeemed event together', async () => {
  await customerWith('ana', 180);
  const done = await redeem('ana', 'ten-off');
  expect(done.balance).toBe(80);
  expect(done.coupon).toMatchObject({ kind: 'percent', value: 10, minOrderTotal: 20, description: '10% off', expiresAt: '2026-06-03T10:00:00.000Z' });
  expect(done.coupon.code).toMatch(/^[A-Z2-9]{12}$/);
  const [coupon] = await db.sql`select id, customer_id, kind, value::float8 as value, expires_at from coupons where workspace_id = ${WS} and code = ${done.coupon.code}`;
  expect(coupon).toMatchObject({ id: done.coupon.id, customer_id: 'ana', kind: 'percent', value: 10 });
  const ledger = await db.sql`select points, kind, reward_id, coupon_id from loyalty_ledger where workspace_id = ${WS} and customer_id = 'ana' and kind = 'redeem'`;
  expect(ledger).toEqual([{ points: -100, kind: 'redeem', reward_id: 'ten-off', coupon_id: done.coupon.id }]);
  const events = await db.sql`select name, customer_id, properties from events where workspace_id = ${WS} and customer_id = 'ana'`;
  expect(events).toEqual([{
    name: LOYALTY_EVENTS.redeemed, customer_id: 'ana',
    properties: { reward_id: 'ten-off', reward_name: '10% off', points: 100, coupon_code: done.coupon.code, coupon_expires_at: '2026-06-03T10:00:00.000Z', balance: 80 },
  }]);
  expect(done.events.map((e) => e.name)).toEqual([LOYALTY_EVENTS.redeemed]);
  const [member] = await db.sql`select last_activity_at from loyalty_members where workspace_id = ${WS} and customer_id = 'ana'`;
  expect(member.last_activity_at).toEqual(NOW);
  // A reward valid for 0 days never expires; free shipping takes nothing off the price.
  const ship = await redeem('ana', 'ship');
  expect(ship.coupon).toMatchObject({ kind: 'free_shipping', value: 0, expiresAt: null });
  expect(ship.balance).toBe(30);
});

it('refuses an unknown customer, an unknown or disabled reward and a short balance, writing nothing', async () => {
  await customerWith('bo', 60);
  expect((await refusal(redeem('nobody', 'ship'))).reason).toBe('unknown_customer');
  expect((await refusal(redeem('bo', 'gold-bar'))).reason).toBe('unknown_reward');
  expect((await refusal(redeem('bo', 'old'))).reason).toBe('reward_disabled');
  const short = await refusal(redeem('bo', 'ten-off'));
  expect(short).toMatchObject({ reason: 'insufficient_points', detail: { balance: 60, cost: 100 } });
  const [{ n }] = await db.sql`select count(*)::int as n from coupons where workspace_id = ${WS} and customer_id in ('bo', 'nobody')`;
  expect(n).toBe(0);
  const [{ balance }] = await db.sql`select sum(points)::int as balance from loyalty_ledger where workspace_id = ${WS} and customer_id = 'bo'`;
  expect(balance).toBe(60);
});

it('20 redemptions at once against points for exactly 3: 3 coupons, 3 debits, a balance of 0, 17 refusals', async () => {
  await customerWith('cy', 300);
  const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => redeem('cy', 'ten-off')));
  const done = outcomes.filter((o) => o.status === 'fulfilled');
  const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  expect(done).toHaveLength(3);
  expect(refused.map((o) => (o.reason as RedemptionRefused).reason)).toEqual(Array(17).fill('insufficient_points'));
  expect(done.map((o) => o.value.balance).sort()).toEqual([0, 100, 200]);
  const [coupons] = await db.sql`select count(*)::int as n, count(distinct code)::int as codes from coupons where workspace_id = ${WS} and customer_id = 'cy'`;
  expect(coupons).toEqual({ n: 3, codes: 3 });
  const [ledger] = await db.sql`select count(*) filter (where kind = 'redeem')::int as debits, sum(points)::int as balance
    from loyalty_ledger where workspace_id = ${WS} and customer_id = 'cy'`;
  expect(ledger).toEqual({ debits: 3, balance: 0 });
  const [{ events }] = await db.sql`select count(*)::int as events from events where workspace_id = ${WS} and customer_id = 'cy' and name = ${LOYALTY_EVENTS.redeemed}`;
  expect(events).toBe(3);
});

it('a retry with the same idempotency key returns the first redemption, even 5 at once: one coupon, one debit, one event', async () => {
  await customerWith('di', 1000);
  const outcomes = await Promise.all(Array.from({ length: 5 }, () => redeem('di', 'ten-off', 'order-77')));
  expect(new Set(outcomes.map((o) => o.coupon.code)).size).toBe(1);
  expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
  expect(outcomes.map((o) => o.balance)).toEqual(Array(5).fill(900));
  const replay = outcomes.find((o) => o.replayed)!;
  expect(replay).toMatchObject({ reward: { id: 'ten-off', name: '10% off', points: 100 }, events: [], coupon: { kind: 'percent', value: 10, expiresAt: '2026-06-03T10:00:00.000Z' } });
  // Another key is another redemption; the same key of another customer is theirs alone.
  expect((await redeem('di', 'ten-off', 'order-78')).balance).toBe(800);
  await customerWith('ed', 100);
  expect((await redeem('ed', 'ten-off', 'order-77')).replayed).toBe(false);
  const [counts] = await db.sql`select count(*)::int as debits, sum(points)::int as balance from loyalty_ledger
    where workspace_id = ${WS} and customer_id = 'di' and kind = 'redeem'`;
  expect(counts).toEqual({ debits: 2, balance: -200 });
  const [{ events }] = await db.sql`select count(*)::int as events from events where workspace_id = ${WS} and customer_id = 'di'`;
  expect(events).toBe(2);
});

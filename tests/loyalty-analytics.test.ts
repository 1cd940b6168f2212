// The Loyalty page's figures (loyalty.analytics) over real HTTP against hand-made rows: ledger
// entries of every kind, stored tiers (one the settings no longer list), Referral Completed events
// of both roles. Each figure is checked, with entries exactly on a bucket's and the period's edges.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, startApiServer, unusedTemplateSandbox, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const WS = 'ws_l';
const now = new Date('2026-07-15T12:00:00Z'); // a Wednesday: 30 days back is Monday 15 June, 12:00
let db: Database;
let server: ApiServer;

const entry = (customer: string, kind: string, points: number, at: string, ws = WS) =>
  db.sql`insert into loyalty_ledger (workspace_id, customer_id, kind, points, reason, created_at) values (${ws}, ${customer}, ${kind}, ${points}, ${kind}, ${at})`;
const referral = (id: string, role: string, at: string, ws = WS) =>
  db.sql`insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp)
    values (${ws}, ${id}, 'track', 'ada', 'Referral Completed', ${db.sql.json({ role })}, ${at})`;

beforeAll(async () => {
  db = await createTestDatabase();
  const tiers = [{ id: 'bronze', name: 'Bronze', threshold: 0 }, { id: 'silver', name: 'Silver', threshold: 500 },
    { id: 'gold', name: 'Gold Club', threshold: 1500 }, { id: 'platinum', name: 'Platinum', threshold: 5000 }];
  await db.sql`insert into workspaces (id, name, signing_secret, settings) values
    (${WS}, 'Shop', 's', ${db.sql.json({ loyalty: { tiers: { list: tiers } } })}), ('ws_empty', 'Empty', 's', '{}'), ('ws_other', 'Other', 's', '{}')`;
  await db.sql`insert into customers (workspace_id, id, email, first_name, last_name) values
    (${WS}, 'ada', 'ada@example.com', 'Ada', 'King'), (${WS}, 'bob', 'bob@example.com', 'Bob', null), (${WS}, 'dan', 'dan@example.com', null, null)`;
  // Ada (Gold Club): an order, a review at 00:00 UTC on Monday 29 June exactly (that week's, not the one before), a redemption.
  await entry('ada', 'order', 1000, '2026-06-20T10:00:00Z');
  await entry('ada', 'review', 50, '2026-06-29T00:00:00Z');
  await entry('ada', 'redeem', -500, '2026-07-14T09:00:00Z');
  // Bob (Silver): an order at the start of a week, partly refunded; a journey's grant before the period.
  await entry('bob', 'order', 300, '2026-06-22T00:00:00Z');
  await entry('bob', 'refund', -100, '2026-06-23T08:00:00Z');
  await entry('bob', 'grant', 200, '2026-05-01T08:00:00Z');
  // Cleo (no tier stored yet): sign-up an hour before the 30-day period starts, a birthday, all expired.
  await entry('cleo', 'signup', 100, '2026-06-15T11:00:00Z');
  await entry('cleo', 'birthday', 100, '2026-07-01T08:00:00Z');
  await entry('cleo', 'expire', -200, '2026-07-10T00:00:00Z');
  // Dan (a tier the settings no longer list): a referral, and a staff deduction at the very moment of "now".
  await entry('dan', 'referral', 200, '2026-07-15T11:59:00Z');
  await entry('dan', 'adjust', -20, '2026-07-15T12:00:00Z');
  // Another workspace's points never count.
  await entry('ada', 'order', 9999, '2026-07-01T08:00:00Z', 'ws_other');
  await db.sql`insert into loyalty_members (workspace_id, customer_id, tier_id) values
    (${WS}, 'ada', 'gold'), (${WS}, 'bob', 'silver'), (${WS}, 'dan', 'diamond'), (${WS}, 'eve', 'platinum'), (${WS}, 'fay', null),
    ('ws_other', 'ada', 'gold')
    on conflict (workspace_id, customer_id) do update set tier_id = excluded.tier_id`; // the ledger's trigger made some already
  await referral('r1', 'referrer', '2026-07-01T08:00:00Z');
  await referral('r2', 'friend', '2026-07-01T08:00:00Z');
  await referral('r3', 'referrer', '2026-06-01T08:00:00Z');
  await referral('r4', 'referrer', '2026-07-01T08:00:00Z', 'ws_other');
  for (const role of ['manager', 'marketer', 'admin', 'owner', 'viewer', 'developer']) {
    await seedUser(db, { id: `u_${role}`, workspaceId: WS, email: `${role}@l.test`, password: `pw-${role}`, role });
  }
  await seedUser(db, { id: 'u_empty', workspaceId: 'ws_empty', email: 'manager@empty.test', password: 'pw-e', role: 'manager' });
  const deps: ApiDeps = {
    templateSandbox: unusedTemplateSandbox, database: db, registry: createRegistry(), clock: new ManualClock(now),
    engine: { stats: async () => ({}) as never, wake: async () => {}, retryFailed: async () => 0 },
  };
  server = await startApiServer(deps);
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const as = (role: string) => signIn(server.url, `${role}@l.test`, `pw-${role}`);
const zero = { orders: 0, journeys: 0, reviews: 0, referrals: 0, birthday: 0, signup: 0, adjustments: 0 };
const week = (start: string, issued: Partial<typeof zero>, debits: Partial<Record<'redeemed' | 'expired' | 'refunded' | 'deducted', number>> = {}) =>
  ({ start, issued: { ...zero, ...issued }, redeemed: 0, expired: 0, refunded: 0, deducted: 0, ...debits });

describe('loyalty.analytics', () => {
  it('counts members per tier in the settings order, the outstanding points and the top members', async () => {
    const manager = await as('manager');
    const got = await manager.loyalty.analytics.query({ days: 30, bucket: 'week' });
    // Cleo (no tier stored) is in the first tier; Eve has a tier and no points; Fay has neither: not a member.
    expect(got.tiers).toEqual([
      { id: 'bronze', name: 'Bronze', members: 1 }, { id: 'silver', name: 'Silver', members: 1 },
      { id: 'gold', name: 'Gold Club', members: 1 }, { id: 'platinum', name: 'Platinum', members: 1 },
    ]);
    expect(got.removedTier).toBe(1);
    expect(got.members).toBe(5);
    // Ada 550, Bob 400, Dan 180; Cleo's 0 and Eve's nothing are not owed.
    expect(got.outstanding).toEqual({ points: 1130, members: 3 });
    expect(got.top).toEqual([
      { id: 'ada', name: 'Ada King', email: 'ada@example.com', tierId: 'gold', tierName: 'Gold Club', balance: 550, lifetime: 1050 },
      { id: 'bob', name: 'Bob', email: 'bob@example.com', tierId: 'silver', tierName: 'Silver', balance: 400, lifetime: 400 },
      { id: 'dan', name: null, email: 'dan@example.com', tierId: null, tierName: null, balance: 180, lifetime: 200 },
    ]);
  });

  it('puts every entry of the period in its UTC week and series, and counts the referrers', async () => {
    const got = await (await as('marketer')).loyalty.analytics.query({ days: 30, bucket: 'week' });
    expect(got.period).toEqual({ days: 30, bucket: 'week', from: '2026-06-15T12:00:00.000Z', to: '2026-07-15T12:00:00.000Z', timeZone: 'UTC' });
    expect(got.series).toEqual([
      week('2026-06-15T00:00:00.000Z', { orders: 1000 }), // Cleo's sign-up at 11:00 is before the period
      week('2026-06-22T00:00:00.000Z', { orders: 300 }, { refunded: 100 }),
      week('2026-06-29T00:00:00.000Z', { reviews: 50, birthday: 100 }),
      week('2026-07-06T00:00:00.000Z', {}, { expired: 200 }),
      week('2026-07-13T00:00:00.000Z', { referrals: 200 }, { redeemed: 500, deducted: 20 }),
    ]);
    expect(got.totals).toEqual({ issued: 1650, redeemed: 500, expired: 200, refunded: 100, deducted: 20 });
    expect(got.referralsCompleted).toBe(1);
  });

  it('cuts the period into UTC days or calendar months', async () => {
    const admin = await as('admin');
    const days = await admin.loyalty.analytics.query({ days: 30, bucket: 'day' });
    expect(days.series).toHaveLength(31);
    expect(days.series[0].start).toBe('2026-06-15T00:00:00.000Z');
    expect(days.series.find((b) => b.start === '2026-06-28T00:00:00.000Z')!.issued.reviews).toBe(0);
    expect(days.series.find((b) => b.start === '2026-06-29T00:00:00.000Z')!.issued.reviews).toBe(50);
    const months = await admin.loyalty.analytics.query({ days: 90, bucket: 'month' });
    expect(months.series.map((b) => b.start)).toEqual(['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01'].map((d) => `${d}T00:00:00.000Z`));
    expect(months.series[1]).toEqual(week('2026-05-01T00:00:00.000Z', { journeys: 200 }));
    expect(months.series[2]).toEqual(week('2026-06-01T00:00:00.000Z', { orders: 1300, signup: 100, reviews: 50 }, { refunded: 100 }));
    expect(months.totals.issued).toBe(1950); // 1650 of the last 30 days, the grant of May and the sign-up of 15 June
    expect(months.referralsCompleted).toBe(2);
  });

  it('cuts weeks at the shop time zone\'s Mondays: an entry of Sunday evening in Los Angeles is that week\'s', async () => {
    const zone = (timeZone: string) => db.sql`update workspaces set settings = settings || ${db.sql.json({ shop: { timeZone } })} where id = ${WS}`;
    await zone('America/Los_Angeles'); // UTC-7 in summer
    try {
      const got = await (await as('manager')).loyalty.analytics.query({ days: 30, bucket: 'week' });
      expect(got.period.timeZone).toBe('America/Los_Angeles');
      expect(got.series).toEqual([
        week('2026-06-15T07:00:00.000Z', { orders: 1300 }), // Bob's order at 00:00 UTC on 22 June is Sunday 17:00 there
        week('2026-06-22T07:00:00.000Z', { reviews: 50 }, { refunded: 100 }), // so is Ada's review of 29 June
        week('2026-06-29T07:00:00.000Z', { birthday: 100 }),
        week('2026-07-06T07:00:00.000Z', {}, { expired: 200 }),
        week('2026-07-13T07:00:00.000Z', { referrals: 200 }, { redeemed: 500, deducted: 20 }),
      ]);
      expect(got.totals.issued).toBe(1650);
    } finally {
      await db.sql`update workspaces set settings = settings - 'shop' where id = ${WS}`;
    }
  });

  it('answers a workspace without a programme with zeros and its default tiers', async () => {
    const got = await (await signIn(server.url, 'manager@empty.test', 'pw-e')).loyalty.analytics.query({ days: 90, bucket: 'month' });
    expect(got.members).toBe(0);
    expect(got.tiers.map((t) => [t.id, t.members])).toEqual([['bronze', 0], ['silver', 0], ['gold', 0], ['platinum', 0]]);
    expect(got.outstanding).toEqual({ points: 0, members: 0 });
    expect(got.top).toEqual([]);
    expect(got.series.every((b) => b.redeemed === 0 && Object.values(b.issued).every((n) => n === 0))).toBe(true);
  });

  it('is read by managers, marketers and administrators only, and refuses a period it does not offer', async () => {
    expect((await (await as('owner')).loyalty.analytics.query({ days: 365, bucket: 'month' })).members).toBe(5);
    for (const role of ['viewer', 'developer']) {
      expect((await errorOf((await as(role)).loyalty.analytics.query({ days: 30, bucket: 'day' }))).code).toBe('FORBIDDEN');
    }
    const bad = await errorOf((await as('manager')).loyalty.analytics.query({ days: 45 as 30, bucket: 'hour' as 'day' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.data.issues.map((i: { field: string }) => i.field).sort()).toEqual(['bucket', 'days']);
  });
});

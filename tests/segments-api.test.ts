// Segments and the customer 360 through the tRPC API over real HTTP: references between
// segments (missing, self, cycles) refused with the field named, the builder's vocabulary,
// search that treats LIKE wildcards literally and stops counting at 10,000, and the 360 extras.
import type { ApiDeps } from '@afterglow/api';
import { checkSegmentMemberships, type Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const NOW = new Date('2025-06-15T12:00:00Z');
const WS = 'ws_seg_api';
let database: Database;
let server: ApiServer;
let trpc: ReturnType<typeof apiClient>['trpc'];

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  await sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Shop', 'secret')`;
  await sql`insert into customers (workspace_id, id, email, first_name, last_name) values
    (${WS}, 'c_pct', 'pct@shop.test', 'Per', 'Cent%'), (${WS}, 'c_und', 'under_score@shop.test', 'Und', 'Er'),
    (${WS}, 'c_plain', 'plain@shop.test', 'Plain', 'Percent')`;
  await sql`insert into customers (workspace_id, id, email) select ${WS}, 'bulk' || g, 'bulk' || g || '@x.test' from generate_series(1, 10050) g`;
  await sql`insert into products (workspace_id, id, name, category, brand) values
    (${WS}, 'p1', 'Jersey', 'Football > Red Star', 'Adidas'), (${WS}, 'p2', 'Cream', 'Cosmetics', 'Nivea')`;
  await sql`insert into orders (workspace_id, id, customer_id, total, placed_at) values (${WS}, 'o1', 'c_pct', 120, ${NOW})`;
  await sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, category, brand, price)
    values (${WS}, 'o1', 1, 'c_pct', 'p1', 'Jersey', 'Football > Red Star', 'Adidas', 120)`;
  await sql`insert into events (workspace_id, message_id, type, customer_id, name, timestamp)
    values (${WS}, 'm1', 'track', 'c_pct', 'Viewed Product', ${NOW})`;
  await sql`insert into email_suppressions (workspace_id, address, reason, created_at) values (${WS}, 'pct@shop.test', 'hard_bounce', ${NOW})`;
  await sql`insert into segments (id, workspace_id, name, rule) values
    ('seg_a', ${WS}, 'A', ${sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1 })}),
    ('seg_b', ${WS}, 'B', ${sql.json({ kind: 'segment', segmentId: 'seg_a' })})`;
  await seedUser(database, { id: 'u1', workspaceId: WS, email: 'owner@shop.test', password: 'pw-owner', role: 'owner' });
  const deps = {
    database, registry: createRegistry(), clock: new ManualClock(NOW),
    engine: { stats: async () => { throw new Error('not used'); }, wake: async () => {}, retryFailed: async () => 0 },
  } as unknown as ApiDeps;
  server = await startApiServer(deps);
  const client = apiClient(server.url);
  await client.trpc.auth.login.mutate({ email: 'owner@shop.test', password: 'pw-owner' });
  trpc = client.trpc;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('segment references', () => {
  it('evaluates a segment inside another, and refuses missing ones and cycles naming the field', async () => {
    expect((await trpc.segments.preview.query({ rule: { kind: 'segment', segmentId: 'seg_a' } })).count).toBe(1);
    const missing = await errorOf(trpc.segments.preview.query({ rule: { kind: 'segment', segmentId: 'seg_gone' } }));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(missing.message).toMatch(/seg_gone does not exist/);
    // A refers to B, which refers to A: refused, and A keeps its rule.
    const cycle = await errorOf(trpc.segments.save.mutate({ id: 'seg_a', name: 'A', rule: { kind: 'segment', segmentId: 'seg_b', negate: true } }));
    expect(cycle.code).toBe('BAD_REQUEST');
    expect(cycle.message).toMatch(/seg_a → seg_b → seg_a|refer to itself/);
    expect(cycle.data.field).toBe('rule.segmentId');
    expect((await trpc.segments.get.query({ id: 'seg_a' })).rule).toEqual({ kind: 'orders', measure: 'count', op: 'gte', value: 1 });
    const self = await errorOf(trpc.segments.preview.query({ id: 'seg_b', rule: { kind: 'segment', segmentId: 'seg_b' } }));
    expect(self.code).toBe('BAD_REQUEST');
  });

  it('previews the new kinds, and offers the catalogue and event names', async () => {
    const rule = { kind: 'group' as const, op: 'and' as const, rules: [
      { kind: 'bought' as const, what: 'brand' as const, value: 'ADIDAS' },
      { kind: 'bought' as const, what: 'category' as const, value: 'football', withinDays: 30 },
      { kind: 'event' as const, name: 'viewed product', minCount: 1, withinDays: 7 },
      { kind: 'orders' as const, measure: 'averageOrderValue' as const, op: 'gte' as const, value: 100 },
    ] };
    expect(await trpc.segments.preview.query({ rule })).toMatchObject({ count: 1, sample: [{ id: 'c_pct' }] });
    const words = await trpc.segments.vocabulary.query();
    expect(words).toMatchObject({
      categories: ['Cosmetics', 'Football > Red Star'], brands: ['Adidas', 'Nivea'], events: ['Viewed Product'],
    });
    // No loyalty settings: the default tiers, by id, name and threshold.
    expect(words.tiers.map((t) => `${t.id}:${t.name}:${t.threshold}`)).toEqual(['bronze:Bronze:0', 'silver:Silver:500', 'gold:Gold:1500', 'platinum:Platinum:5000']);
    expect(words.tierBasis).toBe('points');
  });
});

describe('customer search and 360', () => {
  it('matches % and _ literally and stops counting at 10,000', async () => {
    expect((await trpc.customers.list.query({ search: 'Cent%' })).items.map((c) => c.id)).toEqual(['c_pct']);
    expect((await trpc.customers.list.query({ search: 'Pe_cent' })).items.map((c) => c.id)).toEqual([]);
    expect((await trpc.customers.list.query({ search: 'UNDER_' })).items.map((c) => c.id)).toEqual(['c_und']);
    const bulk = await trpc.customers.list.query({ search: 'bulk', limit: 5 });
    expect(bulk).toMatchObject({ total: 10_000, totalCapped: true });
    expect(bulk.items).toHaveLength(5);
    expect(await trpc.customers.list.query({ search: 'bulk1005' })).toMatchObject({ total: 2, totalCapped: false });
  });

  it('shows consent with the suppression, order totals and segments', async () => {
    const c = await trpc.customers.get.query({ id: 'c_pct' });
    expect(c.consent).toMatchObject({ marketing: true, suppressed: { reason: 'hard_bounce' }, topicsOff: [] });
    expect(c.orderStats).toMatchObject({ orderCount: 1, totalSpent: 120 });
    expect(c.segments.map((s) => s.id)).toEqual(['seg_a', 'seg_b']);
  });
});

describe('segments list', () => {
  it('reads member counts from the stored memberships once checked, and never counts after a rule change', async () => {
    const { sql } = database;
    await sql.begin((tx) => checkSegmentMemberships(tx, NOW));
    // A stored membership removed behind the checker's back shows: the list evaluates no rule.
    await sql`delete from segment_memberships where workspace_id = ${WS} and segment_id = 'seg_a'`;
    try {
      expect((await trpc.segments.list.query()).map((s) => [s.id, s.memberCount])).toEqual([['seg_a', 0], ['seg_b', 1]]);
      // Saved with a new rule: its stored members belong to the old rule, so it is "not counted yet"
      // until the engine's check counts it (in the background, never in a list request).
      await trpc.segments.save.mutate({ id: 'seg_a', name: 'A', rule: { kind: 'orders', measure: 'count', op: 'gte', value: 1, withinDays: 3650 } });
      expect((await trpc.segments.list.query()).map((s) => [s.id, s.memberCount])).toEqual([['seg_a', null], ['seg_b', 1]]);
      await sql.begin((tx) => checkSegmentMemberships(tx, NOW));
      expect((await trpc.segments.list.query()).map((s) => [s.id, s.memberCount])).toEqual([['seg_a', 1], ['seg_b', 1]]);
    } finally {
      await sql`insert into segment_memberships (workspace_id, segment_id, customer_id, entered_at)
        values (${WS}, 'seg_a', 'c_pct', ${NOW}) on conflict do nothing`;
    }
  });
});

describe('refusals the editor shows on the field', () => {
  it('names the condition\'s field of an empty value or a comparison its type does not allow, in the caller\'s language', async () => {
    const ru = apiClient(server.url, { 'accept-language': 'ru' }).trpc;
    await ru.auth.login.mutate({ email: 'owner@shop.test', password: 'pw-owner' });
    const rule = { kind: 'group', op: 'and', rules: [
      { kind: 'orders', measure: 'count', op: 'gte', value: 1 },
      { kind: 'attribute', field: 'email', op: 'equals', value: '' },
      { kind: 'attribute', field: 'birthdayMonth', op: 'contains', value: '3' },
    ] };
    const refused = await errorOf(ru.segments.preview.query({ rule })) as { code: string; data: { issues: { field: string; message: string }[] } };
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.data.issues).toEqual([
      { field: 'rule.rules.1.value', message: 'Введите значение' },
      { field: 'rule.rules.2.op', message: 'Для числа выберите «равно», «не равно», «больше», «меньше» или «заполнено»' },
    ]);
    const month = await errorOf(trpc.segments.save.mutate({ name: 'Born in month 13', rule: { kind: 'attribute', field: 'birthdayMonth', op: 'equals', value: 13 } })) as typeof refused;
    expect(month.data.issues).toEqual([{ field: 'rule.value', message: 'Enter a month from 1 to 12' }]);
  });
});

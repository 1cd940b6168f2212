// The tRPC API over real HTTP on a real database: sessions, roles, workspace isolation,
// segments, customers, outbox and event names.
import type { ApiDeps } from '@afterglow/api';
import { checkSegmentMemberships, rebuildEventNames, type Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const NOW = new Date('2025-06-15T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
let database: Database;
let server: ApiServer;
let deps: ApiDeps;

async function seed(sql: Database['sql']) {
  for (const ws of ['ws_a', 'ws_b']) {
    await sql`insert into workspaces (id, name, signing_secret) values (${ws}, ${`Shop ${ws}`}, 'secret')`;
    await sql`insert into customers (workspace_id, id, email, first_name, last_name)
      values (${ws}, 'c1', ${`c1@${ws}.test`}, 'Ada', 'Lovelace'), (${ws}, 'c2', ${`c2@${ws}.test`}, 'Bob', 'Percent%')`;
  }
  await seedUser(database, { id: 'u_owner', workspaceId: 'ws_a', email: 'Owner@A.test', password: 'owner-pw', role: 'owner' });
  await seedUser(database, { id: 'u_viewer', workspaceId: 'ws_a', email: 'viewer@a.test', password: 'viewer-pw', role: 'viewer' });
  await seedUser(database, { id: 'u_b', workspaceId: 'ws_b', email: 'owner@b.test', password: 'b-pw', role: 'owner' });
  for (const [i, days] of [10, 40, 400].entries()) {
    await sql`insert into orders (workspace_id, id, customer_id, total, placed_at) values ('ws_a', ${`o${i}`}, 'c1', 30, ${daysAgo(days)})`;
    await sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, category, price)
      values ('ws_a', ${`o${i}`}, 1, 'c1', 'p_shoe', 'Running shoe', 'Shoes', 30)`;
  }
  await sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason) values ('ws_a', 'c1', 10, 'Welcome'), ('ws_a', 'c1', 5, 'Review')`;
  await sql`insert into events (workspace_id, message_id, type, customer_id, name, timestamp)
    values ('ws_a', 'm1', 'track', 'c1', 'Order Completed', ${daysAgo(1)}), ('ws_a', 'm2', 'track', 'c1', 'Product Viewed', ${daysAgo(2)}),
           ('ws_b', 'm3', 'track', 'c1', 'Secret Event', ${daysAgo(1)})`;
  for (const ws of ['ws_a', 'ws_b']) await rebuildEventNames(sql, ws);
  await sql`insert into segments (id, workspace_id, name, rule) values
    ('seg_a', 'ws_a', 'Repeat buyers', ${JSON.stringify({ kind: 'orders', measure: 'count', op: 'gte', value: 2 })}::text::jsonb),
    ('seg_b', 'ws_b', 'Everyone in B', ${JSON.stringify({ kind: 'group', op: 'and', rules: [] })}::text::jsonb)`;
  // The development sink's mailbox is shared by every workspace: each sees what its outbox sent.
  await sql`insert into dev_mailbox (message_id, from_address, to_addresses, subject, html, text, headers, raw)
    values ('<k2.n@afterglow>', 'shop@a.test', ${JSON.stringify(['c1@ws_a.test'])}::text::jsonb, 'Thanks, Ada', '<p>Hi</p>', 'Hi', '{"x-test":"1"}'::jsonb, 'raw'),
      ('<b1.n@afterglow>', 'shop@b.test', ${JSON.stringify(['c1@ws_b.test'])}::text::jsonb, 'Only for B', '<p>B</p>', 'B', '{}'::jsonb, 'raw')`;
  for (const [ws, key, status] of [['ws_a', 'k1:n', 'pending'], ['ws_a', 'k2:n', 'sent'], ['ws_a', 'k3:n', 'sent'], ['ws_b', 'b1:n', 'sent']] as const) {
    await sql`insert into email_outbox (workspace_id, effect_key, customer_id, to_address, from_address, subject, html,
        message_id, status, next_attempt_at, created_at)
      values (${ws}, ${key}, 'c1', 'c1@ws_a.test', 'shop@a.test', 's', 'h', ${`<${key.replace(':', '.')}@afterglow>`}, ${status}, ${NOW}, ${NOW})`;
  }
  // The language variant the message went out in, shown with it.
  await sql`update email_outbox set locale = 'sr-Latn' where effect_key = 'k2:n'`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.sql);
  deps = {
    database, registry: createRegistry(), clock: new ManualClock(NOW),
    engine: { stats: async () => { throw new Error('not used in this file'); }, wake: async () => {}, retryFailed: async () => { throw new Error('not used in this file'); } },
    templateSandbox: { check: async () => { throw new Error('not used in this file'); }, preview: async () => { throw new Error('not used in this file'); } },
  };
  server = await startApiServer(deps);
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function signIn(email: string, password: string) {
  const client = apiClient(server.url);
  await client.trpc.auth.login.mutate({ email, password });
  return client;
}

describe('sessions and roles', () => {
  it('rejects calls without a session', async () => {
    const anonymous = apiClient(server.url).trpc;
    expect(await anonymous.auth.me.query()).toBeNull();
    expect((await errorOf(anonymous.journeys.list.query())).code).toBe('UNAUTHORIZED');
    expect((await errorOf(anonymous.segments.preview.query({ rule: { kind: 'group', op: 'and', rules: [] } }))).code).toBe('UNAUTHORIZED');
    expect((await errorOf(anonymous.journeys.create.mutate({ name: 'x' }))).code).toBe('UNAUTHORIZED');
  });

  it('logs in with an httpOnly cookie, and out again', async () => {
    const wrong = apiClient(server.url);
    expect((await errorOf(wrong.trpc.auth.login.mutate({ email: 'owner@a.test', password: 'nope' }))).code).toBe('UNAUTHORIZED');
    expect((await errorOf(wrong.trpc.auth.login.mutate({ email: 'nobody@a.test', password: 'nope' }))).code).toBe('UNAUTHORIZED');
    expect(wrong.jar.setCookies).toEqual([]);

    const { trpc, jar } = apiClient(server.url);
    const user = await trpc.auth.login.mutate({ email: ' owner@a.test ', password: 'owner-pw' });
    expect(user).toMatchObject({ id: 'u_owner', role: 'owner', workspaceId: 'ws_a', workspaceName: 'Shop ws_a' });
    expect(jar.setCookies[0]).toMatch(/^afterglow_session=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(jar.setCookies[0]).not.toContain('Secure');
    expect((await trpc.auth.me.query())?.email).toBe('Owner@A.test');

    await trpc.auth.logout.mutate();
    expect(await trpc.auth.me.query()).toBeNull();
    expect((await errorOf(trpc.journeys.list.query())).code).toBe('UNAUTHORIZED');
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const secureServer = await startApiServer({ ...deps, secureCookies: true });
    try {
      const { trpc, jar } = apiClient(secureServer.url);
      await trpc.auth.login.mutate({ email: 'owner@a.test', password: 'owner-pw' });
      expect(jar.setCookies[0]).toMatch(/; Secure$/);
    } finally {
      await secureServer.close();
    }
  });

  it('lets a viewer read but not change anything', async () => {
    const { trpc } = await signIn('viewer@a.test', 'viewer-pw');
    expect((await trpc.journeys.list.query()).journeys).toEqual([]);
    const refused = await errorOf(trpc.journeys.create.mutate({ name: 'Win-back' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('viewer@a.test');
    expect((await errorOf(trpc.segments.save.mutate({ name: 'x', description: '', rule: { kind: 'group', op: 'and', rules: [] } }))).code)
      .toBe('FORBIDDEN');
    expect((await trpc.segments.preview.query({ rule: { kind: 'group', op: 'and', rules: [] } })).count).toBe(2);
    await trpc.auth.logout.mutate(); // viewers may still sign out
  });
});

describe('workspace isolation', () => {
  it('answers NOT_FOUND for ids of another workspace', async () => {
    const a = (await signIn('owner@a.test', 'owner-pw')).trpc;
    const b = (await signIn('owner@b.test', 'b-pw')).trpc;
    const { id } = await a.journeys.create.mutate({ name: 'A only' });
    expect((await b.journeys.list.query()).journeys.map((j) => j.id)).not.toContain(id);
    const hidden = await errorOf(b.journeys.get.query({ id }));
    expect(hidden.code).toBe('NOT_FOUND');
    expect(hidden.message).toContain(id);
    expect((await errorOf(b.journeys.saveDraft.mutate({ id, draft: { nodes: [], edges: [] } }))).code).toBe('NOT_FOUND');
    expect((await errorOf(b.journeys.publish.mutate({ id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(b.segments.get.query({ id: 'seg_a' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(b.segments.save.mutate({ id: 'seg_a', name: 'stolen', description: '', rule: { kind: 'group', op: 'or', rules: [] } }))).code)
      .toBe('NOT_FOUND');
    expect((await b.segments.list.query()).map((s) => s.id)).toEqual(['seg_b']);
    expect(await b.events.names.query()).toEqual(['Secret Event']);
    expect((await b.customers.get.query({ id: 'c1' })).orders).toEqual([]);
    expect(await b.outbox.queue.query()).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0, suppressed: 0 });
    const [mailOfA] = await a.outbox.list.query({});
    expect((await b.outbox.list.query({})).map((m) => m.subject)).toEqual(['Only for B']);
    expect((await errorOf(b.outbox.get.query({ id: mailOfA.id }))).code).toBe('NOT_FOUND');
    expect((await a.segments.get.query({ id: 'seg_a' })).name).toBe('Repeat buyers');
  });
});

describe('segments, customers, outbox, events', () => {
  it('previews, saves and counts segments', async () => {
    const { trpc } = await signIn('owner@a.test', 'owner-pw');
    const recentBuyers = { kind: 'orders' as const, measure: 'count' as const, op: 'gte' as const, value: 1, withinDays: 30 };
    expect(await trpc.segments.preview.query({ rule: recentBuyers })).toEqual({
      count: 1, sample: [{ id: 'c1', email: 'c1@ws_a.test', firstName: 'Ada', lastName: 'Lovelace' }],
    });
    const { id } = await trpc.segments.save.mutate({ name: 'Bought in the last 30 days', description: 'Recent', rule: recentBuyers });
    await trpc.segments.save.mutate({ id, name: 'Bought in the last 30 days', description: 'Renamed', rule: recentBuyers });
    // The list never counts: a new segment waits for the engine's check (run here as its sweep would).
    expect((await trpc.segments.list.query()).find((s) => s.id === id)).toMatchObject({ memberCount: null, countedAt: null });
    await database.sql.begin((tx) => checkSegmentMemberships(tx, NOW));
    const list = await trpc.segments.list.query();
    expect(list.find((s) => s.id === id)).toMatchObject({ description: 'Renamed', memberCount: 1, ruleError: null });
    expect(list.find((s) => s.id === 'seg_a')?.memberCount).toBe(1);

    const bad = await errorOf(trpc.segments.save.mutate({
      name: 'Broken', description: '', rule: { kind: 'group', op: 'and', rules: [{ kind: 'orders', measure: 'count', op: 'gte', value: -1 }] },
    }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.data.issues).toContainEqual({ field: 'rule.rules.0.value', message: 'Use a value of 0 or more' });
  });

  it('lists customers and shows one with loyalty, orders, events and segments', async () => {
    const { trpc } = await signIn('owner@a.test', 'owner-pw');
    expect((await trpc.customers.list.query({})).total).toBe(2);
    const found = await trpc.customers.list.query({ search: 'CENT%' });
    expect(found.items.map((c) => c.id)).toEqual(['c2']);
    expect(found.total).toBe(1);
    expect((await trpc.customers.list.query({ search: 'ada' })).items[0]).toMatchObject({ id: 'c1', orderCount: 3 });

    const c1 = await trpc.customers.get.query({ id: 'c1' });
    expect(c1.profile).toMatchObject({ id: 'c1', firstName: 'Ada', timezone: 'UTC' });
    expect(c1.loyalty.balance).toBe(15);
    expect(c1.loyalty.ledger.map((l) => l.points).sort()).toEqual([10, 5].sort());
    expect(c1.orders.map((o) => o.id)).toEqual(['o0', 'o1', 'o2']);
    expect(c1.orders[0]).toMatchObject({ total: 30, placedAt: daysAgo(10).toISOString() });
    expect(c1.orders[0].items).toEqual([{ line: 1, productId: 'p_shoe', name: 'Running shoe', category: 'Shoes', brand: null, price: 30, quantity: 1 }]);
    expect(c1.events.map((e) => e.name)).toEqual(['Order Completed', 'Product Viewed']);
    expect(c1.segments.map((s) => s.id)).toContain('seg_a');
    expect((await trpc.customers.get.query({ id: 'c2' })).segments.map((s) => s.id)).not.toContain('seg_a');
    expect((await errorOf(trpc.customers.get.query({ id: 'nobody' }))).message).toContain('nobody');
  });

  it('shows the dev mailbox, the delivery queue and event names', async () => {
    const { trpc } = await signIn('owner@a.test', 'owner-pw');
    const [message, ...others] = await trpc.outbox.list.query({});
    expect(others).toEqual([]);
    expect(message).toMatchObject({ from: 'shop@a.test', to: ['c1@ws_a.test'], subject: 'Thanks, Ada', locale: 'sr-Latn' });
    expect(await trpc.outbox.get.query({ id: message.id })).toMatchObject({ html: '<p>Hi</p>', text: 'Hi', headers: { 'x-test': '1' }, locale: 'sr-Latn' });
    expect((await errorOf(trpc.outbox.get.query({ id: 'not-a-uuid' }))).code).toBe('BAD_REQUEST');
    expect(await trpc.outbox.queue.query()).toEqual({ pending: 1, sending: 0, sent: 2, failed: 0, suppressed: 0 });
    expect(await trpc.events.names.query()).toEqual(['Order Completed', 'Product Viewed']);
  });
});

// Every list page over the tRPC API on a real database: search, sort and paging done in SQL
// (segments, templates, customers, outbox; reviews page by keyset in reviews-page.test.ts),
// bad paging input refused naming the field, and the segments list never counting a segment:
// 200 fresh segments list at once as "not counted yet" until the engine's check counts them.
import type { ApiDeps } from '@afterglow/api';
import { checkSegmentMemberships, type Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const NOW = new Date('2025-06-15T12:00:00Z');
const WS = 'ws_paged';
let database: Database;
let server: ApiServer;
let trpc: ReturnType<typeof apiClient>['trpc'];

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  await sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Shop', 'secret')`;
  await sql`insert into customers (workspace_id, id, email, first_name, last_name, created_at) values
    (${WS}, 'c1', 'zoe@shop.test', 'Zoe', 'Adams', ${new Date('2025-01-01T00:00:00Z')}),
    (${WS}, 'c2', 'bob@shop.test', 'Bob', 'Brown', ${new Date('2025-03-01T00:00:00Z')}),
    (${WS}, 'c3', 'amy@shop.test', 'Amy', 'Clark', ${new Date('2025-02-01T00:00:00Z')})`;
  await sql`insert into orders (workspace_id, id, customer_id, total, placed_at) values (${WS}, 'o1', 'c1', 50, ${NOW})`;
  // 200 segments, none counted yet: each has one member (c1) once the engine's check runs.
  await sql`insert into segments (id, workspace_id, name, description, rule, created_at, updated_at)
    select 'seg_' || lpad(g::text, 3, '0'), ${WS}, 'Buyers ' || lpad(g::text, 3, '0'), case when g % 50 = 0 then 'Loyal fans' else '' end,
      ${sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1 })}, ${NOW}::timestamptz, ${NOW}::timestamptz + g * interval '1 minute'
    from generate_series(1, 200) g`;
  for (const [i, subject] of ['Your order shipped', 'Thanks for your review', 'Your order shipped again'].entries()) {
    const key = `k${i}:n`;
    await sql`insert into dev_mailbox (message_id, from_address, to_addresses, subject, html, text, headers, raw, received_at)
      values (${`<k${i}.n@afterglow>`}, 'shop@shop.test', ${JSON.stringify([`r${i}@shop.test`])}::text::jsonb, ${subject}, '<p>x</p>', 'x', '{}'::jsonb, 'raw',
        ${new Date(NOW.getTime() + i * 60_000)})`;
    await sql`insert into email_outbox (workspace_id, effect_key, customer_id, to_address, from_address, subject, html, message_id, status, next_attempt_at, created_at)
      values (${WS}, ${key}, 'c1', ${`r${i}@shop.test`}, 'shop@shop.test', ${subject}, 'h', ${`<k${i}.n@afterglow>`}, 'sent', ${NOW}, ${NOW})`;
  }
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

describe('segments', () => {
  it('lists 200 uncounted segments without counting any: stored counts only, "not counted yet" until the engine checks', async () => {
    const first = await trpc.segments.page.query({ limit: 24 });
    expect(first.total).toBe(200);
    expect(first.items).toHaveLength(24);
    expect(first.items[0]).toMatchObject({ id: 'seg_001', memberCount: null, countedAt: null, ruleError: null });
    expect(first.items.every((s) => s.memberCount === null)).toBe(true);
    // The request stored nothing and evaluated nothing: no refresh state, no membership rows.
    const [{ states, members }] = await database.sql<{ states: number; members: number }[]>`
      select (select count(*)::int from segment_refresh_state where workspace_id = ${WS}) as states,
        (select count(*)::int from segment_memberships where workspace_id = ${WS}) as members`;
    expect({ states, members }).toEqual({ states: 0, members: 0 });
    expect((await trpc.segments.list.query()).every((s) => s.memberCount === null)).toBe(true);

    // The engine's background check counts them; the list then shows the count and when.
    await database.sql.begin((tx) => checkSegmentMemberships(tx, NOW));
    const counted = await trpc.segments.page.query({ limit: 5 });
    expect(counted.items.map((s) => [s.memberCount, s.countedAt])).toEqual(Array(5).fill([1, NOW.toISOString()]));
  });

  it('searches name and description, sorts by name or last change, and pages by offset', async () => {
    const second = await trpc.segments.page.query({ limit: 24, offset: 24 });
    expect(second.items.map((s) => s.id)).toEqual(Array.from({ length: 24 }, (_, i) => `seg_${String(25 + i).padStart(3, '0')}`));
    const last = await trpc.segments.page.query({ limit: 24, offset: 192 });
    expect(last.items).toHaveLength(8);
    expect((await trpc.segments.page.query({ search: 'LOYAL' })).items.map((s) => s.id)).toEqual(['seg_050', 'seg_100', 'seg_150', 'seg_200']);
    expect(await trpc.segments.page.query({ search: 'Buyers 1_' })).toMatchObject({ total: 0, items: [] });
    expect((await trpc.segments.page.query({ sort: 'updated', limit: 2 })).items.map((s) => s.id)).toEqual(['seg_200', 'seg_199']);
  });

  it('refuses bad paging input with a 400 naming the field', async () => {
    for (const [input, field] of [[{ limit: 0 }, 'limit'], [{ limit: 201 }, 'limit'], [{ offset: -1 }, 'offset'], [{ sort: 'members' }, 'sort']] as const) {
      const err = await errorOf(trpc.segments.page.query(input as never));
      expect(err.code).toBe('BAD_REQUEST');
      expect(JSON.stringify(err.data)).toContain(field);
    }
  });
});

describe('templates, customers and the outbox', () => {
  it('templates: search, sort and page with a total', async () => {
    for (const name of ['Welcome', 'Win-back', 'Review request']) await trpc.templates.create.mutate({ name });
    const byName = await trpc.templates.page.query({ sort: 'name', limit: 2 });
    expect(byName).toMatchObject({ total: 3 });
    expect(byName.items.map((t) => t.name)).toEqual(['Review request', 'Welcome']);
    expect((await trpc.templates.page.query({ sort: 'name', limit: 2, offset: 2 })).items.map((t) => t.name)).toEqual(['Win-back']);
    expect((await trpc.templates.page.query({ search: 'win' })).items.map((t) => t.name)).toEqual(['Win-back']);
    const recent = (await trpc.templates.page.query({ sort: 'updated' })).items.map((t) => t.updatedAt);
    expect(recent).toEqual([...recent].sort().reverse());
  });

  it('customers: sorted by id, newest or name', async () => {
    const ids = async (sort: 'id' | 'newest' | 'name') => (await trpc.customers.list.query({ sort })).items.map((c) => c.id);
    expect(await ids('id')).toEqual(['c1', 'c2', 'c3']);
    expect(await ids('newest')).toEqual(['c2', 'c3', 'c1']);
    expect(await ids('name')).toEqual(['c3', 'c2', 'c1']);
    expect(await trpc.customers.list.query({ limit: 2, offset: 2 })).toMatchObject({ total: 3, items: [{ id: 'c3' }] });
  });

  it('outbox: searched by subject or recipient, newest or oldest first, with hasMore', async () => {
    const page = await trpc.outbox.page.query({ limit: 2 });
    expect(page.items.map((m) => m.subject)).toEqual(['Your order shipped again', 'Thanks for your review']);
    expect(page.hasMore).toBe(true);
    expect(await trpc.outbox.page.query({ limit: 2, offset: 2 })).toMatchObject({ hasMore: false, items: [{ subject: 'Your order shipped' }] });
    expect((await trpc.outbox.page.query({ search: 'SHIPPED', sort: 'oldest' })).items.map((m) => m.subject))
      .toEqual(['Your order shipped', 'Your order shipped again']);
    expect((await trpc.outbox.page.query({ search: 'r1@' })).items.map((m) => m.subject)).toEqual(['Thanks for your review']);
  });
});

describe('reviews', () => {
  it('page by keyset newest or oldest first, with search', async () => {
    await database.sql`insert into products (workspace_id, id, name) values (${WS}, 'p1', 'Mug')`;
    // Imported reviews (another app's export) need no order.
    await database.sql`insert into reviews (workspace_id, source, customer_id, product_id, rating, text, created_at, updated_at)
      select ${WS}, 'import', 'c1', 'p1', 1 + g % 5, 'Review number ' || g, ${NOW}::timestamptz + g * interval '1 hour', ${NOW}::timestamptz
      from generate_series(1, 5) g`;
    const walk = async (sort: 'newest' | 'oldest') => {
      const texts: string[] = [];
      let cursor: { createdAt: string; id: string } | null = null;
      do {
        const page: Awaited<ReturnType<typeof trpc.reviews.list.query>> = await trpc.reviews.list.query({ sort, limit: 2, cursor });
        texts.push(...page.items.map((r) => r.text));
        cursor = page.nextCursor;
      } while (cursor);
      return texts;
    };
    const oldest = await walk('oldest');
    expect(oldest).toEqual([1, 2, 3, 4, 5].map((g) => `Review number ${g}`));
    expect(await walk('newest')).toEqual([...oldest].reverse());
    expect((await trpc.reviews.list.query({ search: 'number 3' })).items.map((r) => r.text)).toEqual(['Review number 3']);
    expect((await errorOf(trpc.reviews.list.query({ sort: 'rating' as never }))).code).toBe('BAD_REQUEST');
  });
});

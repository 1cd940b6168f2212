// events.catalog over real HTTP on a real database, fed by the real ingestion handler: the
// names a workspace received with counts, last seen and typed property keys, the known shop
// events not received yet, nothing of another workspace, and a session required.
import type { ApiDeps } from '@afterglow/api';
import { MAX_EVENT_PROPERTY_KEYS, rebuildEventNames, recordEventNames } from '@afterglow/db';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashIngestKey } from '../packages/api/src/ingest/index';
import { NOW, startIngestHarness, type IngestHarness } from './ingest-harness';
import { apiClient, errorOf, seedUser, startApiServer, type ApiClient, type ApiServer } from './support/api-client';

const KEY_B = 'ag_b_live_key';
let h: IngestHarness;
let server: ApiServer;
let viewer: ApiClient;

const unused = async () => { throw new Error('not used in this file'); };
const track = (messageId: string, event: string, timestamp: string, properties: Record<string, unknown> = {}) =>
  ({ type: 'track', userId: 'cust_1', messageId, event, timestamp, properties });
const order = (id: string) => ({ order_id: id, total: 30.5, currency: 'EUR', products: [{ product_id: 'p1' }], gift: true,
  placed_at: '2025-05-01T10:00:00Z', shipping: { country: 'RS' }, note: null, contact: 'ana@example.com' });

beforeAll(async () => {
  h = await startIngestHarness();
  await h.database.sql`insert into workspaces (id, name, signing_secret) values ('ws_b', 'Shop B', 'secret')`;
  await h.database.sql`insert into ingest_keys (id, workspace_id, prefix, key_hash) values ('kb', 'ws_b', 'ag_b', ${hashIngestKey(KEY_B)})`;
  await seedUser(h.database, { id: 'u_view', workspaceId: 'ws_a', email: 'viewer@a.test', password: 'viewer-pw', role: 'viewer' });
  const deps: ApiDeps = {
    database: h.database, registry: createRegistry(), clock: new ManualClock(NOW),
    engine: { stats: unused, wake: async () => {}, retryFailed: unused },
    templateSandbox: { check: unused, preview: unused },
  };
  server = await startApiServer(deps);
  viewer = apiClient(server.url).trpc;
  await viewer.auth.login.mutate({ email: 'viewer@a.test', password: 'viewer-pw' });
});
afterAll(async () => {
  await server?.close();
  await h?.close();
});

describe('events.catalog', () => {
  it('lists what the workspace received, counted once per message, with typed property keys', async () => {
    const batch = {
      batch: [
        track('m1', 'Order Completed', '2025-05-01T10:00:00Z', order('o1')),
        track('m2', 'Order Completed', '2025-05-03T10:00:00Z', order('o2')),
        track('m3', 'order completed', '2025-05-02T10:00:00Z', order('o3')),
        track('m4', 'Loyalty Joined', '2025-05-04T10:00:00Z', { tier: 'gold', points: 10 }),
        { type: 'identify', userId: 'cust_1', messageId: 'm5', traits: { email: 'c@example.com' } },
        { type: 'page', userId: 'cust_1', messageId: 'm6', name: 'Pricing' },
      ],
    };
    expect((await h.post('/v1/batch', batch)).status).toBe(200);
    expect((await h.post('/v1/batch', batch)).status).toBe(200); // a client's retry counts nothing twice
    expect((await h.post('/v1/track', track('b1', 'Secret Event', '2025-05-05T10:00:00Z', { secret: 1 }), { key: KEY_B })).status).toBe(200);

    const catalog = await viewer.events.catalog.query();
    const byName = new Map(catalog.map((e) => [e.name, e]));
    expect(catalog.slice(0, 2).map((e) => [e.name, e.count, e.known, e.lastSeenAt])).toEqual([
      ['Loyalty Joined', 1, false, '2025-05-04T10:00:00.000Z'],
      // "order completed" is the same event to a trigger: one entry, named as most recently seen.
      ['Order Completed', 3, true, '2025-05-03T10:00:00.000Z'],
    ]);
    expect(byName.get('Order Completed')!.properties).toEqual([
      { key: 'contact', type: 'string' }, // an address is never kept as a sample
      { key: 'currency', type: 'string', sample: 'EUR' },
      { key: 'gift', type: 'boolean', sample: true },
      { key: 'order_id', type: 'string', sample: 'o2' },
      { key: 'placed_at', type: 'date', sample: '2025-05-01T10:00:00Z' },
      { key: 'products', type: 'array' },
      { key: 'shipping', type: 'object' },
      { key: 'shipping.country', type: 'string', sample: 'RS' },
      { key: 'total', type: 'number', sample: 30.5 },
    ]);
    expect(byName.get('Loyalty Joined')!.properties.map((p) => `${p.key}:${p.type}`)).toEqual(['points:number', 'tier:string']);
    // Known shop events are offered before one arrives, with the properties they carry.
    expect(byName.get('order_paid')).toMatchObject({ known: true, count: 0, lastSeenAt: null });
    expect(byName.get('order_shipped')!.properties.map((p) => p.key)).toContain('tracking_url');
    expect(byName.has('Checkout Abandoned')).toBe(true);
    // Not another workspace's events, not page views.
    expect(byName.has('Secret Event')).toBe(false);
    expect(byName.has('Pricing')).toBe(false);
  });

  it('learns at most a fixed number of property keys per event', async () => {
    const wide = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${String(i).padStart(2, '0')}`, i]));
    expect((await h.post('/v1/track', track('w1', 'Wide Event', '2025-05-06T10:00:00Z', wide))).status).toBe(200);
    expect((await h.post('/v1/track', track('w2', 'Wide Event', '2025-05-06T11:00:00Z', { k00: 'now text', zz: 1 }))).status).toBe(200);
    const wideEvent = (await viewer.events.catalog.query()).find((e) => e.name === 'Wide Event')!;
    expect(wideEvent.count).toBe(2);
    expect(wideEvent.properties).toHaveLength(MAX_EVENT_PROPERTY_KEYS);
    // A key it has keeps learning (latest sample and type); a new one is not added.
    expect(wideEvent.properties[0]).toEqual({ key: 'k00', type: 'string', sample: 'now text' });
    expect(wideEvent.properties.some((p) => p.key === 'zz')).toBe(false);
  });

  it('adds up the shards of a name that requests at different moments wrote', async () => {
    for (const ms of [0, 1, 2]) {
      await recordEventNames(h.database.sql, 'ws_a', [{ name: 'Sharded', properties: { [`k${ms}`]: ms }, timestamp: `2025-05-0${ms + 1}T00:00:00Z` }],
        new Date(NOW.getTime() + ms));
    }
    const [{ rows }] = await h.database.sql<{ rows: number }[]>`select count(*)::int as rows from event_names where name = 'Sharded'`;
    expect(rows).toBe(3);
    const sharded = (await viewer.events.catalog.query()).find((e) => e.name === 'Sharded')!;
    expect(sharded).toMatchObject({ count: 3, lastSeenAt: '2025-05-03T00:00:00.000Z' });
    expect(sharded.properties).toEqual([{ key: 'k0', type: 'number', sample: 0 }, { key: 'k1', type: 'number', sample: 1 }, { key: 'k2', type: 'number', sample: 2 }]);
    expect((await viewer.events.names.query()).filter((n) => n === 'Sharded')).toEqual(['Sharded']);
  });

  it('is rebuilt from events stored without ingestion (the demo seed, the migration\'s backfill) as ingestion keeps it', async () => {
    const { sql } = h.database;
    await sql`insert into workspaces (id, name, signing_secret) values ('ws_c', 'Shop C', 'secret')`;
    await sql`insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp) values
      ('ws_c', 'c1', 'track', 'x', 'Review Left', ${sql.json({ rating: 4, text: 'ok', at: '2025-05-01', by: 'a@b.c', n: null })}, '2025-05-01T00:00:00Z'),
      ('ws_c', 'c2', 'track', 'x', 'Review Left', ${sql.json({ rating: 5, verified: true })}, '2025-05-02T00:00:00Z'),
      ('ws_c', 'c3', 'identify', 'x', null, '{}', '2025-05-02T00:00:00Z')`;
    const summary = async () => (await sql<{ name: string; count: number; properties: unknown }[]>`
      select name, count::int as count, properties from event_names where workspace_id = 'ws_c'`).map((r) => ({ ...r }));
    const expected = [{ name: 'Review Left', count: 2, properties: {
      rating: { type: 'number', sample: 5 }, text: { type: 'string', sample: 'ok' }, at: { type: 'date', sample: '2025-05-01' },
      by: { type: 'string' }, verified: { type: 'boolean', sample: true },
    } }];
    await rebuildEventNames(sql, 'ws_c');
    expect(await summary()).toEqual(expected);

    await sql`delete from event_names`;
    const migration = readFileSync(path.join(import.meta.dirname, '../drizzle/0040_event_names.sql'), 'utf8');
    const handWritten = migration.split('-- hand-written:')[1];
    for (const statement of handWritten.slice(handWritten.indexOf('\n')).split('--> statement-breakpoint')) await sql.unsafe(statement);
    expect(await summary()).toEqual(expected);
  });

  it('needs a session', async () => {
    expect((await errorOf(apiClient(server.url).trpc.events.catalog.query())).code).toBe('UNAUTHORIZED');
  });
});

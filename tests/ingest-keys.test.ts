// Ingestion keys over tRPC, proven against the real ingestion endpoint: a created key is
// shown once and works at once, lists show only its prefix, a revoked key is refused on
// the very next request; owners only, one workspace never sees another's keys.
import { createIngestHandler, type ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, type ApiServer, signIn as signInAs } from './support/api-client';
import { topicHandlers } from '../packages/api/src/shopify/topics';
import { createTestDatabase } from './support/db';

const NOW = new Date('2025-06-15T12:00:00Z');
let database: Database;
let api: ApiServer;
let ingest: http.Server;
let ingestUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'Shop A', 's'), ('ws_b', 'Shop B', 's')`;
  await seedUser(database, { id: 'u_owner', workspaceId: 'ws_a', email: 'owner@a.test', password: 'owner-pw', role: 'owner' });
  await seedUser(database, { id: 'u_marketer', workspaceId: 'ws_a', email: 'marketer@a.test', password: 'm-pw', role: 'marketer' });
  await seedUser(database, { id: 'u_b', workspaceId: 'ws_b', email: 'owner@b.test', password: 'b-pw', role: 'owner' });
  const clock = new ManualClock(NOW);
  // The engine and the template sandbox are not used here; every method they may be asked for refuses.
  const unused = async (): Promise<never> => { throw new Error('not used in this file'); };
  const engine = { stats: unused, wake: async () => {}, retryFailed: unused };
  const deps: ApiDeps = { database, registry: createRegistry(), clock, engine, templateSandbox: { check: unused, preview: unused } };
  api = await startApiServer(deps);
  const handler = createIngestHandler({ database, clock, onEventsStored: async () => {}, afterCommit: async () => {} });
  ingest = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => ingest.listen(0, '127.0.0.1', resolve));
  ingestUrl = `http://127.0.0.1:${(ingest.address() as AddressInfo).port}/v1/track`;
});
afterAll(async () => {
  ingest?.closeAllConnections();
  await new Promise((resolve) => ingest?.close(resolve));
  await api?.close();
  await database?.close();
});

const signIn = (email: string, password: string) => signInAs(api.url, email, password);

const track = (key: string, messageId: string) => fetch(ingestUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
  body: JSON.stringify({ userId: 'cust_k', event: 'Signed Up', messageId }),
}).then((r) => r.status);

describe('ingestion keys', () => {
  it('create shows the key once; it works at once; the list shows only the prefix; revoke refuses the next request', async () => {
    const owner = await signIn('owner@a.test', 'owner-pw');
    const created = await owner.settings.ingestKeys.create.mutate({ label: 'Storefront' });
    expect(created.key).toMatch(/^ag_live_[0-9a-f]{32}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    expect(await track(created.key, 'm-k-1')).toBe(200);

    const list = await owner.settings.ingestKeys.list.query();
    expect(list).toEqual([{ id: created.id, prefix: created.prefix, label: 'Storefront', createdAt: NOW.toISOString(), revokedAt: null }]);
    expect(JSON.stringify(list)).not.toContain(created.key);
    const [stored] = await database.sql`select key_hash from ingest_keys where id = ${created.id}`;
    expect(stored.key_hash).not.toContain(created.key.slice(12));

    const revoked = await owner.settings.ingestKeys.revoke.mutate({ id: created.id });
    expect(revoked.revokedAt).toBe(NOW.toISOString());
    expect(await track(created.key, 'm-k-2')).toBe(401);
    const again = await errorOf(owner.settings.ingestKeys.revoke.mutate({ id: created.id }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: `Ingestion key ${created.id} is already revoked` });
  });

  it('only owners manage keys, and only their own workspace’s', async () => {
    const marketer = await signIn('marketer@a.test', 'm-pw');
    const forbidden = await errorOf(marketer.settings.ingestKeys.list.query());
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toContain('marketer@a.test');
    expect((await errorOf(apiClient(api.url).trpc.settings.ingestKeys.list.query())).code).toBe('UNAUTHORIZED');

    const owner = await signIn('owner@a.test', 'owner-pw');
    const mine = await owner.settings.ingestKeys.create.mutate({ label: 'Mine' });
    const other = await signIn('owner@b.test', 'b-pw');
    expect(await other.settings.ingestKeys.list.query()).toEqual([]);
    expect(await errorOf(other.settings.ingestKeys.revoke.mutate({ id: mine.id }))).toMatchObject({
      code: 'NOT_FOUND', message: `Ingestion key ${mine.id} does not exist`,
    });
    expect(await track(mine.key, 'm-k-3')).toBe(200);
  });

  it('bad input names the field and writes nothing', async () => {
    const owner = await signIn('owner@a.test', 'owner-pw');
    const before = (await owner.settings.ingestKeys.list.query()).length;
    const err = await errorOf(owner.settings.ingestKeys.create.mutate({ label: '   ' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.data.issues).toEqual([{ field: 'label', message: 'label must not be empty' }]);
    expect((await owner.settings.ingestKeys.list.query()).length).toBe(before);
  });
});

describe('Shopify connection', () => {
  it('sets, shows a hint of, and removes the webhook secret', async () => {
    const owner = await signIn('owner@a.test', 'owner-pw');
    expect(await owner.settings.shopify.get.query()).toBeNull();
    const set = await owner.settings.shopify.set.mutate({ secret: 'shpss_0123456789abcd', shopDomain: 'My-Shop.myshopify.com' });
    expect(set).toEqual({ shopDomain: 'my-shop.myshopify.com', secretHint: '…abcd', createdAt: NOW.toISOString() });
    const bad = await errorOf(owner.settings.shopify.set.mutate({ secret: 'short', shopDomain: 'not a domain' }));
    expect(bad.data.issues.map((i: { field: string }) => i.field)).toEqual(['secret', 'shopDomain']);
    expect(await owner.settings.shopify.get.query()).toEqual(set);
    await owner.settings.shopify.remove.mutate();
    expect(await owner.settings.shopify.get.query()).toBeNull();
  });

  it('lists every topic the webhook handles, for the card to show (one source: the handlers)', async () => {
    const owner = await signIn('owner@a.test', 'owner-pw');
    const topics = await owner.settings.shopify.topics.query();
    expect(topics).toEqual(Object.keys(topicHandlers));
    expect(topics).toEqual(expect.arrayContaining(['orders/paid', 'refunds/create', 'fulfillments/update', 'checkouts/create', 'customers/redact']));
  });
});

// Secrets at rest, through the whole server: a database written before encryption (plain
// link-signing, Shopify and webhook secrets in drafts, versions and a pending call) keeps
// working after the first start, which seals it all; new secrets are stored sealed; a scan of
// every table finds none of them in plain text; a new key with the old one as previous
// re-seals everything at start, `pnpm secrets:rotate` does the same, and a key that is not
// configured stops the start with its id named.
import { shopifySignature } from '@afterglow/api';
import { createSecretBox, secretKeyId, type Database, type Sql } from '@afterglow/db';
import { signToken } from '@afterglow/email';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { startAfterglow, type Afterglow, type AfterglowOptions } from '@afterglow/server';
import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, signIn } from './support/api-client';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph } from './support/journeys';
import { TEST_SECRET_KEY } from './support/secrets';

const LEGACY = {
  link: 'legacy-link-secret-5f2a', shopify: 'shpss_legacy_9c1e7b', token: 'legacy-token-77ad3', signing: 'whsec_legacy_0123456789',
  pendingToken: 'legacy-pending-8b41', pendingSigning: 'whsec_pending_legacy_01',
};
const FRESH = { shopify: 'shpss_fresh_55e0aa', token: 'fresh-token-99c4d', signing: 'whsec_fresh_abcdef012345' };
const registry = createRegistry();
const at = { x: 0, y: 0 };
const now = new Date('2026-03-02T10:00:00Z');

let database: Database;
let dataDir: string;
let app: Afterglow | undefined;
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    received.push({ path: req.url ?? '', headers: req.headers, body });
    res.writeHead(req.url === '/fresh' ? 503 : 200).end();
  });
});
let base = '';

const webhookGraph = (url: string, token: string, signing: string): JourneyGraph => ({
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: '' } },
    { id: 'hook', type: 'core/call-webhook', position: at, config: { url, method: 'POST', body: '{"order": {{ event.order_id }}}',
      headers: [{ name: 'Authorization', value: `Bearer ${token}` }], secret: signing } },
  ],
  edges: [{ id: 'e', source: 'trigger', sourceHandle: 'out', target: 'hook' }],
});

/** Every row of every table, as text. */
async function everyTable(sql: Sql): Promise<string> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
  const parts = await Promise.all(tables.map(async ({ name }) => (await sql`select t::text as row from ${sql(name)} t`).map((r) => r.row).join('\n')));
  return parts.join('\n');
}

const keyIdsIn = (text: string) => new Set([...text.matchAll(/enc:v1:([0-9a-f]{8}):/g)].map((m) => m[1]));

async function start(opts: Partial<AfterglowOptions> = {}): Promise<Afterglow> {
  await app?.close();
  app = undefined;
  app = await startAfterglow({ databaseUrl: database.url, dataDir, port: 0, role: 'web', seed: false, webhookAllowPrivate: true,
    webDistDir: path.join(dataDir, 'no-dist'), log: () => {}, clock: { now: () => now }, ...opts });
  return app;
}

const signedWith = (secret: string, call: { headers: IncomingHttpHeaders; body: string }) => {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(call.headers['x-afterglow-signature']))!;
  return createHmac('sha256', secret).update(`${t}.${call.body}`).digest('hex') === v1;
};
const unsubscribeStatus = async (secret: string) =>
  (await fetch(`${app!.url}/u/${signToken(secret, { t: 'u', w: 'ws_old', c: 'ada' })}`)).status;
const shopifyStatus = async (secret: string) => {
  const raw = JSON.stringify({ id: 7001, email: 'ada@example.com', first_name: 'Ada', updated_at: '2026-03-01T00:00:00Z' });
  return (await fetch(`${app!.url}/webhooks/shopify`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json',
    'x-shopify-topic': 'customers/create', 'x-shopify-webhook-id': randomBytes(6).toString('hex'),
    'x-shopify-shop-domain': 'old-shop.myshopify.com', 'x-shopify-hmac-sha256': shopifySignature(secret, raw) } })).status;
};

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-secrets-'));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // Written the way Afterglow stored secrets before encryption: in plain text.
  const { sql } = database;
  await sql`insert into workspaces (id, name, signing_secret) values ('ws_old', 'Old shop', ${LEGACY.link})`;
  await sql`insert into customers (workspace_id, id, email, first_name) values ('ws_old', 'ada', 'ada@example.com', 'Ada')`;
  await sql`insert into shopify_connections (workspace_id, shop_domain, webhook_secret, created_at) values ('ws_old', null, ${LEGACY.shopify}, ${now})`;
  await publishGraph(database, registry, 'ws_old', 'j_old', webhookGraph(`${base}/legacy`, LEGACY.token, LEGACY.signing));
  // A pending call as migration 0032 carries one over from webhook_outbox: its values as they were stored.
  await sql`insert into service_effects (workspace_id, service_id, effect_key, customer_id, payload, next_attempt_at, created_at)
    values ('ws_old', 'core/webhook', 'legacy:1', 'ada', ${sql.json({ url: `${base}/pending`, method: 'POST', body: '{}',
      headers: [{ name: 'Authorization', value: `Bearer ${LEGACY.pendingToken}` }], signingSecret: LEGACY.pendingSigning })}, ${now}, ${now})`;
  await seedUser(database, { id: 'u_old', workspaceId: 'ws_old', email: 'owner@old.test', password: 'pw-old', role: 'owner' });
});

afterAll(async () => {
  await app?.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets at rest', () => {
  it('an existing database with plain secrets keeps working, and its first start seals them all', async () => {
    expect(await everyTable(database.sql)).toContain(LEGACY.token); // the scan sees plain text where there is some
    await start({ secretKey: TEST_SECRET_KEY });
    const stored = await everyTable(database.sql);
    for (const secret of Object.values(LEGACY)) expect([secret, stored.includes(secret)]).toEqual([secret, false]);
    expect(keyIdsIn(stored)).toEqual(new Set([secretKeyId(TEST_SECRET_KEY)]));

    await app!.engine.advanceUntilIdle();
    const pending = received.find((r) => r.path === '/pending')!;
    expect([pending.headers.authorization, signedWith(LEGACY.pendingSigning, pending)]).toEqual([`Bearer ${LEGACY.pendingToken}`, true]);
    await ingestEvents(database, app!.engine.enrolEvents, [{ workspaceId: 'ws_old', customerId: 'ada', name: 'Order Completed', properties: { order_id: 7 }, timestamp: now }]);
    await app!.engine.advanceUntilIdle();
    const step = received.find((r) => r.path === '/legacy')!;
    expect([step.headers.authorization, signedWith(LEGACY.signing, step), step.body]).toEqual([`Bearer ${LEGACY.token}`, true, '{"order": 7}']);
    expect([await unsubscribeStatus(LEGACY.link), await unsubscribeStatus('forged')]).toEqual([200, 400]);
    expect([await shopifyStatus(LEGACY.shopify), await shopifyStatus('forged')]).toEqual([200, 401]);
    const owner = await signIn(app!.url, 'owner@old.test', 'pw-old');
    expect((await owner.journeys.get.query({ id: 'j_old' })).draft.nodes[1].config.headers).toEqual([{ name: 'Authorization', value: `Bearer ${LEGACY.token}` }]);
    expect((await owner.settings.shopify.get.query())?.secretHint).toBe(`…${LEGACY.shopify.slice(-4)}`);
  });

  it('stores new secrets sealed: a scan of every table finds none of them', async () => {
    const owner = await signIn(app!.url, 'owner@old.test', 'pw-old');
    await owner.settings.shopify.set.mutate({ secret: FRESH.shopify, shopDomain: null });
    const { id } = await owner.journeys.create.mutate({ name: 'Fresh' });
    await owner.journeys.saveDraft.mutate({ id, draft: webhookGraph(`${base}/fresh`, FRESH.token, FRESH.signing) });
    expect(await owner.journeys.publish.mutate({ id })).toMatchObject({ ok: true });
    await owner.journeys.setStatus.mutate({ id: 'j_old', status: 'paused' });
    await ingestEvents(database, app!.engine.enrolEvents, [{ workspaceId: 'ws_old', customerId: 'ada', name: 'Order Completed', properties: { order_id: 8 }, timestamp: now }]);
    await app!.engine.advanceUntilIdle();
    expect(received.filter((r) => r.path === '/fresh').map((r) => r.headers.authorization)).toEqual([`Bearer ${FRESH.token}`]);
    const [call] = await database.sql`select status from service_effects where payload->>'url' = ${`${base}/fresh`}`;
    expect(call.status).toBe('pending'); // answered 503: its secrets wait, sealed, for the retry
    const stored = await everyTable(database.sql);
    for (const secret of [...Object.values(LEGACY), ...Object.values(FRESH)]) expect([secret, stored.includes(secret)]).toEqual([secret, false]);
    expect(await shopifyStatus(FRESH.shopify)).toBe(200);
  });

  it('a new key, with the old one as previous, re-seals everything at start; then the old key can go', async () => {
    const keyB = randomBytes(32);
    const lines: string[] = [];
    await start({ secretKey: keyB, previousSecretKeys: [TEST_SECRET_KEY], log: (line) => lines.push(line) });
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg).find((m) => m.startsWith('Sealed'))).toBe(
      // a workspace, a Shopify connection, two drafts, two versions, one pending call
      `Sealed the secrets of 7 stored rows with key ${secretKeyId(keyB)}, also opening ${secretKeyId(TEST_SECRET_KEY)}`);
    expect(keyIdsIn(await everyTable(database.sql))).toEqual(new Set([secretKeyId(keyB)]));
    await start({ secretKey: keyB });
    expect(await unsubscribeStatus(LEGACY.link)).toBe(200);
    expect(await shopifyStatus(FRESH.shopify)).toBe(200);

    // The command does the same with Afterglow running on DATABASE_URL.
    const keyC = randomBytes(32);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'apps/server/src/secrets-cli.ts'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, DATABASE_URL: database.url, AFTERGLOW_DATA_DIR: dataDir,
        AFTERGLOW_SECRET_KEY: keyC.toString('base64'), AFTERGLOW_SECRET_KEY_PREVIOUS: `${randomBytes(32).toString('base64')},${keyB.toString('base64')}` },
    });
    expect(stdout).toContain(`Stored secrets sealed with key ${secretKeyId(keyC)}`);
    expect(stdout).toContain('Everything stored is sealed with the current key');
    expect(keyIdsIn(await everyTable(database.sql))).toEqual(new Set([secretKeyId(keyC)]));
    expect(createSecretBox({ current: keyC }).open((await database.sql`select signing_secret from workspaces`)[0].signing_secret)).toBe(LEGACY.link);

    // Started without the key the secrets are sealed with: refused, naming the key.
    await expect(start({ secretKey: keyB })).rejects.toThrow(`Stored secrets are sealed with keys that are not configured: ${secretKeyId(keyC)} (in `);
  });
});

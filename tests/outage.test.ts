// Postgres stopped under a running server: every route that needs the database answers 503
// with Retry-After at once (it used to hang up to 15 s behind postgres.js's reconnect backoff,
// or answer 500), the log says so once instead of ~1,350 times a minute, and when Postgres is
// back, ingestion and the engine's workers carry on. Its own embedded Postgres: stopping the
// shared one would break the test files running beside this one.
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '@afterglow/db';
import { startAfterglow, type Afterglow } from '@afterglow/server';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

let dir: string;
let pg: EmbeddedDatabase;
let app: Afterglow;
let cookie: string;
let pgDown = false;
const lines: { level: string; component?: string; msg: string }[] = [];

// Far below the 15 s some requests hung, and above anything a loaded machine adds to a fast answer.
const ANSWER_WITHIN_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-outage-'));
  chmodSync(dir, 0o755); // the server runs as the postgres OS user when we are root
  pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), fast: true });
  app = await startAfterglow({
    databaseUrl: await ensureDatabase(pg.url, 'afterglow'), dataDir: dir, port: 0, smtpDevPort: 0, seed: true,
    webDistDir: path.join(dir, 'no-dist'), log: (line) => lines.push(JSON.parse(line)),
  });
  const login = await call('/trpc/auth.login', { email: app.demo!.email, password: app.demo!.password });
  cookie = login.headers.get('set-cookie')!.split(';')[0];
});

afterAll(async () => {
  if (pgDown) await pg.restart(); // a failed assertion must not leave the server closing against a dead database
  await app?.close();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function call(pathName: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${app.url}${pathName}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
}

async function waitForEmails(count: number): Promise<number> {
  let emails = 0;
  for (let i = 0; i < 300 && emails < count; i++) {
    [{ emails }] = await app.database.sql<{ emails: number }[]>`select count(*)::int as emails from dev_mailbox`;
    if (emails < count) await sleep(100);
  }
  return emails;
}

let order = 0;
const ingestOrder = () => call('/v1/track', {
  userId: 'cust_0001', event: 'Order Completed', messageId: `outage-${++order}`,
  properties: { order_id: `outage-${order}`, total: 19.9, currency: 'EUR' },
}, { authorization: `Basic ${Buffer.from(`${app.demo!.ingestKey}:`).toString('base64')}` });

/** Every kind of route that needs the database, as clients call them. */
const routes: [string, () => Promise<Response>][] = [
  ['ingestion', ingestOrder],
  ['Shopify webhook', () => call('/webhooks/shopify', {}, { 'x-shopify-hmac-sha256': 'c2ln', 'x-shopify-topic': 'orders/create' })],
  ['bounce webhook', () => call('/webhooks/bounces', {}, { authorization: `Basic ${Buffer.from(`${app.demo!.ingestKey}:`).toString('base64')}` })],
  ['tRPC', () => call('/trpc/journeys.list')],
  ['unsubscribe link', () => call('/u/some-token')],
  ['health check', () => call('/healthz')],
];

it('answers 503 with Retry-After at once while Postgres is down, logs the outage once, and carries on after it', async () => {
  expect((await ingestOrder()).status).toBe(200);
  expect((await call('/healthz')).status).toBe(200);
  // The first order's email arrives before the crash: with `fast` (no synchronous commit) an
  // immediate stop may lose the last commits, which is not what this test is about.
  expect(await waitForEmails(1)).toBe(1);
  const before = lines.length;

  await pg.stopImmediately();
  pgDown = true;
  // Several rounds, the engine's workers failing meanwhile: the first request meets the
  // outage itself (a connection error), the others find the breaker open.
  for (let round = 0; round < 5; round++) {
    for (const [name, request] of routes) {
      const res = await request();
      expect({ name, status: res.status }).toEqual({ name, status: 503 });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    await sleep(500);
  }
  const tRpc = await (await call('/trpc/journeys.list')).json();
  expect(tRpc.error.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
  expect(tRpc.error.message).toMatch(/database is unreachable/);

  const during = lines.slice(before);
  expect(during.map((l) => l.msg)).toEqual(['database unreachable: requests get 503 and workers wait until it answers']);
  expect(during[0]).toMatchObject({ level: 'error', component: 'database' });

  await pg.restart();
  pgDown = false;
  let status = 0;
  for (let i = 0; i < 100 && status !== 200; i++) {
    status = (await ingestOrder()).status;
    if (status !== 200) await sleep(200);
  }
  expect(status).toBe(200);
  expect((await call('/healthz')).status).toBe(200);
  expect(lines.slice(before).map((l) => l.msg)).toContain('database reachable again');
  // The workers woke up again: the orders stored after the outage reach the Outbox.
  expect(await waitForEmails(2)).toBe(2);
});

// Upgrading an installation with webhook calls still in webhook_outbox: migration 0032 moves the
// pending ones into service_effects (service core/webhook) with the same effect key, attempts
// and due time, their sealed header values and signing secret copied as they are, and drops the
// table; delivered calls live on only as their counters. The moved call is then delivered by
// the service dispatcher: its secrets open, it is signed, and it carries the Idempotency-Key the
// old dispatcher would have sent.
import { ensureDatabase, migrationsFolder, openDatabase, runMigrations, type Database } from '@afterglow/db';
import { dispatchDueServiceEffects } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { createHmac, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { capturingLogger } from './support/logs';
import { testSecrets } from './support/secrets';

const WS = 'ws_hooks_upgrade';
const at = new Date('2026-06-01T12:00:00Z');
const SIGNING = 'whsec_upgrade_0123456789';
let db: Database;
let before: string;
const received: { req: IncomingMessage; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => { received.push({ req, body }); res.writeHead(200).end('ok'); });
});

/** drizzle/ as it was before this migration. */
function migrationsUpTo(last: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx <= last) }));
  return dir;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = await ensureDatabase(inject('pgAdminUrl'), `t_hooks_upgrade_${randomBytes(6).toString('hex')}`);
  before = migrationsUpTo(31);
  await runMigrations(url, before);
  db = openDatabase(url, { secrets: testSecrets() });
  const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
  // As the old queue stored a call: every header value and the signing secret sealed.
  const headers = db.sql.json({ Authorization: db.secrets.seal('Bearer tok_upgrade'), 'X-Shop': db.secrets.seal('demo') });
  await db.sql`insert into webhook_outbox (workspace_id, effect_key, run_id, journey_id, version_id, node_id, customer_id, url, method,
      headers, body, signing_secret, status, attempts, next_attempt_at, last_error, created_at)
    values
      (${WS}, 'run_a:hook', null, 'j1', 'v1', 'hook', 'ada', ${target}, 'PUT', ${headers}, '{"order":7}', ${db.secrets.seal(SIGNING)},
        'pending', 2, ${at}, '503: busy', ${at}),
      (${WS}, 'run_b:hook', null, 'j1', 'v1', 'hook', 'bob', ${target}, 'POST', '{}', '{}', null, 'delivered', 1, ${at}, null, ${at})`;
  await runMigrations(db.url);
});

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await db?.close();
  if (before) rmSync(before, { recursive: true, force: true });
});

it('moves pending calls into service_effects with their key and sealed secrets, and drops webhook_outbox', async () => {
  expect(await db.sql`select to_regclass('webhook_outbox') as t`).toEqual([{ t: null }]);
  const rows = await db.sql`select * from service_effects where workspace_id = ${WS}`;
  expect(rows).toHaveLength(1);
  const [effect] = rows;
  expect(effect).toMatchObject({ service_id: 'core/webhook', effect_key: 'run_a:hook', journey_id: 'j1', version_id: 'v1', node_id: 'hook',
    customer_id: 'ada', status: 'pending', attempts: 2, next_attempt_at: at, last_error: '503: busy', marketing: false });
  const payload = effect.payload as { headers: { name: string; value: string }[]; signingSecret: string };
  expect(payload).toMatchObject({ url: expect.stringMatching(/\/in$/), method: 'PUT', body: '{"order":7}' });
  expect(payload.headers.map((h) => [h.name, db.secrets.open(h.value)])).toEqual([['Authorization', 'Bearer tok_upgrade'], ['X-Shop', 'demo']]);
  expect([db.secrets.isSealed(payload.signingSecret), db.secrets.open(payload.signingSecret)]).toEqual([true, SIGNING]);
});

it('delivers the moved call through the core/webhook service, signed, with the same Idempotency-Key', async () => {
  const result = await dispatchDueServiceEffects({ sql: db.sql, secrets: db.secrets, registry: createRegistry(), now: at,
    publicUrl: () => 'https://afterglow.test', allowPrivate: true, log: capturingLogger([]) });
  expect(result).toEqual({ delivered: 1, accepted: 0, retried: 0, failed: 0 });
  const [{ req, body }] = received;
  const t = at.getTime() / 1000;
  expect([req.method, body, req.headers.authorization, req.headers['x-shop'], req.headers['idempotency-key'], req.headers['x-afterglow-signature']])
    .toEqual(['PUT', '{"order":7}', 'Bearer tok_upgrade', 'demo', 'run_a:hook',
      `t=${t},v1=${createHmac('sha256', SIGNING).update(`${t}.{"order":7}`).digest('hex')}`]);
  const [effect] = await db.sql`select status, attempts from service_effects where effect_key = 'run_a:hook'`;
  expect(effect).toEqual({ status: 'delivered', attempts: 3 });
});

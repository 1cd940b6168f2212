// Upgrading an installation whose counters were computed from the effects' tables (emails,
// opens, coupons, webhook calls) to counters kept as the effects happen: migration 0031 counts
// what is already there, once, and leaves what 0020 and 0022 counted (entries, points) alone.
// A database is migrated up to 0030, given rows, then upgraded; the canvas shows the numbers
// the old per-counter queries showed.
import { ensureDatabase, migrationsFolder, openDatabase, runMigrations, type Database } from '@afterglow/db';
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { testSecrets } from './support/secrets';

const WS = 'ws_upgrade';
const at = new Date('2026-03-02T09:00:00Z');
let db: Database;
let before: string;

/** drizzle/ as it was before this migration: every migration up to 0030. */
function migrationsUpTo(last: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx <= last) }));
  return dir;
}

beforeAll(async () => {
  const url = await ensureDatabase(inject('pgAdminUrl'), `t_upgrade_${randomBytes(6).toString('hex')}`);
  before = migrationsUpTo(30);
  await runMigrations(url, before);
  db = openDatabase(url, { secrets: testSecrets() });
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Shop', 's')`;
  await db.sql`insert into journeys (id, workspace_id, name, draft, status) values ('j1', ${WS}, 'Upgraded', '{}', 'live')`;
  await db.sql`insert into journey_versions (id, journey_id, workspace_id, version, graph, plan) values ('v1', 'j1', ${WS}, 1, '{}', '{}')`;
  // What 0020, 0022 and the engine counted before: not to be counted again.
  await db.sql`insert into journey_node_counts (version_id, node_id, metric, n)
    values ('v1', 'mail', 'entered', 9), ('v1', 'points', 'points', 30)`;
  const outbox = (key: string, node: string | null, status: string, lastError: string | null = null) => db.sql`
    insert into email_outbox (workspace_id, effect_key, customer_id, version_id, node_id, to_address, from_address, message_id,
      status, last_error, next_attempt_at, created_at)
    values (${WS}, ${key}, 'ada', ${node ? 'v1' : null}, ${node}, 'ada@example.com', 'shop@example.com', ${`<${key}@afterglow>`},
      ${status}, ${lastError}, ${at}, ${at})
    returning id`;
  const [[e1], [e2], [e3], [e4]] = await Promise.all([
    outbox('e1', 'mail', 'sent'), outbox('e2', 'mail', 'sent'), outbox('e3', 'mail', 'sent'), outbox('e4', 'mail', 'failed'),
    outbox('e5', 'mail', 'suppressed', 'unsubscribed'), outbox('e6', 'mail', 'suppressed', 'customer erased'),
    outbox('e7', 'mail', 'pending'), outbox('e8', 'mail', 'pending'), outbox('e9', null, 'sent'), outbox('e10', 'mail2', 'sent'),
  ]);
  const event = (outboxId: string, type: string, bot = false) => db.sql`
    insert into email_events (workspace_id, outbox_id, customer_id, version_id, node_id, type, bot, at)
    values (${WS}, ${outboxId}, 'ada', 'v1', 'mail', ${type}, ${bot}, ${at})`;
  await Promise.all([
    event(e1.id, 'open'), event(e1.id, 'open'), event(e1.id, 'click'), event(e1.id, 'unsubscribe'),
    event(e2.id, 'open', true), event(e2.id, 'complaint'),
    event(e3.id, 'open', true), event(e3.id, 'open'), event(e3.id, 'click', true),
    event(e4.id, 'bounce'),
  ]);
  await db.sql`insert into coupons (workspace_id, code, customer_id, version_id, node_id, kind, value, created_at, redeemed_at)
    select ${WS}, 'C' || g, 'ada', 'v1', 'coupon', 'percent', 10, ${at}, case when g = 1 then ${at}::timestamptz end
    from generate_series(1, 3) g`;
  await db.sql`insert into webhook_outbox (workspace_id, effect_key, customer_id, version_id, node_id, url, method, body, status,
      next_attempt_at, created_at)
    select ${WS}, 'w' || g, 'ada', 'v1', 'hook', 'https://hooks.example.com/', 'POST', '{}',
      (array['delivered', 'delivered', 'failed', 'pending', 'cancelled'])[g], ${at}, ${at}
    from generate_series(1, 5) g`;
  await runMigrations(db.url);
});

afterAll(async () => {
  await db?.close();
  if (before) rmSync(before, { recursive: true, force: true });
});

it('counts the effects already recorded, once, beside what was counted before', async () => {
  const rows = await db.sql<{ node: string; metric: string; n: number }[]>`
    select node_id as node, metric, n::int from journey_node_counts where version_id = 'v1' order by 1, 2`;
  expect(rows.map((r) => `${r.node} ${r.metric} ${r.n}`)).toEqual([
    'coupon issued 3', 'coupon redeemed 1',
    'hook delivered 2', 'hook undelivered 1',
    // hard_bounces: migration 0058 counts the bounce apart as hard (it was no soft one).
    'mail bounces 1', 'mail clicks 1', 'mail complaints 1', 'mail emails 3', 'mail entered 9', 'mail hard_bounces 1', 'mail machine_clicks 1',
    'mail machine_opens 1', 'mail opens 2', 'mail suppressed 1', 'mail undelivered 1', 'mail unsubscribes 1',
    'mail2 emails 1',
    'points points 30',
  ]);
});

it('shows on the canvas what the per-counter queries showed (with the emails suppressed at send time)', async () => {
  const stats = await createEngine({ database: db, registry: createRegistry() }).stats('v1');
  expect(stats.nodes.mail.entered).toBe(9);
  expect(stats.nodes.mail.counters).toEqual({
    emails: 3, queued: 2, undelivered: 1, suppressed: 1, opens: 2, clicks: 1, bounces: 1, hard_bounces: 1, unsubscribes: 1, complaints: 1,
  });
  expect(stats.nodes.coupon.counters).toEqual({ issued: 3, redeemed: 1 });
  expect(stats.nodes.hook.counters).toEqual({ delivered: 2, undelivered: 1 });
  expect(stats.nodes.points.counters).toEqual({ points: 30 });
  await db.sql`update workspaces set settings = settings || '{"countMachineOpens": true}' where id = ${WS}`;
  expect((await createEngine({ database: db, registry: createRegistry() }).stats('v1')).nodes.mail.counters)
    .toMatchObject({ opens: 3, clicks: 2 });
});

// A rig for the data-rights tests: the whole server (tRPC, ingestion, the recipients' links,
// bounce reports, the development SMTP sink writing dev_mailbox) on a fresh database with a
// manual clock, one workspace with a signed-in client per role, a webhook receiver, and the
// engine and the outbox dispatcher run on demand through the real SMTP sink.
import { hashIngestKey, type Role } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createMailer, dispatchDueEmails } from '@afterglow/email';
import { ManualClock } from '@afterglow/engine';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startAfterglow } from '../../apps/server/src/app';
import { seedUser, signIn, type ApiClient } from './api-client';
import { createTestDatabase } from './db';

export const WS = 'ws_rights';
export const SIGNING_SECRET = 'rights-signing-secret';
const KEY = 'ag_test_rights_key';
const ROLES: Role[] = ['owner', 'admin', 'marketer', 'manager', 'viewer'];

/** An HTTP receiver on 127.0.0.1 for Call webhook steps, keeping every body it is sent. */
async function startReceiver() {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { bodies.push(body); res.writeHead(200).end('ok'); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, bodies,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export async function startRightsRig() {
  const database: Database = await createTestDatabase();
  const sql = database.sql;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ag-rights-'));
  const app = await startAfterglow({
    databaseUrl: database.url, dataDir, role: 'web', port: 0, smtpDevPort: 0, seed: false, clock,
    webDistDir: path.join(dataDir, 'no-dist'), webhookAllowPrivate: true, log: () => {},
  });
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${app.smtpDevPort}` });
  const receiver = await startReceiver();
  await sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Rights shop', ${SIGNING_SECRET})`;
  await sql`insert into ingest_keys (id, workspace_id, prefix, key_hash) values ('key_rights', ${WS}, 'ag_test', ${hashIngestKey(KEY)})`;
  const clients = new Map<Role, ApiClient>();
  for (const role of ROLES) {
    await seedUser(database, { id: `u_${role}`, workspaceId: WS, email: `${role}@rights.test`, password: `pw-${role}-rights`, role });
  }
  /** Signs every role in; again after the clock has moved past the sessions' 12-hour idle timeout. */
  const signInAll = async () => {
    for (const role of ROLES) clients.set(role, await signIn(app.url, `${role}@rights.test`, `pw-${role}-rights`));
  };
  await signInAll();

  /** POSTs JSON to the server with the workspace's ingestion key (Segment API, bounce reports). */
  const post = async (pathName: string, body: unknown) => {
    const res = await fetch(`${app.url}${pathName}`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` },
    });
    return { status: res.status, json: await res.json() as Record<string, unknown> };
  };

  return {
    app, database, sql, clock, receiver, post, signInAll,
    as: (role: Role) => clients.get(role)!,
    /** Steps the engine (and its webhook calls) and delivers every due email through SMTP, until nothing is left to do. */
    async settle() {
      for (;;) {
        await app.engine.advanceUntilIdle();
        const sent = await dispatchDueEmails({ sql, secrets: app.database.secrets, mailer, now: clock.now(), publicUrl: () => app.url });
        if (sent.sent + sent.retried + sent.failed + sent.suppressed === 0) return;
      }
    },
    async close() {
      mailer.close();
      await receiver.close();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type RightsRig = Awaited<ReturnType<typeof startRightsRig>>;

/**
 * Every base table whose rows, as text (every column: text, jsonb, arrays), contain any of the
 * strings, case-insensitively: where personal data still lies, by table.
 */
export async function tablesHolding(sql: Database['sql'], needles: string[]): Promise<string[]> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
  const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, '\\$&')}%`);
  const hits = await Promise.all(tables.map(async ({ name }) => {
    const [row] = await sql`select 1 from ${sql(name)} t where t::text ilike any(${patterns}::text[]) limit 1`;
    return row ? name : null;
  }));
  return hits.filter((t): t is string => t !== null);
}

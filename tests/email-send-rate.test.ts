// The per-workspace send rate (Settings → emails per minute), enforced by the real outbox
// dispatcher through Postgres, delivering to a real SMTP server, with an injected clock.
// Rows over the limit stay pending, in order, for the next window; dispatchers on separate
// connections (as separate worker processes are) never send more than the limit together.
import { openDatabase, type Database } from '@afterglow/db';
import { createMailer, DEFAULT_EMAILS_PER_MINUTE, dispatchDueEmails, type Mailer } from '@afterglow/email';
import { workspaceSettingsSchema } from '@afterglow/journey-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { startTestSmtpSink, type TestSmtpSink } from './support/smtp-sink';

const t0 = new Date('2026-03-02T09:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

let database: Database;
let sink: TestSmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startTestSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url });
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'A', 's'), ('ws_b', 'B', 's')`;
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await database?.close();
});
beforeEach(async () => {
  await database.sql`truncate email_outbox`;
  await database.sql`update workspaces set settings = '{}'`;
  sink.messages.length = 0;
});

const setRate = (ws: string, emailsPerMinute: number) =>
  database.sql`update workspaces set settings = settings || ${database.sql.json({ emailsPerMinute })} where id = ${ws}`;

/** Queues ready-made emails due one millisecond apart (so their order is defined); their Message-IDs in order. */
async function queue(ws: string, count: number, from = 0): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    workspace_id: ws, effect_key: `${ws}:${from + i}`, customer_id: `c${from + i}`, kind: 'transactional',
    to_address: `c${from + i}@example.com`, from_address: 'shop@example.com', subject: `#${from + i}`,
    html: '<p>Hi</p>', text: 'Hi', message_id: `<${ws}.${from + i}@afterglow.test>`, status: 'pending',
    next_attempt_at: new Date(t0.getTime() - 60_000 + from + i), created_at: t0,
  }));
  await database.sql`insert into email_outbox ${database.sql(rows)}`;
  return rows.map((r) => r.message_id);
}

/** Dispatches until nothing more goes out at this moment; emails sent. */
async function drain(db: Database, now: Date, batchSize = 4): Promise<number> {
  let sent = 0;
  for (;;) {
    const r = await dispatchDueEmails({ sql: db.sql, secrets: db.secrets, mailer, now, batchSize });
    if (r.sent + r.retried + r.failed + r.suppressed === 0) return sent;
    sent += r.sent;
  }
}
const received = () => sink.messages.map((m) => m.messageId);

describe('emails per minute', () => {
  it('sends 10, then 10 a minute later, then the last 5; nothing dropped, in order', async () => {
    await setRate('ws_a', 10);
    const ids = await queue('ws_a', 25);
    expect(await drain(database, t0)).toBe(10);
    expect(new Set(received())).toEqual(new Set(ids.slice(0, 10)));
    expect(await drain(database, at(30))).toBe(0);
    expect(await drain(database, at(59.999))).toBe(0);
    expect(await drain(database, at(60))).toBe(10);
    expect(new Set(received().slice(10))).toEqual(new Set(ids.slice(10, 20)));
    expect(await drain(database, at(120))).toBe(5);
    expect(new Set(received())).toEqual(new Set(ids));
    const [left] = await database.sql`select count(*)::int as n from email_outbox where status <> 'sent'`;
    expect(left.n).toBe(0);
  });

  it('limits any 60 seconds, not calendar minutes', async () => {
    await setRate('ws_a', 10);
    await queue('ws_a', 6);
    expect(await drain(database, t0)).toBe(6);
    await queue('ws_a', 20, 6);
    expect(await drain(database, at(30))).toBe(4);
    // At 61 s the first 6 have left the window; the 4 sent at 30 s still count.
    expect(await drain(database, at(61))).toBe(6);
    expect(await drain(database, at(91))).toBe(4);
  });

  it('two dispatchers on separate connections racing never exceed the limit together', async () => {
    await setRate('ws_a', 10);
    await queue('ws_a', 40);
    const other = openDatabase(database.url, { max: 2, secrets: database.secrets });
    try {
      for (const [second, expected] of [[0, 10], [60, 10], [61, 0], [120, 10]] as const) {
        const [a, b] = await Promise.all([drain(database, at(second), 3), drain(other, at(second), 3)]);
        expect(a + b).toBe(expected);
      }
    } finally {
      await other.close();
    }
    const [counts] = await database.sql`select count(*)::int as sent, count(distinct message_id)::int as ids from email_outbox where status = 'sent'`;
    expect(counts).toEqual({ sent: 30, ids: 30 });
    expect(sink.messages).toHaveLength(30);
  });

  it('0 means no limit', async () => {
    await setRate('ws_a', 0);
    await queue('ws_a', 25);
    expect(await drain(database, t0, 100)).toBe(25);
  });

  it('a workspace at its limit does not hold up another, which gets the default rate', async () => {
    await setRate('ws_a', 3);
    await queue('ws_a', 20);
    const b = await queue('ws_b', 5);
    expect(await drain(database, t0)).toBe(8);
    expect(received().filter((id) => id?.startsWith('<ws_b.')).sort()).toEqual([...b].sort());
  });

  it('the schema and the dispatcher agree on the default', () => {
    expect(workspaceSettingsSchema.parse({}).emailsPerMinute).toBe(DEFAULT_EMAILS_PER_MINUTE);
  });
});

// Delivery of @afterglow/email: the outbox dispatcher, the SMTP mailer and the development
// sink, against a real Postgres and real in-process SMTP servers.
import type { Database } from '@afterglow/db';
import { createMailer, dispatchDueEmails, MailError, retryDelayMs, startDevSmtpSink, type Mailer } from '@afterglow/email';
import { simpleParser } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

const now = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

let database: Database;
let sink: { port: number; close(): Promise<void> };
let sinkMailer: Mailer;

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startDevSmtpSink({ sql: database.sql, port: 0 });
  sinkMailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
});
afterAll(async () => {
  sinkMailer?.close();
  await sink?.close();
  await database?.close();
});
beforeEach(async () => {
  await database.sql`truncate email_outbox, dev_mailbox, email_suppressions, email_events`;
});

/** Queues `count` due emails; returns their Message-IDs in order. */
async function queueEmails(count: number, overrides: { attempts?: number; subject?: string } = {}): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    workspace_id: 'ws_test', effect_key: `${randomUUID()}:node_email`, customer_id: `cust_${i}`,
    to_address: `customer${i}@example.com`, from_address: 'shop@example.com',
    subject: overrides.subject ?? `Thanks #${i}`, html: `<p>Hello customer ${i}</p>`, text: `Hello customer ${i}`,
    message_id: `<${randomUUID()}@afterglow.test>`, status: 'pending', attempts: overrides.attempts ?? 0,
    next_attempt_at: now, created_at: now,
  }));
  await database.sql`insert into email_outbox ${database.sql(rows)}`;
  return rows.map((r) => r.message_id);
}

async function outboxRow(messageId: string) {
  const [row] = await database.sql`select * from email_outbox where message_id = ${messageId}`;
  return row;
}

/** An SMTP server that answers DATA with `reply` for the first `failures` messages, recording each Message-ID. */
async function scriptedServer(reply: { code: number; text: string }, failures = Infinity) {
  const seen: string[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        seen.push(mail.messageId ?? '');
        if (seen.length <= failures) callback(Object.assign(new Error(reply.text), { responseCode: reply.code }));
        else callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}` });
  return {
    seen, mailer,
    close: async () => { mailer.close(); await new Promise<void>((resolve) => server.close(() => resolve())); },
  };
}

describe('dispatchDueEmails into the development sink', () => {
  it('delivers a due row, keeps its Message-ID and marks it sent', async () => {
    const [messageId] = await queueEmails(1, { subject: 'Thanks, Ada & co' });
    expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: sinkMailer, now })).toEqual({ sent: 1, retried: 0, failed: 0, suppressed: 0 });

    const [received] = await database.sql`select * from dev_mailbox`;
    expect(received.message_id).toBe(messageId);
    expect(received.subject).toBe('Thanks, Ada & co');
    expect(received.from_address).toBe('shop@example.com');
    expect(received.to_addresses).toEqual(['customer0@example.com']);
    expect(received.html).toContain('<p>Hello customer 0</p>');
    expect(received.text).toContain('Hello customer 0');
    expect(received.headers['message-id']).toBe(messageId);
    expect(received.raw).toContain(`Message-ID: ${messageId}`);

    const row = await outboxRow(messageId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row.sent_at).toEqual(now);
    // Sent rows are never sent again.
    expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: sinkMailer, now: minutes(60) })).toEqual({ sent: 0, retried: 0, failed: 0, suppressed: 0 });
  });

  it('leaves rows that are not yet due', async () => {
    const [messageId] = await queueEmails(1);
    await database.sql`update email_outbox set next_attempt_at = ${minutes(5)}`;
    expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: sinkMailer, now })).toEqual({ sent: 0, retried: 0, failed: 0, suppressed: 0 });
    expect((await outboxRow(messageId)).status).toBe('pending');
    expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: sinkMailer, now: minutes(5) })).toEqual({ sent: 1, retried: 0, failed: 0, suppressed: 0 });
  });

  it('two dispatchers racing over 200 rows send each exactly once', async () => {
    const ids = await queueEmails(200);
    const second = createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
    const drain = async (mailer: Mailer) => {
      let sent = 0;
      for (;;) {
        const result = await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer, now, batchSize: 20 });
        if (result.sent + result.retried + result.failed === 0) return sent;
        sent += result.sent;
      }
    };
    try {
      const [a, b] = await Promise.all([drain(sinkMailer), drain(second)]);
      expect(a + b).toBe(200);
    } finally {
      second.close();
    }
    const received = await database.sql`select message_id from dev_mailbox`;
    expect(received).toHaveLength(200);
    expect(new Set(received.map((r) => r.message_id))).toEqual(new Set(ids));
    const [counts] = await database.sql`
      select count(*)::int as sent, max(attempts) as max_attempts from email_outbox where status = 'sent'`;
    expect(counts).toEqual({ sent: 200, max_attempts: 1 });
  });
});

describe('dispatchDueEmails with a failing server', () => {
  it('retries a 451 later with the same Message-ID', async () => {
    const server = await scriptedServer({ code: 451, text: 'Try again later' }, 1);
    try {
      const [messageId] = await queueEmails(1);
      expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: server.mailer, now })).toEqual({ sent: 0, retried: 1, failed: 0, suppressed: 0 });
      const retrying = await outboxRow(messageId);
      expect(retrying).toMatchObject({ status: 'pending', attempts: 1 });
      expect(retrying.last_error).toMatch(/451/);
      expect(retrying.next_attempt_at.getTime()).toBeGreaterThan(now.getTime());
      expect(retrying.next_attempt_at.getTime()).toBeLessThanOrEqual(minutes(1).getTime());

      // Not due again yet: nothing is sent at the same instant.
      expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: server.mailer, now })).toEqual({ sent: 0, retried: 0, failed: 0, suppressed: 0 });
      expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: server.mailer, now: minutes(1) })).toEqual({ sent: 1, retried: 0, failed: 0, suppressed: 0 });
      expect(server.seen).toEqual([messageId, messageId]);
      expect(await outboxRow(messageId)).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await server.close();
    }
  });

  it('fails a 550 at once', async () => {
    const server = await scriptedServer({ code: 550, text: 'No such user' });
    try {
      const [messageId] = await queueEmails(1);
      expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: server.mailer, now })).toEqual({ sent: 0, retried: 0, failed: 1, suppressed: 0 });
      const row = await outboxRow(messageId);
      expect(row).toMatchObject({ status: 'failed', attempts: 1, sent_at: null });
      expect(row.last_error).toMatch(/550/);
      expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: server.mailer, now: minutes(600) })).toEqual({ sent: 0, retried: 0, failed: 0, suppressed: 0 });
      expect(server.seen).toEqual([messageId]);
    } finally {
      await server.close();
    }
  });

  it('gives up on a transient failure after the eighth attempt', async () => {
    const server = await scriptedServer({ code: 421, text: 'Busy' });
    try {
      const [sixth] = await queueEmails(1, { attempts: 6 });
      const [seventh] = await queueEmails(1, { attempts: 7 });
      expect(await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer: server.mailer, now })).toEqual({ sent: 0, retried: 1, failed: 1, suppressed: 0 });
      expect(await outboxRow(sixth)).toMatchObject({ status: 'pending', attempts: 7 });
      expect(await outboxRow(seventh)).toMatchObject({ status: 'failed', attempts: 8 });
    } finally {
      await server.close();
    }
  });
});

describe('createMailer', () => {
  it('delivers with credentials and custom headers, and refuses a header that would inject another', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://user%40shop:p%3Ass@127.0.0.1:${sink.port}` });
    const base = { from: 'a@example.com', to: 'b@example.com', subject: 's', html: '<p>x</p>', text: 'x', messageId: 'auth-1@afterglow.test' };
    try {
      await mailer.send({ ...base, headers: { 'List-Unsubscribe': '<https://shop.test/u/1>' } });
      const [received] = await database.sql`select * from dev_mailbox`;
      expect(received.message_id).toBe('<auth-1@afterglow.test>');
      expect(received.headers['list-unsubscribe']).toBe('<https://shop.test/u/1>');
      await expect(mailer.send({ ...base, headers: { 'X-Tag': 'a\r\nBcc: victim@example.com' } }))
        .rejects.toMatchObject({ name: 'MailError', permanent: true });
    } finally {
      mailer.close();
    }
  });

  it('encodes each part in the shorter encoding: Latin text and markup quoted-printable, other scripts base64', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
    const line = (word: string) => Array.from({ length: 40 }, () => word).join(' ');
    const markup = (word: string) => `<table><tr><td style="font-family:Arial,sans-serif;font-size:15px;line-height:22px;color:#27272a">${word}</td></tr></table>`.repeat(20);
    const emails = {
      latin: { subject: 'Hello', html: `<p>${line('Hello')}</p>`, text: line('Hello') },
      cyrillic: { subject: 'Привет', html: `<p>${line('Привет')}</p>`, text: line('Привет') },
      // Each part decides for itself: the HTML is mostly markup, the text all Cyrillic.
      mixed: { subject: 'Привет · Hello', html: markup('Привет'), text: line('Привет') },
    };
    try {
      for (const [id, mail] of Object.entries(emails)) {
        await mailer.send({ from: 'a@example.com', to: 'b@example.com', messageId: `${id}@afterglow.test`, ...mail });
      }
      const rows = await database.sql<{ message_id: string; raw: string; subject: string; text: string }[]>`select * from dev_mailbox`;
      const received = (id: keyof typeof emails) => rows.find((r) => r.message_id === `<${id}@afterglow.test>`)!;
      const encodings = (id: keyof typeof emails) => received(id).raw.match(/Content-Transfer-Encoding: \S+/g)!.map((h) => h.split(': ')[1]);
      expect(encodings('latin')).toEqual(['quoted-printable', 'quoted-printable']);
      expect(encodings('cyrillic')).toEqual(['base64', 'base64']);
      expect(encodings('mixed')).toEqual(['base64', 'quoted-printable']);
      for (const id of ['cyrillic', 'mixed'] as const) {
        expect(received(id).subject).toBe(emails[id].subject);
        expect(received(id).text.trim()).toBe(emails[id].text);
      }
    } finally {
      mailer.close();
    }
  });

  it('reports an unreachable server as a transient MailError', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}` });
    try {
      const error = await mailer.send({ from: 'a@example.com', to: 'b@example.com', subject: 's', html: '<p>x</p>', text: 'x', messageId: 'x@afterglow.test' })
        .then(() => null, (err: unknown) => err);
      expect(error).toBeInstanceOf(MailError);
      expect(error).toMatchObject({ permanent: false });
    } finally {
      mailer.close();
    }
  });

  it('rejects a URL that is not SMTP', () => {
    expect(() => createMailer({ smtpUrl: 'http://example.com' })).toThrow(/smtpUrl/);
  });
});

describe('retryDelayMs', () => {
  it('grows exponentially with jitter and a cap', () => {
    expect(retryDelayMs(1, () => 1)).toBe(60_000);
    expect(retryDelayMs(1, () => 0)).toBe(30_000);
    expect(retryDelayMs(3, () => 1)).toBe(240_000);
    expect(retryDelayMs(30, () => 1)).toBe(6 * 3_600_000);
  });
});

// Delivery figure for `pnpm bench`: emails queued by journey steps, then rendered, signed and
// handed to an SMTP server (in-process, discarding) by the dispatcher, per second. Steps only
// queue emails; this is the other half of the work, measured on its own.
import type { Database } from '@afterglow/db';
import { createMailer, dispatchDueEmails } from '@afterglow/email';
import { createEngine } from '@afterglow/engine';
import type { NodeRegistry } from '@afterglow/node-sdk';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Leaves `count` runs due, steps them (queueing one email each), then times their delivery. */
export async function dispatchPerSecond(db: Database, registry: NodeRegistry, count: number): Promise<number> {
  await db.sql`update journey_runs set status = 'waiting', due_at = now() + interval '30 days'
    where status = 'active' and id not in (select id from journey_runs where status = 'active' order by due_at limit ${count})`;
  await createEngine({ database: db, registry, segmentFullCheckEveryMs: 86400e3 }).advanceUntilIdle();
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, callback) { stream.on('data', () => {}).on('end', () => callback()); },
  });
  // Replies go out at once: with Nagle's algorithm a multi-part reply waits for the client's
  // delayed ACK (40 ms), which would measure the kernel's timers instead of the dispatcher.
  server.server.on('connection', (socket: import('node:net').Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}` });
  try {
    const started = performance.now();
    let sent = 0;
    for (;;) {
      const batch = await dispatchDueEmails({ sql: db.sql, secrets: db.secrets, mailer, now: new Date(), batchSize: 100 });
      sent += batch.sent;
      if (batch.sent + batch.retried + batch.failed + batch.suppressed === 0) break;
    }
    if (sent < count) {
      const statuses = await db.sql`select status, count(*)::int as n, min(last_error) as error from email_outbox group by 1`;
      throw new Error(`only ${sent} of ${count} queued emails were delivered: ${JSON.stringify(statuses)}`);
    }
    return sent / ((performance.now() - started) / 1000);
  } finally {
    mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

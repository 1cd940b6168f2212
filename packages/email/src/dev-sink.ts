// The development SMTP sink: an in-process SMTP server that accepts every message and
// stores it in dev_mailbox, where the Outbox page shows it. Nothing leaves the machine.
import { buffer } from 'node:stream/consumers';
import type { Sql } from '@afterglow/db';
import { simpleParser, type HeaderLines } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Headers as one flat record: lower-case name → value (repeated headers joined by newlines). */
export function flattenHeaders(lines: HeaderLines): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    const colon = line.indexOf(':');
    const value = (colon >= 0 ? line.slice(colon + 1) : line).replace(/\r?\n[ \t]+/g, ' ').trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  return headers;
}

async function store(sql: Sql, raw: Buffer, envelope: { from: string; to: string[] }): Promise<void> {
  const parsed = await simpleParser(raw);
  const headerFrom = parsed.from?.value[0]?.address;
  await sql`
    insert into dev_mailbox (message_id, from_address, to_addresses, subject, html, text, headers, raw)
    values (
      ${parsed.messageId ?? null}, ${envelope.from || headerFrom || ''}, ${sql.json(envelope.to)},
      ${parsed.subject ?? ''}, ${parsed.html || null}, ${parsed.text ?? null},
      ${sql.json(flattenHeaders(parsed.headerLines))}, ${raw.toString('utf8')}
    )`;
}

export async function startDevSmtpSink(opts: {
  sql: Sql; port: number; host?: string;
}): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    // SMTP_URL may carry credentials even when it points at the sink: accept any login,
    // in clear, since the sink listens on loopback and only ever stores what it receives.
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'dev' }),
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Afterglow development SMTP sink',
    onData(stream, session, callback) {
      buffer(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }));
            return;
          }
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          await store(opts.sql, raw, envelope);
          callback();
        })
        .catch((err: Error) => {
          // Temporary: the sender keeps the message and tries again later.
          callback(Object.assign(new Error(`Could not store the message: ${err.message}`), { responseCode: 451 }));
        });
    },
  });
  server.on('error', () => {}); // per-connection errors (a client hanging up) are not fatal
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

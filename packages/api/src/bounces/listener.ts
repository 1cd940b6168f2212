// The inbound bounce mailbox: an SMTP server Afterglow runs itself for the workspaces'
// return-path domains (settings.bounces.returnPathDomain), so a shop sending through a plain
// relay needs no script piping a mailbox to the webhook. Off unless BOUNCE_SMTP_PORT is set;
// the domain's MX points at it. It accepts only recipients of a configured return-path domain,
// refuses mail over MAX_REPORT_BYTES, and reads each message as the webhook reads a
// message/rfc822 body (mail-report.ts), tied to its email as match.ts says. Replies: 250 when
// recorded, ignored (a delay, an auto-reply) or tied to no email (nothing changes); 550 for a
// mail that is no report (the sender, a mail server, gives up); 451 when the database failed
// (it tries again later).
import { buffer } from 'node:stream/consumers';
import type { Database } from '@afterglow/db';
import { ReportError, type VerpClaim } from '@afterglow/email';
import type { Logger } from '@afterglow/node-sdk';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { HttpError } from '../ingest/http-io';
import { readMailReport, unmatchedReport, type MailReport } from './mail-report';
import { recordDeliveryReport, type RecordResult } from './record';
import { MAX_REPORT_BYTES } from './schema';

export interface BounceListenerOptions {
  database: Database;
  clock: { now(): Date };
  /** BOUNCE_SMTP_PORT; 0 picks a free one. */
  port: number;
  /** Default: every interface (the MX of the return-path domain points here). */
  host?: string;
  log?: Logger;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });
const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase().replace(/\.+$/, '');

/** The workspaces whose return-path domain this is. */
async function workspacesOfDomain(database: Database, domain: string): Promise<string[]> {
  const rows = await database.sql<{ id: string }[]>`
    select id from workspaces where lower(settings->'bounces'->>'returnPathDomain') = ${domain} order by id`;
  return rows.map((r) => r.id);
}

/** The workspaces the report may belong to: those of the emails its VERP addresses name, then those of the recipients' domains. */
async function candidateWorkspaces(database: Database, verp: VerpClaim[], domains: string[]): Promise<{ id: string; byDomain: boolean }[]> {
  const ids = verp.map((c) => c.outboxId);
  const named = ids.length === 0 ? [] : await database.sql<{ workspace_id: string }[]>`
    select distinct workspace_id from email_outbox where id = any(${ids}::uuid[])`;
  const byDomain = (await Promise.all([...new Set(domains)].map((d) => workspacesOfDomain(database, d)))).flat();
  const seen = new Set<string>();
  return [...named.map((r) => ({ id: r.workspace_id, byDomain: false })), ...byDomain.map((id) => ({ id, byDomain: true }))]
    .filter((w) => !seen.has(w.id) && seen.add(w.id));
}

async function record(opts: BounceListenerOptions, report: Extract<MailReport, { type: 'bounce' | 'complaint' }>, recipients: string[]): Promise<RecordResult> {
  const candidates = await candidateWorkspaces(opts.database, report.verp ?? [], recipients.map(domainOf));
  // A domain several workspaces share ties a report by its recipient alone to none of them.
  const shared = candidates.filter((c) => c.byDomain).length > 1;
  for (const ws of candidates) {
    const clues = ws.byDomain && shared ? { ...report, address: null } : report;
    const result = await recordDeliveryReport(opts.database, ws.id, clues, opts.clock.now(), 'listener');
    if (result.found) return result;
  }
  return { found: false };
}

async function receive(opts: BounceListenerOptions, raw: Buffer, recipients: string[]): Promise<string> {
  let report: MailReport;
  try {
    report = await readMailReport(raw, recipients);
  } catch (err) {
    if (err instanceof ReportError) throw smtpError(550, `5.6.0 Unreadable report: ${err.field}: ${err.message}`.replace(/[^\x20-\x7e]+/g, ' '));
    if (err instanceof HttpError) throw smtpError(550, `5.6.0 ${err.message}: ${err.issues.map((i) => i.path).join(', ')}`);
    throw err;
  }
  if (report.type === 'ignored') return `2.6.0 Nothing to do: ${report.detail}`;
  const result = await record(opts, report, recipients);
  if (!result.found) {
    opts.log?.info('bounce not tied to an email', { messageId: report.messageId, recipients });
    return `2.6.0 Nothing recorded: ${unmatchedReport(report)}`;
  }
  opts.log?.info(`${report.type} recorded`, { outboxId: result.outboxId, matchedBy: result.matchedBy, duplicate: result.duplicate });
  return `2.6.0 Recorded ${report.type} (${report.reason}) of email ${result.outboxId}, matched by ${result.matchedBy}`
    + (result.suppressed ? `; ${result.address} suppressed (${result.suppressed})` : '');
}

export async function startBounceListener(opts: BounceListenerOptions): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    // Mail servers deliver bounces unauthenticated; STARTTLS is offered (smtp-server's own certificate).
    disabledCommands: ['AUTH'],
    size: MAX_REPORT_BYTES,
    logger: false,
    banner: 'Afterglow bounce mailbox',
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const domain = domainOf(address.address);
      workspacesOfDomain(opts.database, domain).then(
        (ids) => callback(ids.length > 0 ? undefined : smtpError(550, `5.1.1 <${address.address}>: ${domain} is not a return-path domain here`)),
        () => callback(smtpError(451, '4.3.0 Temporary failure, try again later')),
      );
    },
    onData(stream, session, callback) {
      buffer(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 A report is at most ${MAX_REPORT_BYTES} bytes`));
          // One line of printable text: the reply quotes the report's own words.
          const reply = (await receive(opts, raw, session.envelope.rcptTo.map((r) => r.address))).replace(/[^\x20-\x7e]+/g, ' ').slice(0, 500);
          // smtp-server sends a message given with success as the 250 reply's text (its types omit it).
          (callback as (err: null, message: string) => void)(null, reply);
        })
        .catch((err: Error & { responseCode?: number }) => {
          if (err.responseCode) return callback(err);
          opts.log?.error('bounce listener failed', { error: String(err) });
          callback(smtpError(451, '4.3.0 Could not record the report; try again later'));
        });
    },
  });
  server.on('error', () => {}); // per-connection errors (a client hanging up) are not fatal
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

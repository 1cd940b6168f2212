// Delivers due email_outbox rows. A dispatch claims a batch on its own session (the rows carry
// its owner key: outbox-ownership.ts), so parallel dispatchers (any number of worker
// processes) never take the same row. Rows a journey step queued are rendered here, at send
// time (outbox-render.ts), inside the claim's transaction, and stored by the UPDATE that claims
// them (outbox-claim.ts, outbox-store.ts): every email is stored before any is sent. The batch goes
// out on SMTP_CONNECTIONS slots, each email's outcome committed as soon as the SMTP server
// has answered (outbox-outcomes.ts); a slot hands the server its next email only once its
// previous outcome is committed. So a dispatcher that dies leaves at most one accepted but
// unmarked email per slot; its claimed rows go back to the queue and those emails are sent
// again, the same email with the same Message-ID. Each workspace's send rate caps what a
// dispatch claims (outbox-claim.ts, send-rate.ts). The batch's emails are counted on their
// steps when the dispatch releases its rows (outbox-release.ts). The pool needs a second
// connection, for hard bounces and the releases, beside the dispatch's own.
import type { SecretBox, Sql } from '@afterglow/db';
import { isHardRefusal } from './compliance/bounces/classify';
import { verpAddress } from './compliance/verp';
import { MailError, SMTP_CONNECTIONS, type Mailer } from './mailer';
import { claimDueRows, type ClaimedRow } from './outbox-claim';
import { closeDispatchSession, openDispatchSession, releaseOrphanedRows } from './outbox-ownership';
import { createOutcomeWriter, type Outcome, type RecordOutcome } from './outbox-outcomes';
import { createOutboxRenderer, RenderFailure, type RenderableRow, type RenderedRow } from './outbox-render';

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/**
 * Delay before the next try after `attempts` failed ones: exponential (1, 2, 4, ... minutes,
 * capped at 6 hours), with jitter so a server outage does not end in a synchronized storm.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}

export interface DispatchResult { sent: number; retried: number; failed: number; suppressed: number }

/**
 * Each slot takes a row, sends it, waits until its outcome is committed, then takes the next.
 * When an outcome cannot be committed (the database connection is gone), no slot takes another
 * row; the error is thrown once every slot has stopped.
 */
async function sendAll(rows: ClaimedRow[], mailer: Mailer, now: Date, record: RecordOutcome, secrets: SecretBox): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const failures: unknown[] = [];
  let next = 0;
  const slot = async () => {
    while (failures.length === 0 && next < rows.length) {
      const row = rows[next++];
      try {
        const outcome = await sendOne(row, mailer, now, returnPathOf(row, secrets));
        await record(row, outcome);
        outcomes.push(outcome);
      } catch (err) {
        failures.push(err);
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SMTP_CONNECTIONS, rows.length) }, slot));
  if (failures.length) throw failures[0];
  return outcomes;
}

/** The row's VERP envelope sender when its workspace has a return-path domain; else none (bounces go to From). */
function returnPathOf(row: ClaimedRow, secrets: SecretBox): string | undefined {
  if (!row.return_path_domain || !row.secret) return undefined;
  return verpAddress(secrets.open(row.secret), row.id, row.return_path_domain);
}

async function sendOne(row: ClaimedRow, mailer: Mailer, now: Date, returnPath: string | undefined): Promise<Outcome> {
  if (row.block) return { status: 'suppressed', error: row.block, nextAttemptAt: null };
  if (row.renderError) return { status: 'failed', error: row.renderError, nextAttemptAt: null };
  const mail = row.rendered ?? { subject: row.subject ?? '', html: row.html ?? '', text: row.text ?? '', headers: row.headers };
  try {
    await mailer.send({
      from: row.from_address, to: row.to_address, subject: mail.subject,
      html: mail.html, text: mail.text, messageId: row.message_id, headers: { ...row.headers, ...mail.headers }, returnPath,
    });
    return { status: 'sent', error: null, nextAttemptAt: null };
  } catch (err) {
    const mailError = err instanceof MailError ? err : new MailError(String((err as Error)?.message ?? err), false);
    const attempts = row.attempts + 1;
    const error = (mailError.code ? `${mailError.code} ` : '') + mailError.message.slice(0, 1_000);
    // A 5xx suppresses the address only when its words do not name a soft cause: a "552 mailbox
    // full" or a "554 blocked" leaves the customer reachable later.
    const hardBounce = mailError.permanent && mailError.code !== undefined && mailError.code >= 500 && mailError.code < 600
      && isHardRefusal({ replyCode: String(mailError.code), status: /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(mailError.message)?.[0] ?? null, diagnostic: mailError.message });
    if (mailError.permanent || attempts >= MAX_ATTEMPTS) return { status: 'failed', error, nextAttemptAt: null, hardBounce };
    const retryAt = new Date(now.getTime() + retryDelayMs(attempts));
    return { status: 'pending', error, nextAttemptAt: retryAt.toISOString() };
  }
}

/** Renders the rows a journey step queued; a row that cannot be rendered fails with the reason. */
async function renderQueued(rows: ClaimedRow[], render: (row: RenderableRow) => Promise<RenderedRow>): Promise<void> {
  await Promise.all(rows.filter((r) => r.html === null && !r.block).map(async (row) => {
    if (!row.request) {
      row.renderError = 'Nothing to send: the row has neither HTML nor stored content';
      return;
    }
    try {
      row.rendered = await render(row);
    } catch (err) {
      if (!(err instanceof RenderFailure)) throw err;
      row.renderError = err.message.slice(0, 1_000);
    }
  }));
}

export async function dispatchDueEmails(opts: {
  sql: Sql; mailer: Mailer; now: Date; batchSize?: number;
  /** Opens the workspaces' link-signing secrets. */
  secrets: SecretBox;
  /** Base of unsubscribe and tracking links (AFTERGLOW_PUBLIC_URL). */
  publicUrl?: () => string;
  /** Give dead dispatchers' rows back to the queue first (default); a drain does it once, before its first batch. */
  releaseOrphans?: boolean;
}): Promise<DispatchResult> {
  const { mailer, now } = opts;
  const batchSize = opts.batchSize ?? 100;
  const session = await openDispatchSession(opts.sql);
  try {
    if (opts.releaseOrphans !== false) await releaseOrphanedRows(opts.sql);
    const render = createOutboxRenderer(session.sql, { publicUrl: opts.publicUrl ?? (() => 'http://localhost:3000'), secrets: opts.secrets, now });
    const rows = await claimDueRows(session, now, batchSize, (picked) => renderQueued(picked, render));
    if (rows.length === 0) return { sent: 0, retried: 0, failed: 0, suppressed: 0 };
    const outcomes = await sendAll(rows, mailer, now, createOutcomeWriter(opts.sql, session, now), opts.secrets);
    const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
    return { sent: count('sent'), retried: count('pending'), failed: count('failed'), suppressed: count('suppressed') };
  } finally {
    await closeDispatchSession(session);
  }
}

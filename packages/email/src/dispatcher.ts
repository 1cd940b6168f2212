// Delivers due email_outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED inside one
// transaction that stays open while they are sent, so parallel dispatchers (any number of
// worker processes) never take the same row, and a dispatcher that dies mid-batch releases
// its rows as still pending: they are rendered and sent again with the same Message-ID.
// Rows a journey step queued are rendered here, at send time (outbox-render.ts). Each
// workspace's send rate caps what a dispatch claims (outbox-claim.ts, send-rate.ts).
import type { Queryable, SecretBox, Sql } from '@afterglow/db';
import { recordHardBounces, type BouncedRow } from './compliance/suppression';
import { MailError, type Mailer } from './mailer';
import { claimDueRows, type ClaimedRow } from './outbox-claim';
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

interface Outcome {
  id: string; status: 'sent' | 'pending' | 'failed' | 'suppressed'; error: string | null; nextAttemptAt: string | null;
  /** A 5xx refusal: the address goes on the suppression list. */
  hardBounce?: boolean;
}

export interface DispatchResult { sent: number; retried: number; failed: number; suppressed: number }

const SEND_CONCURRENCY = 5;

async function sendAll(rows: ClaimedRow[], mailer: Mailer, now: Date): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      outcomes.push(await sendOne(row, mailer, now));
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, rows.length) }, worker));
  return outcomes;
}

async function sendOne(row: ClaimedRow, mailer: Mailer, now: Date): Promise<Outcome> {
  if (row.block) return { id: row.id, status: 'suppressed', error: row.block, nextAttemptAt: null };
  if (row.renderError) return { id: row.id, status: 'failed', error: row.renderError, nextAttemptAt: null };
  const mail = row.rendered ?? { subject: row.subject ?? '', html: row.html ?? '', text: row.text ?? '', headers: row.headers };
  try {
    await mailer.send({
      from: row.from_address, to: row.to_address, subject: mail.subject,
      html: mail.html, text: mail.text, messageId: row.message_id, headers: { ...row.headers, ...mail.headers },
    });
    return { id: row.id, status: 'sent', error: null, nextAttemptAt: null };
  } catch (err) {
    const mailError = err instanceof MailError ? err : new MailError(String((err as Error)?.message ?? err), false);
    const attempts = row.attempts + 1;
    const error = (mailError.code ? `${mailError.code} ` : '') + mailError.message.slice(0, 1_000);
    const hardBounce = mailError.permanent && mailError.code !== undefined && mailError.code >= 500 && mailError.code < 600;
    if (mailError.permanent || attempts >= MAX_ATTEMPTS) return { id: row.id, status: 'failed', error, nextAttemptAt: null, hardBounce };
    const retryAt = new Date(now.getTime() + retryDelayMs(attempts));
    return { id: row.id, status: 'pending', error, nextAttemptAt: retryAt.toISOString() };
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
}): Promise<DispatchResult> {
  const { sql, mailer, now } = opts;
  const batchSize = opts.batchSize ?? 100;
  return sql.begin(async (tx) => {
    const rows = await claimDueRows(tx, now, batchSize);
    if (rows.length === 0) return { sent: 0, retried: 0, failed: 0, suppressed: 0 };
    await renderQueued(rows, createOutboxRenderer(tx, { publicUrl: opts.publicUrl ?? (() => 'http://localhost:3000'), secrets: opts.secrets }));
    const outcomes = await sendAll(rows, mailer, now);
    await writeOutcomes(tx, rows, outcomes, now);
    const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
    return { sent: count('sent'), retried: count('pending'), failed: count('failed'), suppressed: count('suppressed') };
  });
}

/**
 * One statement writes every result of the batch back, with what was rendered: a retry then
 * sends exactly the same email, and the Outbox page shows what went out.
 */
async function writeOutcomes(tx: Queryable, rows: ClaimedRow[], outcomes: Outcome[], now: Date) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rendered = (o: Outcome) => byId.get(o.id)!.rendered;
  await tx`
    update email_outbox as o set
      status = r.status,
      attempts = o.attempts + case when r.status = 'suppressed' then 0 else 1 end,
      sent_at = case when r.status = 'sent' then ${now}::timestamptz else o.sent_at end,
      next_attempt_at = coalesce(r.next_attempt_at, o.next_attempt_at),
      last_error = r.error,
      subject = coalesce(r.subject, o.subject), html = coalesce(r.html, o.html), text = coalesce(r.text, o.text),
      headers = coalesce(r.headers, o.headers)
    from unnest(
      ${outcomes.map((o) => o.id)}::uuid[],
      ${outcomes.map((o) => o.status)}::text[],
      ${outcomes.map((o) => o.error) as string[]}::text[],
      ${outcomes.map((o) => o.nextAttemptAt) as string[]}::timestamptz[],
      ${outcomes.map((o) => rendered(o)?.subject ?? null) as string[]}::text[],
      ${outcomes.map((o) => rendered(o)?.html ?? null) as string[]}::text[],
      ${outcomes.map((o) => rendered(o)?.text ?? null) as string[]}::text[],
      ${outcomes.map((o) => { const r = rendered(o); return r ? { ...byId.get(o.id)!.headers, ...r.headers } : null; }) as never}::jsonb[]
    ) as r(id, status, error, next_attempt_at, subject, html, text, headers)
    where o.id = r.id`;
  const links = rows.flatMap((row) => (row.rendered?.links ?? []).map((url, idx) => ({ id: row.id, ws: row.workspace_id, idx, url })));
  if (links.length) {
    // A row re-rendered after a crash keeps the links its first delivery may already carry.
    await tx`
      insert into email_links (workspace_id, outbox_id, idx, url)
      select * from unnest(${links.map((l) => l.ws)}::text[], ${links.map((l) => l.id)}::uuid[],
        ${links.map((l) => l.idx)}::int[], ${links.map((l) => l.url)}::text[])
      on conflict do nothing`;
  }
  const bounced: BouncedRow[] = outcomes.filter((o) => o.hardBounce).map((o) => {
    const r = byId.get(o.id)!;
    return { id: r.id, workspace_id: r.workspace_id, customer_id: r.customer_id, to_address: r.to_address,
      version_id: r.version_id, node_id: r.node_id, error: o.error ?? '' };
  });
  await recordHardBounces(tx, bounced, now);
}

// What a dispatch writes back. Everything it rendered, in one statement before any of it is
// sent: the email that goes out, and any resend of it (after a 4xx, or a crash), is exactly
// what the Outbox page shows, and its tracked links resolve from the first click. Then each
// email's outcome (sent; to retry later; failed; suppressed) as soon as it is known, committed
// before the send slot that produced it hands the SMTP server its next email (dispatcher.ts):
// that is what bounds the emails a crash can send twice. Outcomes that arrive while a write is
// under way go together in the next one, one small statement and one commit for however many
// slots finished meanwhile, so no slot waits for more than its own write and the one before.
import { recordHardBounces, type BouncedRow } from './compliance/suppression';
import type { ClaimedRow } from './outbox-claim';
import type { DispatchSession } from './outbox-ownership';

export interface Outcome {
  status: 'sent' | 'pending' | 'failed' | 'suppressed';
  error: string | null;
  nextAttemptAt: string | null;
  /** A 5xx refusal: the address goes on the suppression list. */
  hardBounce?: boolean;
}

interface Entry { row: ClaimedRow; outcome: Outcome; done: () => void; fail: (err: unknown) => void }

/** Resolves once the outcome is committed; rejects when it cannot be (the connection is gone). */
export type RecordOutcome = (row: ClaimedRow, outcome: Outcome) => Promise<void>;

export function createOutcomeWriter(session: DispatchSession, now: Date): RecordOutcome {
  let queued: Entry[] = [];
  let writing = false;

  const drain = async () => {
    writing = true;
    while (queued.length) {
      const batch = queued;
      queued = [];
      await writeOutcomes(session, batch, now).then(
        () => batch.forEach((e) => e.done()),
        (err) => batch.forEach((e) => e.fail(err)),
      );
    }
    writing = false;
  };

  return (row, outcome) => new Promise((done, fail) => {
    queued.push({ row, outcome, done, fail });
    if (!writing) void drain();
  });
}

/** A hard bounce is recorded in the same transaction as its row's outcome. */
async function writeOutcomes(session: DispatchSession, entries: Entry[], now: Date): Promise<void> {
  const { sql } = session;
  const bounced: BouncedRow[] = entries.filter((e) => e.outcome.hardBounce).map(({ row, outcome }) => ({
    id: row.id, workspace_id: row.workspace_id, customer_id: row.customer_id, to_address: row.to_address,
    version_id: row.version_id, node_id: row.node_id, error: outcome.error ?? '',
  }));
  if (bounced.length === 0) return markRows(session, entries, now);
  await sql`begin`;
  try {
    await markRows(session, entries, now);
    await recordHardBounces(sql, bounced, now);
    await sql`commit`;
  } catch (err) {
    await sql`rollback`.catch(() => {});
    throw err;
  }
}

/** Only rows this dispatch still owns, in the session that owns them, are written; any other is an error. */
function ownedBy(session: DispatchSession, expected: number, written: number): void {
  if (written !== expected) {
    throw new Error(`${expected - written} of ${expected} outbox rows are no longer this dispatch's to write`);
  }
}

export async function storeRendered(session: DispatchSession, rows: ClaimedRow[]): Promise<void> {
  const { sql } = session;
  const rendered = rows.flatMap((row) => (row.rendered ? [{ row, mail: row.rendered }] : []));
  if (rendered.length === 0) return;
  const links = rendered.flatMap(({ row, mail }) => mail.links.map((url, idx) => ({ id: row.id, ws: row.workspace_id, idx, url })));
  const [{ n }] = await sql<{ n: number }[]>`
    with stored as (
      update email_outbox as o set subject = r.subject, html = r.html, text = r.text, headers = r.headers
      from unnest(
        ${rendered.map(({ row }) => row.id)}::uuid[],
        ${rendered.map(({ mail }) => mail.subject)}::text[],
        ${rendered.map(({ mail }) => mail.html)}::text[],
        ${rendered.map(({ mail }) => mail.text)}::text[],
        ${rendered.map(({ row, mail }) => ({ ...row.headers, ...mail.headers })) as never}::jsonb[]
      ) as r(id, subject, html, text, headers)
      where o.id = r.id and o.claimed_by = ${session.owner} and pg_backend_pid() = ${session.pid}
      returning o.id
    ), linked as (
      insert into email_links (workspace_id, outbox_id, idx, url)
      select l.ws, l.id, l.idx, l.url
      from unnest(${links.map((l) => l.ws)}::text[], ${links.map((l) => l.id)}::uuid[],
        ${links.map((l) => l.idx)}::int[], ${links.map((l) => l.url)}::text[]) as l(ws, id, idx, url)
      where l.id in (select id from stored)
    )
    select count(*)::int as n from stored`;
  ownedBy(session, rendered.length, n);
}

async function markRows(session: DispatchSession, entries: Entry[], now: Date): Promise<void> {
  const [{ n }] = await session.sql<{ n: number }[]>`
    with marked as (
      update email_outbox as o set
        status = r.status,
        claimed_by = null,
        attempts = o.attempts + case when r.status = 'suppressed' then 0 else 1 end,
        sent_at = case when r.status = 'sent' then ${now}::timestamptz else o.sent_at end,
        next_attempt_at = coalesce(r.next_attempt_at, o.next_attempt_at),
        last_error = r.error
      from unnest(
        ${entries.map((e) => e.row.id)}::uuid[],
        ${entries.map((e) => e.outcome.status)}::text[],
        ${entries.map((e) => e.outcome.error) as string[]}::text[],
        ${entries.map((e) => e.outcome.nextAttemptAt) as string[]}::timestamptz[]
      ) as r(id, status, error, next_attempt_at)
      where o.id = r.id and o.claimed_by = ${session.owner} and pg_backend_pid() = ${session.pid}
      returning o.id
    )
    select count(*)::int as n from marked`;
  ownedBy(session, entries.length, n);
}

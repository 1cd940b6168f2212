// Writes each email's outcome to its outbox row as soon as it is known (sent, with what was
// rendered and its tracked links; to retry later; failed; suppressed) and commits it. A send
// slot hands the SMTP server its next email only once its previous outcome is committed
// (dispatcher.ts): that is what bounds the emails a crash can send twice. Outcomes that arrive
// while a write is under way go together in the next one, one statement and one commit for
// however many slots finished meanwhile, so no slot waits for more than its own write and the
// one before it.
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

/**
 * One statement writes the outcomes back, with what was rendered: a retry then sends exactly
 * the same email, and the Outbox page shows what went out. Only rows this dispatch still owns,
 * in the session that owns them, are written; any other is an error, and the dispatch stops.
 */
async function markRows(session: DispatchSession, entries: Entry[], now: Date): Promise<void> {
  const { sql } = session;
  const rendered = entries.map((e) => e.row.rendered);
  const links = entries.flatMap(({ row }) => (row.rendered?.links ?? []).map((url, idx) => ({ id: row.id, ws: row.workspace_id, idx, url })));
  const [{ n }] = await sql<{ n: number }[]>`
    with marked as (
      update email_outbox as o set
        status = r.status,
        claimed_by = null,
        attempts = o.attempts + case when r.status = 'suppressed' then 0 else 1 end,
        sent_at = case when r.status = 'sent' then ${now}::timestamptz else o.sent_at end,
        next_attempt_at = coalesce(r.next_attempt_at, o.next_attempt_at),
        last_error = r.error,
        subject = coalesce(r.subject, o.subject), html = coalesce(r.html, o.html), text = coalesce(r.text, o.text),
        headers = coalesce(r.headers, o.headers)
      from unnest(
        ${entries.map((e) => e.row.id)}::uuid[],
        ${entries.map((e) => e.outcome.status)}::text[],
        ${entries.map((e) => e.outcome.error) as string[]}::text[],
        ${entries.map((e) => e.outcome.nextAttemptAt) as string[]}::timestamptz[],
        ${rendered.map((r) => r?.subject ?? null) as string[]}::text[],
        ${rendered.map((r) => r?.html ?? null) as string[]}::text[],
        ${rendered.map((r) => r?.text ?? null) as string[]}::text[],
        ${entries.map(({ row }) => (row.rendered ? { ...row.headers, ...row.rendered.headers } : null)) as never}::jsonb[]
      ) as r(id, status, error, next_attempt_at, subject, html, text, headers)
      where o.id = r.id and o.claimed_by = ${session.owner} and pg_backend_pid() = ${session.pid}
      returning o.id
    ), linked as (
      -- A row rendered again after a crash keeps the links its first delivery may already carry.
      insert into email_links (workspace_id, outbox_id, idx, url)
      select l.ws, l.id, l.idx, l.url
      from unnest(${links.map((l) => l.ws)}::text[], ${links.map((l) => l.id)}::uuid[],
        ${links.map((l) => l.idx)}::int[], ${links.map((l) => l.url)}::text[]) as l(ws, id, idx, url)
      where l.id in (select id from marked)
      on conflict do nothing
    )
    select count(*)::int as n from marked`;
  if (n !== entries.length) {
    throw new Error(`${entries.length - n} of ${entries.length} outbox rows are no longer this dispatch's to mark`);
  }
}

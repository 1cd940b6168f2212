// Writes each email's outcome to its outbox row (sent; to retry later; failed; suppressed) as
// soon as it is known, and commits it before the send slot that produced it hands the SMTP
// server its next email (dispatcher.ts): that is what bounds the emails a crash can send
// twice. Outcomes are written in groups on the dispatch's session (a group commit): what the
// slots report while one write is under way goes in the next one, so a dispatch on N slots
// pays at most one statement and one commit per email, and usually one for several. A hard
// bounce also puts the address on the suppression list, in one transaction on a connection of
// the pool. The row stays claimed: the step's counters (sent, undelivered, suppressed) are
// added for the whole batch when the dispatch releases its rows (outbox-release.ts), not by a
// statement per email.
import type { Queryable, Sql } from '@afterglow/db';
import { recordHardBounces } from './compliance/suppression';
import type { ClaimedRow } from './outbox-claim';
import { expectOwned, type DispatchSession } from './outbox-ownership';

export interface Outcome {
  status: 'sent' | 'pending' | 'failed' | 'suppressed';
  error: string | null;
  nextAttemptAt: string | null;
  /** A 5xx refusal: the address goes on the suppression list. */
  hardBounce?: boolean;
}

/** Resolves once the outcome is committed; rejects when it cannot be (the connection is gone). */
export type RecordOutcome = (row: ClaimedRow, outcome: Outcome) => Promise<void>;

interface Waiting { row: ClaimedRow; outcome: Outcome; done: (err?: unknown) => void }

export function createOutcomeWriter(pool: Sql, session: DispatchSession, now: Date): RecordOutcome {
  let waiting: Waiting[] = [];
  let writing = false;
  const writeGroups = async () => {
    writing = true;
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      const failure = await markRows(session.sql, session, group, now).then(() => undefined, (err: unknown) => err ?? new Error('mark failed'));
      for (const w of group) w.done(failure);
    }
    writing = false;
  };
  return async (row, outcome) => {
    if (!outcome.hardBounce) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ row, outcome, done: (err) => (err ? reject(err) : resolve()) });
        if (!writing) void writeGroups();
      });
    }
    await pool.begin(async (tx) => {
      // The session's own commits are durable (outbox-ownership.ts); this one must be as well.
      await tx`set local synchronous_commit = on`;
      await markRows(tx, { owner: session.owner, pid: null }, [{ row, outcome }], now);
      const bounced = { id: row.id, workspace_id: row.workspace_id, to_address: row.to_address, error: outcome.error ?? '' };
      await recordHardBounces(tx, [bounced], now);
    });
  };
}

/** On the dispatch's session (`pid`), or in a transaction of the pool (`pid` null). */
async function markRows(sql: Queryable, by: { owner: number; pid: number | null }, group: Pick<Waiting, 'row' | 'outcome'>[], now: Date) {
  const column = <T>(pick: (w: Pick<Waiting, 'row' | 'outcome'>) => T) => group.map(pick);
  const marked = await sql`
    update email_outbox o set
      status = m.status,
      attempts = o.attempts + m.attempted,
      sent_at = case when m.status = 'sent' then ${now}::timestamptz end,
      next_attempt_at = coalesce(m.next_attempt_at, o.next_attempt_at),
      last_error = m.error
    from unnest(${column((w) => w.row.id)}::uuid[], ${column((w) => w.outcome.status)}::text[],
      ${column((w) => (w.outcome.status === 'suppressed' ? 0 : 1))}::int[],
      ${column((w) => w.outcome.nextAttemptAt)}::timestamptz[], ${column((w) => w.outcome.error)}::text[])
      as m(id, status, attempted, next_attempt_at, error)
    where o.id = m.id and o.claimed_by = ${by.owner} and (${by.pid}::int is null or pg_backend_pid() = ${by.pid}::int)`;
  expectOwned(group.length, marked.count);
}

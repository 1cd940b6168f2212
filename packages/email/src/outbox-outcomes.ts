// Writes each email's outcome to its outbox row (sent; to retry later; failed; suppressed) as
// soon as it is known, and commits it before the send slot that produced it hands the SMTP
// server its next email (dispatcher.ts): that is what bounds the emails a crash can send
// twice. Each outcome is its own small statement on the dispatch's session, sent at once and
// pipelined with the other slots' (no slot waits for another's write); a hard bounce also puts
// the address on the suppression list, in one transaction on a connection of the pool. The row
// stays claimed: the step's counters (sent, undelivered, suppressed) are added for the whole
// batch when the dispatch releases its rows (outbox-release.ts), not by a statement per email.
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

export function createOutcomeWriter(pool: Sql, session: DispatchSession, now: Date): RecordOutcome {
  return async (row, outcome) => {
    if (!outcome.hardBounce) return markRow(session.sql, session, row, outcome, now);
    await pool.begin(async (tx) => {
      // The session's own commits are durable (outbox-ownership.ts); this one must be as well.
      await tx`set local synchronous_commit = on`;
      await markRow(tx, { owner: session.owner, pid: null }, row, outcome, now);
      const bounced = { id: row.id, workspace_id: row.workspace_id, to_address: row.to_address, error: outcome.error ?? '' };
      await recordHardBounces(tx, [bounced], now);
    });
  };
}

/** On the dispatch's session (`pid`), or in a transaction of the pool (`pid` null). */
async function markRow(sql: Queryable, by: { owner: number; pid: number | null }, row: ClaimedRow, outcome: Outcome, now: Date) {
  const marked = await sql`
    update email_outbox set
      status = ${outcome.status},
      attempts = attempts + ${outcome.status === 'suppressed' ? 0 : 1},
      sent_at = ${outcome.status === 'sent' ? now : null}::timestamptz,
      next_attempt_at = coalesce(${outcome.nextAttemptAt}::timestamptz, next_attempt_at),
      last_error = ${outcome.error}
    where id = ${row.id} and claimed_by = ${by.owner} and (${by.pid}::int is null or pg_backend_pid() = ${by.pid}::int)`;
  expectOwned(1, marked.count);
}

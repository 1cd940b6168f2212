// Which dispatcher is sending a claimed outbox row, and what becomes of the rows of one that
// died. A dispatch runs on one reserved connection whose session holds an advisory lock on a
// random key for as long as it sends; every row it claims carries that key (claimed_by), and
// a row's content and outcome are written only while it still does (outbox-store.ts,
// outbox-outcomes.ts). Postgres frees a session's locks when the session ends, however it
// ends (the process killed, the connection lost, Postgres restarted): a claimed row whose
// key's lock can be taken belongs to a dispatcher that is gone, and goes back to the queue.
// If that dispatcher's SMTP server had already accepted the row's email, it is sent again,
// with the same Message-ID; a dispatcher leaves at most one such email per SMTP connection
// (dispatcher.ts). Its rows that did reach an outcome are counted as they are released
// (outbox-release.ts).
import type { Sql } from '@afterglow/db';
import { randomInt } from 'node:crypto';
import type { ReservedSql } from 'postgres';
import { countReleased, releaseOwnRows, type ReleasedRow } from './outbox-release';
import { releaseSendRates } from './send-rate';

// Two-key advisory locks: this first key names "outbox dispatcher" (send-rate.ts has 0x6167_6c01).
const OWNER_LOCK_CLASS = 0x6167_6c02;

export interface DispatchSession {
  /** The reserved connection every statement of the dispatch runs on. */
  sql: ReservedSql;
  /** The pool it came from: transactions beside the session (a hard bounce, the release at the end). */
  pool: Sql;
  /** The key of the advisory lock this session holds, carried by the rows it claims. */
  owner: number;
  /** The session's backend: its statements that claim or mark rows check they still run in it. */
  pid: number;
  /** Workspaces whose send-rate lock this session holds (send-rate.ts). */
  rateLocks: string[];
  /** The server's default lets commits return before they are durable; this session overrides it. */
  raisedCommitLevel: boolean;
}

/** Reserves a connection and takes a fresh owner key on it. */
export async function openDispatchSession(pool: Sql): Promise<DispatchSession> {
  const sql = await pool.reserve();
  for (;;) {
    const owner = randomInt(1, 2 ** 31 - 1);
    const [row] = await sql<{ pid: number; got: boolean; async: boolean }[]>`
      select pg_backend_pid() as pid, pg_try_advisory_lock(${OWNER_LOCK_CLASS}::int, ${owner}::int) as got,
        current_setting('synchronous_commit') = 'off' as async`;
    if (!row.got) continue;
    // A "sent" mark lost in a Postgres crash would send its email again, and every email its
    // slot sent after it: this session's commits return only once they are durable.
    if (row.async) await sql`set synchronous_commit = on`;
    return { sql, pool, owner, pid: row.pid, rateLocks: [], raisedCommitLevel: row.async };
  }
}

/** Writes touch only rows the dispatch still owns: one it no longer owns is an error, and the dispatch stops. */
export function expectOwned(expected: number, written: number): void {
  if (written !== expected) {
    throw new Error(`${expected - written} of ${expected} outbox rows are no longer this dispatch's to write`);
  }
}

/** Claimed rows of dispatchers that are gone go back to the queue; those with an outcome are counted. */
export async function releaseOrphanedRows(pool: Sql): Promise<void> {
  await pool.begin(async (tx) => {
    // The gone owners' keys stay locked until the commit: no new dispatch takes one meanwhile.
    const released = await tx<ReleasedRow[]>`
      with owners as materialized (
        select distinct claimed_by as owner from email_outbox where claimed_by is not null
      ), gone as materialized (
        select owner from owners where pg_try_advisory_xact_lock(${OWNER_LOCK_CLASS}::int, owner)
      )
      update email_outbox o set claimed_by = null from gone where o.claimed_by = gone.owner
      returning o.status, o.version_id, o.node_id`;
    await countReleased(tx, released);
  });
}

/**
 * Ends the dispatch: its rows are released (those it did not finish go back to the queue, the
 * others are counted), its locks are given back, the connection goes back to the pool. Never
 * throws: when the connection broke, Postgres released the locks already and the rows are
 * released by the next dispatch; so are they when only their release failed.
 */
export async function closeDispatchSession(session: DispatchSession): Promise<void> {
  const { sql, owner } = session;
  try {
    // postgres.js 3.4.9 takes a reserved connection back into the pool when it closes, and may
    // reconnect it for other queries: a connection that is no longer this session is left alone.
    const [row] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    if (row.pid !== session.pid) return;
  } catch {
    return; // The connection is gone, and with it the session's locks.
  }
  await releaseOwnRows(session.pool, owner).catch(() => {});
  try {
    await releaseSendRates(sql, session.rateLocks);
    await sql`select pg_advisory_unlock(${OWNER_LOCK_CLASS}::int, ${owner}::int)`;
    if (session.raisedCommitLevel) await sql`reset synchronous_commit`;
    sql.release();
  } catch {
    // The connection is gone, and with it the session's locks.
  }
}

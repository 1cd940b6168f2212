// Where a dispatch's emails are counted on their journey steps: when it lets go of its rows.
// A claimed row keeps its dispatch's owner key through its outcome (outbox-outcomes.ts) until
// the dispatch releases all its rows at once, at its end; that release, in one transaction,
// adds the rows that reached an outcome to their steps' counters (sent: `emails`, failed for
// good: `undelivered`, stopped at send time: `suppressed`). So a batch costs one UPDATE and one
// addNodeCounts, never a statement per email, and a row is counted once: it loses its key once.
// A dispatch that dies first leaves its rows keyed; the next one releases them as orphans
// (outbox-ownership.ts) and counts them then, within a batch of the crash.
import { addNodeCounts, type Queryable, type Sql } from '@afterglow/db';

const COUNTER: Record<string, string> = { sent: 'emails', failed: 'undelivered', suppressed: 'suppressed' };

export interface ReleasedRow { status: string; version_id: string | null; node_id: string | null }

/** Adds the released rows that reached an outcome to their steps' counters (rows still pending count nothing). */
export async function countReleased(tx: Queryable, rows: ReleasedRow[]): Promise<void> {
  await addNodeCounts(tx, rows.flatMap((r) => (r.version_id !== null && r.node_id !== null && COUNTER[r.status]
    ? [{ version: r.version_id, node: r.node_id, metric: COUNTER[r.status], n: 1 }] : [])));
}

/** The dispatch's rows, released and counted in one transaction of the pool. */
export async function releaseOwnRows(pool: Sql, owner: number): Promise<void> {
  await pool.begin(async (tx) => {
    const released = await tx<ReleasedRow[]>`
      update email_outbox set claimed_by = null where claimed_by = ${owner} returning status, version_id, node_id`;
    await countReleased(tx, released);
  });
}

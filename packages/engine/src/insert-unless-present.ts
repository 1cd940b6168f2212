// Inserts rows of which a few may already be there (another worker, an event or a retried batch
// committed the same key meanwhile), leaving those as they are. A plain INSERT skips ON
// CONFLICT's speculative insertion (a probe and a WAL record more per row: a quarter of the time
// for a million rows), so it runs first, in a savepoint; only a unique violation runs the
// guarded form instead.
import type { Fragment, PendingQuery, Row, TransactionSql } from 'postgres';

/** Runs `insert` plainly, else with `onConflict` (its DO NOTHING clause); returns the rows inserted. */
export async function insertUnlessPresent(tx: TransactionSql,
  insert: (via: TransactionSql, onConflict: Fragment) => PendingQuery<Row[]>, onConflict: Fragment): Promise<number> {
  try {
    return (await tx.savepoint((sp) => insert(sp, sp``))).count;
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    return (await insert(tx, onConflict)).count;
  }
}

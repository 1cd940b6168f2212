// Erasing a customer: one transaction of set-based statements, one per table on the list in
// customer-data.ts, in its order. Safe to repeat: a second erasure finds nothing left (and
// erases whatever arrived for the id since). Their runs are ended, not deleted, so the
// canvas's counts stay exact; their orders stay for revenue, belonging to no one.
import type { Sql } from '@afterglow/db';
import { retryTransaction } from '../ingest/retry';
import { customerTables } from './customer-data';
import { findCustomerData } from './find';

export interface ErasureResult {
  customerId: string;
  /** False when no customer had the id (erased before, or never known): what was left was still erased. */
  existed: boolean;
  /** Rows deleted or made anonymous per table, and the hashed suppressions written (tables with none left out). */
  rows: Record<string, number>;
}

export function eraseCustomer(sql: Sql, workspaceId: string, customerId: string, now: Date): Promise<ErasureResult> {
  // A concurrent ingestion request or engine batch touching the same rows may deadlock with it:
  // Postgres aborts one whole, and it runs again.
  return retryTransaction(() => sql.begin(async (tx) => {
    // Locked to commit: a profile update meanwhile waits, then finds no one.
    const [profile] = await tx<{ address: string | null }[]>`
      select lower(btrim(email)) as address from customers where workspace_id = ${workspaceId} and id = ${customerId} for update`;
    const found = await findCustomerData(tx, workspaceId, customerId, profile?.address ?? null, { lockRuns: true });
    const rows: Record<string, number> = {};
    for (const { table, rows: theirs, erasure } of customerTables) {
      const where = theirs(tx, found);
      const result = 'delete' in erasure ? await tx`delete from ${tx(table)} t where ${where}`
        : 'set' in erasure ? await tx`update ${tx(table)} t set ${erasure.set(tx, now)} where ${where}`
          : await erasure.write(tx, found, now);
      if (result.count > 0) rows[table] = result.count;
    }
    return { customerId, existed: profile !== undefined, rows };
  }) as Promise<ErasureResult>);
}

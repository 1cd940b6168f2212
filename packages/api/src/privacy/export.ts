// A customer's data as one JSON document: the rows of every table on the list in
// customer-data.ts, as stored (secrets and duplicates left out, as the list says), read in one
// snapshot so the parts agree with each other.
import type { Sql } from '@afterglow/db';
import { notFound } from '../journeys/errors';
import { customerTables } from './customer-data';
import { findCustomerData } from './find';

export interface CustomerExport {
  format: 'afterglow.customer-export';
  version: 1;
  workspaceId: string;
  customerId: string;
  exportedAt: string;
  /** Table (or view) name: its rows about the customer, column names as stored. */
  tables: Record<string, Record<string, unknown>[]>;
}

export function exportCustomerData(sql: Sql, workspaceId: string, customerId: string, now: Date): Promise<CustomerExport> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const [profile] = await tx<{ address: string | null }[]>`
      select lower(btrim(email)) as address from customers where workspace_id = ${workspaceId} and id = ${customerId}`;
    if (!profile) throw notFound('customer', customerId);
    const found = await findCustomerData(tx, workspaceId, customerId, profile.address, { lockRuns: false });
    const exported = customerTables.filter((t) => t.exportOmits !== null);
    const parts = await Promise.all(exported.map(async (t) => {
      const source = t.exportFrom ?? t.table;
      const [{ rows }] = await tx<{ rows: Record<string, unknown>[] }[]>`
        select coalesce(jsonb_agg(to_jsonb(t) - ${t.exportOmits!}::text[]), '[]'::jsonb) as rows
        from ${tx(source)} t where ${t.rows(tx, found)}`;
      return [source, t.exportRow ? rows.map(t.exportRow) : rows] as const;
    }));
    return {
      format: 'afterglow.customer-export', version: 1, workspaceId, customerId, exportedAt: now.toISOString(),
      tables: Object.fromEntries(parts),
    } satisfies CustomerExport;
  }) as Promise<CustomerExport>;
}

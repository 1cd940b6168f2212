// The list of tables holding customer data (packages/api/src/privacy/customer-data.ts) against
// the migrated schema: every table with a customer_id column must be on it (so the export and
// the erasure cover it), and every table on it must exist. A new table keyed by customer that
// nobody added to the list fails here.
import { customerTables } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

let database: Database;

beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database?.close(); });

const tablesWith = async (column: string) => (await database.sql<{ table: string }[]>`
  select c.table_name as table from information_schema.columns c
  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
  where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name = ${column}
  order by 1`).map((r) => r.table);

describe('the list of tables holding customer data', () => {
  it('names every table with a customer_id column', async () => {
    const listed = new Set(customerTables.map((t) => t.table));
    const keyedByCustomer = await tablesWith('customer_id');
    expect(keyedByCustomer.length).toBeGreaterThan(10);
    expect(keyedByCustomer.filter((table) => !listed.has(table))).toEqual([]);
  });

  it('names only tables that exist, each once', async () => {
    const [{ tables }] = await database.sql<{ tables: string[] }[]>`
      select array_agg(table_name::text) as tables from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
    const names = customerTables.map((t) => t.table);
    expect(names.filter((name) => !tables.includes(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });
});

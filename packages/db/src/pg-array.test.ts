import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgArray } from './pg-array';
import type { Database } from './client';
import { createTestDatabase } from '../../../tests/support/db';

describe('pgArray', () => {
  let database: Database;
  const db = () => database;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => { await database?.close(); });

  it('round-trips text with quotes, backslashes, commas, braces, NULL-looking words and nulls', async () => {
    const values = ['plain', 'a "quoted" word', 'back\\slash', 'a,b', '{braces}', 'NULL', '', ' spaced ', null, 'émoji ✓'];
    // Read back as JSON: postgres.js's own array parser reads a NULL element of text[] as 'NULL'.
    const [row] = await db().sql`select to_jsonb(${pgArray(values)}::text[]) as back`;
    expect(row.back).toEqual(values);
  });

  it('spells uuids, numbers, dates and JSON text the way their types read them', async () => {
    const at = new Date('2026-03-29T01:30:00.123Z');
    const json = JSON.stringify([{ node: 'mail', detail: { email: 'said "hi"\\' } }]);
    const [row] = await db().sql`
      select to_jsonb(${pgArray(['6f1b0c1e-0c5e-4c67-9d59-0a8f3c2b1d00', null])}::uuid[]) as ids, to_jsonb(${pgArray([1, -2, null])}::int[]) as ints,
        ${pgArray([at, at.toISOString()])}::timestamptz[] = array[${at}::timestamptz, ${at}::timestamptz] as ats, (${pgArray([json])}::text[])[1]::jsonb as doc`;
    expect(row.ids).toEqual(['6f1b0c1e-0c5e-4c67-9d59-0a8f3c2b1d00', null]);
    expect(row.ints).toEqual([1, -2, null]);
    expect(row.ats).toBe(true);
    expect(row.doc).toEqual(JSON.parse(json));
  });

  it('an empty array is {}', async () => {
    const [row] = await db().sql`select cardinality(${pgArray([])}::text[]) as n`;
    expect(row.n).toBe(0);
  });
});

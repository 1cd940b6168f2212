// Without a server named by the environment, journey tests run on an embedded PostgreSQL of
// their process: each harness on a database of its own, the server stopped with the last one.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from './database';

beforeAll(() => {
  vi.stubEnv('AFTERGLOW_TEST_DATABASE_URL', '');
  vi.stubEnv('AFTERGLOW_TEST_TEMPLATE', '');
});
afterAll(() => void vi.unstubAllEnvs());

const answers = async (url: string) => {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
};

describe('the embedded server of a test process', () => {
  it('gives each harness a migrated database of its own and stops with the last one', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(a.database.url).not.toBe(b.database.url);
    expect(new URL(a.database.url).port).toBe(new URL(b.database.url).port);
    await a.database.sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'A', 's')`;
    expect(await b.database.sql`select id from workspaces`).toHaveLength(0);

    await a.close();
    expect(await answers(b.database.url)).toBe(true);
    const url = b.database.url;
    await b.close();
    expect(await answers(url)).toBe(false);

    // Started again on the next use, on the cluster and template it kept.
    const c = await createTestDatabase();
    expect(await c.database.sql`select count(*)::int as n from workspaces`).toEqual([{ n: 0 }]);
    await c.close();
  });
});

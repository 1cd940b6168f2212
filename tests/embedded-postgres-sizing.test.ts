// The embedded PostgreSQL runs with settings sized for the machine (not the 128 MB default):
// a cluster started the way `pnpm start` starts one reports them back.
import { sizedSettings, startEmbeddedPostgres } from '@afterglow/db';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-sizing-'));
chmodSync(dir, 0o755); // the server runs as the postgres OS user when we are root
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded PostgreSQL sizing', () => {
  it('sizes memory from the machine, with floors and caps', () => {
    const small = sizedSettings({ memoryBytes: 512 * 1024 ** 2, cpus: 1 });
    expect(small).toMatchObject({ shared_buffers: '128MB', work_mem: '4MB', maintenance_work_mem: '64MB', max_parallel_workers_per_gather: '1' });
    const eight = sizedSettings({ memoryBytes: 8 * 1024 ** 3, cpus: 4 });
    expect(eight).toMatchObject({ shared_buffers: '1638MB', effective_cache_size: '4096MB', work_mem: '32MB', maintenance_work_mem: '512MB',
      max_wal_size: '2048MB', max_parallel_workers: '4', max_parallel_workers_per_gather: '2' });
    const huge = sizedSettings({ memoryBytes: 512 * 1024 ** 3, cpus: 64 });
    expect(huge).toMatchObject({ shared_buffers: '8192MB', work_mem: '64MB', maintenance_work_mem: '1024MB', max_parallel_workers_per_gather: '4' });
  });

  it('applies them when the embedded cluster starts', async () => {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg') });
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      const expected = sizedSettings({ memoryBytes: os.totalmem(), cpus: os.availableParallelism() });
      for (const name of ['shared_buffers', 'effective_cache_size', 'work_mem', 'maintenance_work_mem', 'max_wal_size']) {
        const [row] = await sql`select pg_size_bytes(current_setting(${name})) as actual, pg_size_bytes(${expected[name]}) as wanted`;
        expect({ name, bytes: row.actual }).toEqual({ name, bytes: row.wanted });
      }
      const [parallel] = await sql`select current_setting('max_parallel_workers') as workers, current_setting('random_page_cost') as cost`;
      expect(parallel).toEqual({ workers: expected.max_parallel_workers, cost: '1.1' });
      const [buffers] = await sql`show shared_buffers`;
      expect(buffers.shared_buffers).not.toBe('128MB');
    } finally {
      await sql.end();
      await pg.stop();
    }
  });
});

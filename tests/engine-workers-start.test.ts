// Workers started at the same moment on a database Agenda has never seen: each creates
// Agenda's tables on its first connection, and two CREATE INDEX IF NOT EXISTS at once collide
// (seen in `pnpm chaos --large`: a worker died before it ever worked). All must start.
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

const registry = createRegistry();

it('starts four workers at once on a fresh database, three times over', async () => {
  for (let round = 0; round < 3; round++) {
    const db = await createTestDatabase();
    const engines = Array.from({ length: 4 }, () => createEngine({ database: db, registry, tickEvery: '1 hour' }));
    try {
      const started = await Promise.allSettled(engines.map((e) => e.start()));
      expect(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
      const [{ n }] = await db.sql`select count(*)::int as n from agenda_jobs where name = 'engine:tick'`;
      expect(n).toBe(1);
    } finally {
      for (const e of engines) await e.stop();
      await db.close();
    }
  }
}, 60_000);

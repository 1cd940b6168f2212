// A journey with thousands of due runs must not starve a small journey's runs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@afterglow/db';
import { createTestDatabase } from '../../../tests/support/db';
import { claimDueRuns } from './claim';

let db: Database;
const now = new Date('2026-06-01T12:00:00Z');

async function dueRuns(journeyId: string, count: number, dueAt: Date) {
  await db.sql`insert into journeys (id, workspace_id, name, draft, status) values (${journeyId}, 'ws', ${journeyId}, '{}', 'live')`;
  await db.sql`
    insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id, due_at, entered_at, updated_at)
    select 'ws', 'c' || g, ${journeyId}, 'v', 'k', 'active', 'n', ${dueAt}, ${dueAt}, ${dueAt} from generate_series(1, ${count}) g`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await dueRuns('big', 3000, new Date(now.getTime() - 3600e3)); // due for an hour
  await dueRuns('small', 5, new Date(now.getTime() - 1000)); // due just now
});

afterAll(async () => {
  await db?.close();
});

it('gives every journey with due runs a share of the first batch', async () => {
  const claimed = await db.sql.begin((tx) => claimDueRuns(tx, now, 100));
  expect(claimed).toHaveLength(100);
  expect(claimed.filter((r) => r.journeyId === 'small')).toHaveLength(5);
});

it('fills the batch from the busy journey when the others have nothing due', async () => {
  const later = new Date(now.getTime() - 2 * 3600e3);
  const claimed = await db.sql.begin((tx) => claimDueRuns(tx, later, 100));
  expect(claimed).toHaveLength(0);
  const all = await db.sql.begin((tx) => claimDueRuns(tx, new Date(now.getTime() - 1001), 400));
  expect(all).toHaveLength(400);
  expect(new Set(all.map((r) => r.id)).size).toBe(400);
  expect(all.every((r) => r.journeyId === 'big')).toBe(true);
});

it('never hands the same run to two workers at once', async () => {
  const first = db.sql.begin(async (tx) => {
    const mine = await claimDueRuns(tx, now, 200);
    const other = await db.sql.begin((tx2) => claimDueRuns(tx2, now, 200));
    return [mine, other];
  });
  const [mine, other] = await first;
  const overlap = mine.filter((r) => other.some((o) => o.id === r.id));
  expect(mine).toHaveLength(200);
  expect(other).toHaveLength(200);
  expect(overlap).toHaveLength(0);
});

// A batch's replenishment questions cost one statement: fifty runs asking in the same tick,
// about one or two products each, are answered by a single query (counted on the real
// database's handle), each run with the earliest of its own products' predictions.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database, Queryable } from '@afterglow/db';
import { createTestDatabase } from '../../../tests/support/db';
import { createPredictionBatch } from './prediction-batch';

let db: Database;
const now = new Date('2026-06-01T12:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into products (workspace_id, id, name, buying_cycle_min_days, buying_cycle_max_days)
    values ('ws', 'cream', 'Cream', 56, 84), ('ws', 'soap', 'Soap', 20, 40)`;
});
afterAll(async () => { await db?.close(); });

it('answers every run of the batch with one statement', async () => {
  let statements = 0;
  // Counts the tagged-template calls that reach the database; everything else goes to it unchanged.
  const counted = new Proxy(db.sql, {
    apply: (target, self, args) => { statements++; return Reflect.apply(target, self, args); },
  }) as Queryable;
  const predict = createPredictionBatch(counted, now);
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) =>
    predict('ws', `c${i}`, { what: 'product', values: i % 2 ? ['cream', 'soap'] : ['cream'], fallbackDays: 9 })));
  expect(statements).toBe(1);
  expect(answers[0]).toEqual({ at: new Date('2026-08-10T12:00:00Z'), rule: 'product_cycle', value: 'cream', days: 70, lastPurchaseAt: null });
  expect(answers[1]).toMatchObject({ at: new Date('2026-07-01T12:00:00Z'), value: 'soap', days: 30 });
  // Nothing asked about: the fallback from now, with no value.
  expect(await predict('ws', 'c1', { what: 'product', values: [], fallbackDays: 9 }))
    .toEqual({ at: new Date('2026-06-10T12:00:00Z'), rule: 'fallback', value: null, days: 9, lastPurchaseAt: null });
});

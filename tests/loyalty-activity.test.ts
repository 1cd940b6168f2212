// The expiry clock kept by the trigger on loyalty_ledger (0044), whoever writes the ledger: any
// entry but an expiry moves a member's last activity forward (several entries of one member in
// one statement count once, at the newest) and, by moving it, starts a new quiet spell (the
// reminder and the announced expiry cleared); an expiry or an entry dated before the last
// activity changes nothing.
import type { Database } from '@afterglow/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

const WS = 'ws_activity';
let db: Database;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db?.close(); });

const entries = (rows: { customer: string; points: number; kind: string; at: string }[]) => db.sql`
  insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, created_at)
  select ${WS}, r.customer, r.points, 'test', r.kind, r.at::timestamptz
  from jsonb_to_recordset(${db.sql.json(rows)}) as r(customer text, points int, kind text, at text)`;
const member = async (customer: string) => (await db.sql<{ lastActivityAt: Date; expiryRemindedAt: Date | null; expiresAt: Date | null }[]>`
  select last_activity_at as "lastActivityAt", expiry_reminded_at as "expiryRemindedAt", expires_at as "expiresAt"
  from loyalty_members where workspace_id = ${WS} and customer_id = ${customer}`)[0];
const remind = (customer: string) => db.sql`update loyalty_members set expiry_reminded_at = '2026-06-01T00:00:00Z',
  expires_at = '2026-06-15T00:00:00Z' where workspace_id = ${WS} and customer_id = ${customer}`;

it('moves the last activity to the newest entry of a statement, once per member', async () => {
  await entries([
    { customer: 'ana', points: 100, kind: 'order', at: '2026-01-01T10:00:00Z' },
    { customer: 'ana', points: 50, kind: 'review', at: '2026-01-03T10:00:00Z' },
    { customer: 'ivo', points: 10, kind: 'grant', at: '2026-01-02T10:00:00Z' },
  ]);
  expect(await member('ana')).toEqual({ lastActivityAt: new Date('2026-01-03T10:00:00Z'), expiryRemindedAt: null, expiresAt: null });
  expect((await member('ivo')).lastActivityAt).toEqual(new Date('2026-01-02T10:00:00Z'));
});

it('starts a new quiet spell on new activity, a redemption included', async () => {
  await remind('ana');
  await entries([{ customer: 'ana', points: -100, kind: 'redeem', at: '2026-06-02T10:00:00Z' }]);
  expect(await member('ana')).toEqual({ lastActivityAt: new Date('2026-06-02T10:00:00Z'), expiryRemindedAt: null, expiresAt: null });
});

it('changes nothing for an expiry or an entry dated before the last activity', async () => {
  await remind('ivo');
  const before = await member('ivo');
  await entries([{ customer: 'ivo', points: -10, kind: 'expire', at: '2026-06-15T00:00:00Z' }]);
  await entries([{ customer: 'ivo', points: 5, kind: 'adjust', at: '2026-01-01T00:00:00Z' }]);
  expect(await member('ivo')).toEqual(before);
  expect(before.expiresAt).toEqual(new Date('2026-06-15T00:00:00Z'));
  // An expiry alone makes no member either.
  await entries([{ customer: 'zed', points: -1, kind: 'expire', at: '2026-06-15T00:00:00Z' }]);
  expect(await member('zed')).toBeUndefined();
});

// The profile service's write is idempotent: the same batch's changes written twice (a retried
// batch whose first commit's fate was unknown, or a segment check's early write followed by the
// batch's own) leave the profile as one write does; a tag added and removed in one batch ends
// removed, and several changes of one customer fold into one row.
import type { CustomerSnapshot } from '@afterglow/node-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@afterglow/db';
import { createTestDatabase } from '../../../tests/support/db';
import { profileService, writeProfiles, type ProfileBuffer } from './profile';

let db: Database;
const now = new Date('2026-06-01T12:00:00Z');
const snapshot = (id: string): CustomerSnapshot => ({ id, email: null, firstName: null, lastName: null, timezone: 'UTC',
  birthday: null, locale: null, marketingConsent: true, attributes: { plan: 'gold', city: 'Niš' }, tags: ['VIP', 'Old'] });

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into customers (workspace_id, id, attributes, tags) values
    ('ws', 'c1', '{"plan": "gold", "city": "Niš"}', '{VIP,Old}'), ('ws', 'c2', '{}', '{}')`;
});
afterAll(async () => { await db?.close(); });

async function changes(): Promise<ProfileBuffer> {
  const buffer: ProfileBuffer = new Map();
  const c1 = snapshot('c1');
  const p1 = profileService('ws', c1, buffer, {});
  await p1.update({ attributes: { city: 'Novi Sad', churnRisk: null, plan: null }, addTags: ['Recent buyer', 'VIP'] });
  await p1.update({ attributes: { plan: 'silver' }, removeTags: ['Old', 'Recent buyer'], addTags: ['Newsletter'] });
  expect(c1).toMatchObject({ attributes: { city: 'Novi Sad', plan: 'silver' }, tags: ['VIP', 'Newsletter'] });
  await profileService('ws', snapshot('c2'), buffer, {}).update({ addTags: [' Wholesale '] });
  return buffer;
}

const stored = async () => (await db.sql<{ id: string; attributes: unknown; tags: string[] }[]>`
  select id, attributes, tags from customers where workspace_id = 'ws' order by id`).map((r) => ({ ...r }));

it('writes a batch\'s changes once, and the same again changes nothing', async () => {
  const buffer = await changes();
  expect(buffer.size).toBe(2);
  await writeProfiles(db.sql, buffer, now);
  expect(buffer.size).toBe(0);
  const once = await stored();
  expect(once).toEqual([
    { id: 'c1', attributes: { city: 'Novi Sad', plan: 'silver' }, tags: ['VIP', 'Newsletter'] },
    { id: 'c2', attributes: {}, tags: ['Wholesale'] },
  ]);
  await writeProfiles(db.sql, await changes(), now);
  expect(await stored()).toEqual(once);
});

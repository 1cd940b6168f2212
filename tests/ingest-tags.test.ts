// identify's `tags` trait: a list or one comma-separated string (Shopify's way), each tag trimmed
// and kept once, added to the customer's tags and never removing one, whatever order the
// messages arrive in (journeys tag customers too); anything else is refused, naming the trait.
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

let t: JourneyTest;
beforeAll(async () => { t = await createJourneyTest(); });
afterAll(async () => { await t?.close(); });

const tagsOf = async (id: string) => (await t.api.customers.get({ id })).profile.tags;

it('adds the tags identify sends, a list or comma-separated, each once', async () => {
  await t.identify('cust_1', { email: 'ana@example.com', tags: ['VIP', ' Wholesale ', 'VIP'] });
  await t.identify('cust_1', { tags: 'wholesale, Newsletter,,VIP' });
  expect(await tagsOf('cust_1')).toEqual(['VIP', 'Wholesale', 'wholesale', 'Newsletter']);
  expect((await t.api.customers.get({ id: 'cust_1' })).profile.attributes).toEqual({});
});

it('never removes a tag, even for a newer message without it', async () => {
  await t.identify('cust_2', { tags: ['Recent buyer'] }, { timestamp: new Date('2026-03-01T00:00:00Z') });
  await t.identify('cust_2', { tags: [] }, { timestamp: new Date('2026-03-02T00:00:00Z') });
  await t.identify('cust_2', { tags: 'Old' }, { timestamp: new Date('2026-02-01T00:00:00Z') });
  expect(await tagsOf('cust_2')).toEqual(['Recent buyer', 'Old']);
});

it('refuses tags that are neither a list of text nor text, naming the trait', async () => {
  const res = await fetch(`${t.ingestion.url}/v1/identify`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${t.ingestion.key}:`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'cust_3', messageId: 'm3', traits: { tags: { vip: true } } }),
  });
  expect(res.status).toBe(400);
  expect(await res.text()).toContain('traits.tags');
});

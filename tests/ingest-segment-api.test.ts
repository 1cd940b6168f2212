// The rest of the Segment HTTP Tracking API: page, screen, group, alias, anonymous
// visitors merged into the customer on identify/alias, batches that keep their good
// messages and report the bad ones by index, context.timezone and traits.birthday.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestHarness, type IngestHarness } from './ingest-harness';

let h: IngestHarness;
beforeAll(async () => { h = await startIngestHarness(); });
afterAll(() => h.close());
beforeEach(() => h.reset());

const eventRow = async (messageId: string) => {
  const [row] = await h.database.sql`select type, customer_id, anonymous_id, name, properties from events where message_id = ${messageId}`;
  return row ? { ...row } : undefined;
};

describe('page, screen, group and alias', () => {
  it('stores page and screen views and groups on the timeline without enrolling', async () => {
    expect((await h.post('/v1/page', { userId: 'cust_p', messageId: 'm-page', name: 'Pricing', category: 'Docs', properties: { path: '/pricing' } })).status).toBe(200);
    expect((await h.post('/v1/screen', { userId: 'cust_p', messageId: 'm-screen', name: 'Cart' })).status).toBe(200);
    expect((await h.post('/v1/group', { userId: 'cust_p', messageId: 'm-group', groupId: 'acme', traits: { plan: 'b2b' } })).status).toBe(200);
    expect(await eventRow('m-page')).toEqual({ type: 'page', customer_id: 'cust_p', anonymous_id: null, name: 'Pricing', properties: { path: '/pricing', category: 'Docs' } });
    expect(await eventRow('m-screen')).toMatchObject({ type: 'page', name: 'Cart' });
    expect(await eventRow('m-group')).toMatchObject({ type: 'group', name: 'acme', properties: { groupId: 'acme', traits: { plan: 'b2b' } } });
    expect(h.stored).toEqual([]);
  });

  it('identify merges the anonymous visitor: earlier events move to the customer, later ones land there', async () => {
    await h.post('/v1/track', { anonymousId: 'anon-7', event: 'Product Viewed', messageId: 'm-anon-1', properties: { sku: 'S1' } });
    expect(await eventRow('m-anon-1')).toMatchObject({ customer_id: null, anonymous_id: 'anon-7' });
    expect(h.stored).toEqual([]); // nobody to enrol yet
    await h.post('/v1/identify', { userId: 'cust_m', anonymousId: 'anon-7', messageId: 'm-anon-2', traits: { email: 'm@example.com' } });
    expect(await eventRow('m-anon-1')).toMatchObject({ customer_id: 'cust_m', anonymous_id: 'anon-7' });
    await h.post('/v1/track', { anonymousId: 'anon-7', event: 'Cart Viewed', messageId: 'm-anon-3' });
    expect(await eventRow('m-anon-3')).toMatchObject({ customer_id: 'cust_m' });
    expect(h.stored.flat().map((e) => [e.messageId, e.customerId])).toEqual([['m-anon-3', 'cust_m']]);
    // An identify carrying only the anonymous id updates the merged customer's profile.
    await h.post('/v1/identify', { anonymousId: 'anon-7', messageId: 'm-anon-4', traits: { first_name: 'Mia' } });
    const [c] = await h.database.sql`select email, first_name from customers where id = 'cust_m'`;
    expect({ ...c }).toEqual({ email: 'm@example.com', first_name: 'Mia' });
  });

  it('alias links a previous id to the customer', async () => {
    await h.post('/v1/track', { anonymousId: 'device-9', event: 'App Opened', messageId: 'm-al-1' });
    expect((await h.post('/v1/alias', { previousId: 'device-9', userId: 'cust_al', messageId: 'm-al-2' })).status).toBe(200);
    expect(await eventRow('m-al-1')).toMatchObject({ customer_id: 'cust_al' });
    expect(await eventRow('m-al-2')).toMatchObject({ type: 'alias', customer_id: 'cust_al', properties: { previousId: 'device-9' } });
    const [alias] = await h.database.sql`select customer_id, kind from customer_aliases where alias_id = 'device-9'`;
    expect({ ...alias }).toEqual({ customer_id: 'cust_al', kind: 'alias' });
  });
});

it('a refused single message is named by its messageId', async () => {
  const res = await h.post('/v1/track', { userId: 'cust_e', messageId: 'm-named', event: 'Order Completed', properties: { total: 5 } });
  expect(res.status).toBe(400);
  expect(res.json.error).toBe('Invalid message m-named: nothing was stored');
  expect(res.json.issues).toEqual([{ path: 'properties.order_id', message: 'order_id is required' }]);
});

describe('traits', () => {
  it("Segment's reserved trait name fills the first and last name a message does not carry", async () => {
    await h.post('/v1/batch', { batch: [
      { type: 'identify', userId: 'cust_n1', messageId: 'm-n1', traits: { name: '  Ana Marija   Kovač ' } },
      { type: 'identify', userId: 'cust_n2', messageId: 'm-n2', traits: { name: 'Cher' } },
      { type: 'identify', userId: 'cust_n3', messageId: 'm-n3', traits: { name: 'Peter Novak', firstName: 'Pero' } },
      { type: 'identify', userId: 'cust_n4', messageId: 'm-n4', traits: { name: 'Peter Novak', first_name: 'Pero', last_name: 'Nov' } },
    ] });
    const rows = await h.database.sql`select id, first_name, last_name from customers where id like 'cust_n_' order by id`;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { id: 'cust_n1', first_name: 'Ana', last_name: 'Marija Kovač' },
      { id: 'cust_n2', first_name: 'Cher', last_name: null },
      { id: 'cust_n3', first_name: 'Pero', last_name: 'Novak' },
      { id: 'cust_n4', first_name: 'Pero', last_name: 'Nov' },
    ]);
  });

  it('reads the time zone from context and the birthday as a calendar date', async () => {
    await h.post('/v1/identify', {
      userId: 'cust_tz', messageId: 'm-tz', context: { timezone: 'America/New_York' }, traits: { birthday: '1988-02-29T23:30:00-05:00' },
    });
    const [c] = await h.database.sql`select timezone, birthday::text as birthday from customers where id = 'cust_tz'`;
    expect({ ...c }).toEqual({ timezone: 'America/New_York', birthday: '1988-02-29' });
  });

  it('any message with context.timezone sets the customer\'s time zone', async () => {
    await h.post('/v1/track', { userId: 'cust_tz2', messageId: 'm-tz2', event: 'App Opened', context: { timezone: 'Asia/Kolkata' } });
    const [c] = await h.database.sql`select timezone from customers where id = 'cust_tz2'`;
    expect(c.timezone).toBe('Asia/Kolkata');
  });

  it('an older identify arriving late does not overwrite newer traits, but fills missing ones', async () => {
    await h.post('/v1/identify', { userId: 'cust_lww', messageId: 'm-l-2', timestamp: '2025-05-02T00:00:00Z', traits: { email: 'new@example.com' } });
    await h.post('/v1/identify', { userId: 'cust_lww', messageId: 'm-l-1', timestamp: '2025-05-01T00:00:00Z', traits: { email: 'old@example.com', first_name: 'Lu' } });
    const [c] = await h.database.sql`select email, first_name from customers where id = 'cust_lww'`;
    expect({ ...c }).toEqual({ email: 'new@example.com', first_name: 'Lu' });
  });
});

describe('batch', () => {
  it('stores the good messages and reports each bad one by index with its field path (207)', async () => {
    const before = await h.counts();
    const res = await h.post('/v1/batch', {
      batch: [
        { type: 'track', userId: 'cust_bb', event: 'Signed Up', messageId: 'm-bb-0' },
        { type: 'track', userId: 'cust_bb', event: '', messageId: 'm-bb-1' },
        { type: 'page', userId: 'cust_bb', name: 'Home', messageId: 'm-bb-2' },
        { type: 'identify', userId: 'cust_bb', messageId: 'm-bb-3', traits: { email: 'not-an-email' } },
        { type: 'teleport', userId: 'cust_bb', messageId: 'm-bb-4' },
      ],
    });
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ success: false, stored: 2 });
    expect(res.json.rejected).toEqual([
      { index: 1, messageId: 'm-bb-1', issues: [{ path: 'batch.1.event', message: 'event must not be empty' }] },
      { index: 3, messageId: 'm-bb-3', issues: [{ path: 'batch.3.traits.email', message: 'traits.email must be an email address' }] },
      { index: 4, messageId: 'm-bb-4', issues: [{ path: 'batch.4.type', message: expect.stringContaining('track, identify') }] },
    ]);
    expect(await h.counts()).toEqual({ events: before.events + 2, customers: before.customers + 1 });
    expect(await eventRow('m-bb-1')).toBeUndefined();
    expect(h.stored.flat().map((e) => e.messageId)).toEqual(['m-bb-0']);
  });
});

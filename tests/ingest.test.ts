// REST ingestion of valid messages against a real Postgres and a real HTTP server:
// stored once and handed to the engine once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KEY, NOW, startIngestHarness, type IngestHarness } from './ingest-harness';

let h: IngestHarness;
beforeAll(async () => { h = await startIngestHarness(); });
afterAll(() => h.close());
beforeEach(() => h.reset());

const post: IngestHarness['post'] = (...args) => h.post(...args);

describe('valid messages', () => {
  it('stores a track event, creates the unknown customer and hands the event on', async () => {
    const res = await post('/v1/track', {
      userId: 'cust_t1', event: 'Order Completed', messageId: 'm-track-1', timestamp: '2025-05-31T08:00:00+02:00',
      properties: { order_id: 'o1', total: 42.5, products: [{ product_id: 'p1', quantity: 2 }] },
    });
    expect(res).toEqual({ status: 200, json: { success: true } });
    const [event] = await h.database.sql`select * from events where message_id = 'm-track-1'`;
    expect(event).toMatchObject({ workspace_id: 'ws_a', type: 'track', customer_id: 'cust_t1', name: 'Order Completed' });
    expect(new Date(event.timestamp).toISOString()).toBe('2025-05-31T06:00:00.000Z');
    expect(new Date(event.received_at).toISOString()).toBe(NOW.toISOString());
    const [customer] = await h.database.sql`select * from customers where id = 'cust_t1'`;
    expect(customer).toMatchObject({ workspace_id: 'ws_a', email: null, timezone: 'UTC' });
    expect(h.stored).toEqual([[{
      workspaceId: 'ws_a', messageId: 'm-track-1', name: 'Order Completed', customerId: 'cust_t1',
      properties: { order_id: 'o1', total: 42.5, products: [{ product_id: 'p1', quantity: 2 }] },
      timestamp: new Date('2025-05-31T06:00:00Z'),
    }]]);
    expect(h.commits).toBe(1);
  });

  it('identify upserts the profile; later identifies change only the traits they carry', async () => {
    let res = await post('/v1/identify', {
      userId: 'cust_i1', messageId: 'm-id-1', context: { timezone: 'Europe/Berlin' },
      traits: { email: 'ana@example.com', first_name: 'Ana', lastName: 'Kovač', birthday: '1990-04-23', plan: 'gold' },
    });
    expect(res.status).toBe(200);
    res = await post('/v1/identify', { userId: 'cust_i1', messageId: 'm-id-2', traits: { firstName: 'Anna', city: 'Zagreb' } });
    expect(res.status).toBe(200);
    const [c] = await h.database.sql`select *, birthday::text as birthday from customers where id = 'cust_i1'`;
    expect(c).toMatchObject({
      email: 'ana@example.com', first_name: 'Anna', last_name: 'Kovač', birthday: '1990-04-23',
      timezone: 'Europe/Berlin', attributes: { plan: 'gold', city: 'Zagreb' },
    });
    expect(h.stored).toEqual([]); // identify never enrols
  });

  it('batch stores every message with one request and hands on only the track events', async () => {
    const res = await post('/v1/batch', {
      batch: [
        { type: 'identify', userId: 'cust_b1', messageId: 'm-b-1', traits: { email: 'b1@example.com', timezone: 'Asia/Tokyo' } },
        { type: 'track', userId: 'cust_b1', messageId: 'm-b-2', event: 'Product Viewed', properties: { sku: 'S1' } },
        { type: 'track', userId: 42, messageId: 'm-b-3', event: 'Order Completed', properties: { order_id: 'o-b3' } },
      ],
      sentAt: '2025-06-01T09:59:59Z', context: { library: { name: 'analytics-node' } },
    });
    expect(res.status).toBe(200);
    expect(h.stored).toHaveLength(1);
    expect(h.stored[0].map((e) => [e.messageId, e.customerId, e.timestamp.toISOString()])).toEqual([
      ['m-b-2', 'cust_b1', NOW.toISOString()], ['m-b-3', '42', NOW.toISOString()],
    ]);
    const rows = await h.database.sql`select id, email, timezone from customers where id in ('cust_b1', '42') order by id`;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { id: '42', email: null, timezone: 'UTC' }, { id: 'cust_b1', email: 'b1@example.com', timezone: 'Asia/Tokyo' },
    ]);
  });

  it('accepts the key as writeKey in the body, like Segment', async () => {
    const res = await post('/v1/track', { writeKey: KEY, userId: 'cust_w', event: 'Signed Up', messageId: 'm-wk' }, { key: null });
    expect(res.status).toBe(200);
    expect(h.stored.flat().map((e) => e.messageId)).toEqual(['m-wk']);
  });
});

describe('idempotency by messageId', () => {
  it('stores a repeated message once and hands it on once', async () => {
    const msg = { userId: 'cust_d', event: 'Order Completed', messageId: 'm-dup', properties: { order_id: 'o9' } };
    expect((await post('/v1/track', msg)).status).toBe(200);
    const before = await h.counts();
    expect((await post('/v1/track', msg)).status).toBe(200);
    expect((await post('/v1/batch', { batch: [{ ...msg, type: 'track' }, { ...msg, type: 'track', messageId: 'm-dup-2' }, { ...msg, type: 'track', messageId: 'm-dup-2' }] })).status).toBe(200);
    expect(await h.counts()).toEqual({ ...before, events: before.events + 1 });
    expect(h.stored.flat().map((e) => e.messageId)).toEqual(['m-dup', 'm-dup-2']);
  });

  it('a repeated identify does not overwrite a newer profile', async () => {
    await post('/v1/identify', { userId: 'cust_r', messageId: 'm-r-1', traits: { email: 'old@example.com' } });
    await post('/v1/identify', { userId: 'cust_r', messageId: 'm-r-2', traits: { email: 'new@example.com' } });
    await post('/v1/identify', { userId: 'cust_r', messageId: 'm-r-1', traits: { email: 'old@example.com' } });
    const [c] = await h.database.sql`select email from customers where id = 'cust_r'`;
    expect(c.email).toBe('new@example.com');
  });
});

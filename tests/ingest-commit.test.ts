// The statements on rows every request shares (points, the event picker's summary) are sent
// with the COMMIT behind them, not awaited first: a failure there must still store nothing. And
// the items of an order: replaced when newer content comes (the order then existed), inserted
// without a delete when this request created the order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIngestHarness, type IngestHarness } from './ingest-harness';

let h: IngestHarness;
beforeAll(async () => { h = await startIngestHarness(); });
afterAll(() => h.close());

const order = (messageId: string) => ({
  userId: 'cust_c1', event: 'Order Completed', messageId, timestamp: '2025-05-31T08:00:00Z',
  properties: { order_id: 'o-commit-1', total: 40, products: [{ product_id: 'p1', price: 20, quantity: 2 }] },
});

describe('the last statements of a request', () => {
  it('a failure among them rolls the whole request back and answers 500; sent again, it is stored once', async () => {
    await h.database.sql.unsafe(`
      create function test_refuse_points() returns trigger language plpgsql as $$
      begin raise exception 'points refused'; end $$;
      create trigger test_refuse_points before insert on loyalty_ledger for each row execute function test_refuse_points();`);
    const refused = await h.post('/v1/track', order('m-commit-1'));
    expect(refused.status).toBe(500);
    const count = async () => (await h.database.sql<{ events: number; orders: number; items: number; points: number; names: number }[]>`
      select (select count(*)::int from events where message_id = 'm-commit-1') as events,
        (select count(*)::int from orders where id = 'o-commit-1') as orders,
        (select count(*)::int from order_items where order_id = 'o-commit-1') as items,
        (select count(*)::int from loyalty_ledger where order_id = 'o-commit-1') as points,
        (select count(*)::int from event_names where name = 'Order Completed') as names`)[0];
    expect(await count()).toEqual({ events: 0, orders: 0, items: 0, points: 0, names: 0 });

    await h.database.sql.unsafe('drop trigger test_refuse_points on loyalty_ledger; drop function test_refuse_points();');
    expect((await h.post('/v1/track', order('m-commit-1'))).status).toBe(200);
    expect((await h.post('/v1/track', order('m-commit-1'))).status).toBe(200);
    expect(await count()).toEqual({ events: 1, orders: 1, items: 1, points: 1, names: 1 });
  });

  it('an order re-sent with newer content replaces its items; one sent first without content gets them', async () => {
    const send = (messageId: string, timestamp: string, properties: Record<string, unknown>) => h.post('/v1/track', {
      userId: 'cust_c2', event: 'Order Completed', messageId, timestamp, properties: { order_id: 'o-commit-2', ...properties } });
    const items = async () => (await h.database.sql<{ line: number; product_id: string }[]>`
      select line, product_id from order_items where order_id = 'o-commit-2' order by line`).map((r) => ({ ...r }));
    expect((await send('m-c2-1', '2025-05-01T10:00:00Z', { products: [{ product_id: 'p1' }, { product_id: 'p2' }] })).status).toBe(200);
    expect((await send('m-c2-2', '2025-05-02T10:00:00Z', { products: [{ product_id: 'p3' }] })).status).toBe(200);
    expect(await items()).toEqual([{ line: 1, product_id: 'p3' }]);
    // The same content again under a new messageId (a client's retry with a fresh id).
    expect((await send('m-c2-3', '2025-05-02T10:00:00Z', { products: [{ product_id: 'p3' }] })).status).toBe(200);
    expect(await items()).toEqual([{ line: 1, product_id: 'p3' }]);

    await h.post('/v1/track', { userId: 'cust_c2', event: 'order_shipped', messageId: 'm-c3-1', timestamp: '2025-05-02T10:00:00Z',
      properties: { order_id: 'o-commit-3' } });
    expect((await h.post('/v1/track', { userId: 'cust_c2', event: 'Order Completed', messageId: 'm-c3-2', timestamp: '2025-05-01T10:00:00Z',
      properties: { order_id: 'o-commit-3', products: [{ product_id: 'p4' }] } })).status).toBe(200);
    const [o3] = await h.database.sql`select status, (select count(*)::int from order_items where order_id = 'o-commit-3') as items
      from orders where id = 'o-commit-3'`;
    expect({ ...o3 }).toEqual({ status: 'shipped', items: 1 });
  });
});

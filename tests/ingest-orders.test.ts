// Order lifecycle events become rows (orders, order_items, products) and converge to the
// same state whatever order, and however often, the updates arrive.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestHarness, type IngestHarness } from './ingest-harness';

let h: IngestHarness;
beforeAll(async () => { h = await startIngestHarness(); });
afterAll(() => h.close());
beforeEach(() => h.reset());

const jersey = {
  product_id: 'p-jersey', sku: 'RS-JER-24', name: 'Red Star home jersey', category: 'Football', brand: 'Macron',
  price: '79.90', quantity: 2, image_url: 'https://shop.example/img/jersey.jpg', url: 'https://shop.example/p/jersey',
};
const scarf = { product_id: 'p-scarf', name: 'Scarf', price: 19.9, quantity: 1 };

const orderEvent = (orderId: string, event: string, timestamp: string, messageId: string, properties: Record<string, unknown> = {}) => ({
  type: 'track', userId: 'cust_o', event, timestamp, messageId, properties: { order_id: orderId, ...properties },
});

async function orderState(orderId: string) {
  const [order] = await h.database.sql`
    select customer_id, status, currency, total::float8 as total, placed_at, source_updated_at from orders where id = ${orderId}`;
  const items = await h.database.sql`
    select line, product_id, sku, name, category, brand, price::float8 as price, quantity, image_url, product_url
    from order_items where order_id = ${orderId} order by line`;
  return { order: order && { ...order }, items: items.map((i) => ({ ...i })) };
}

describe('order records', () => {
  it('Order Completed writes the order, its items with sku and links, and the products', async () => {
    const res = await h.post('/v1/track', orderEvent('o-100', 'Order Completed', '2025-05-01T10:00:00Z', 'm-o100', {
      total: 179.7, currency: 'eur', products: [jersey, scarf],
    }));
    expect(res.status).toBe(200);
    const { order, items } = await orderState('o-100');
    expect(order).toMatchObject({ customer_id: 'cust_o', status: 'placed', currency: 'EUR', total: 179.7, placed_at: new Date('2025-05-01T10:00:00Z') });
    expect(items).toEqual([
      { line: 1, product_id: 'p-jersey', sku: 'RS-JER-24', name: 'Red Star home jersey', category: 'Football', brand: 'Macron', price: 79.9,
        quantity: 2, image_url: 'https://shop.example/img/jersey.jpg', product_url: 'https://shop.example/p/jersey' },
      { line: 2, product_id: 'p-scarf', sku: null, name: 'Scarf', category: null, brand: null, price: 19.9, quantity: 1, image_url: null, product_url: null },
    ]);
    const products = await h.database.sql`select id, sku, name, category, brand, price::float8 as price, image_url, url from products where id like 'p-%' order by id`;
    expect(products.map((p) => ({ ...p }))).toEqual([
      { id: 'p-jersey', sku: 'RS-JER-24', name: 'Red Star home jersey', category: 'Football', brand: 'Macron', price: 79.9,
        image_url: 'https://shop.example/img/jersey.jpg', url: 'https://shop.example/p/jersey' },
      { id: 'p-scarf', sku: null, name: 'Scarf', category: null, brand: null, price: 19.9, image_url: null, url: null },
    ]);
    expect(h.stored.flat().map((e) => e.name)).toEqual(['Order Completed']);
  });

  it('the lifecycle moves the status and every event is handed on for journeys', async () => {
    await h.post('/v1/track', orderEvent('o-200', 'order_placed', '2025-05-01T10:00:00Z', 'm-200-1', { products: [scarf] }));
    await h.post('/v1/track', orderEvent('o-200', 'order_shipped', '2025-05-02T10:00:00Z', 'm-200-2'));
    expect((await orderState('o-200')).order.status).toBe('shipped');
    await h.post('/v1/track', orderEvent('o-200', 'order_delivered', '2025-05-04T10:00:00Z', 'm-200-3'));
    await h.post('/v1/track', orderEvent('o-200', 'order_refunded', '2025-05-09T10:00:00Z', 'm-200-4'));
    const { order, items } = await orderState('o-200');
    expect(order).toMatchObject({ status: 'refunded', total: 19.9, placed_at: new Date('2025-05-01T10:00:00Z') });
    expect(items).toHaveLength(1); // updates without items keep the placed items
    expect(h.stored.flat().map((e) => e.name)).toEqual(['order_placed', 'order_shipped', 'order_delivered', 'order_refunded']);
  });

  it('out-of-order and duplicate updates converge to the in-order result', async () => {
    const updates = (id: string) => [
      orderEvent(id, 'Order Completed', '2025-05-01T10:00:00Z', `${id}-placed`, { total: 99.8, products: [jersey] }),
      orderEvent(id, 'order_shipped', '2025-05-02T10:00:00Z', `${id}-shipped`),
      orderEvent(id, 'order_delivered', '2025-05-03T10:00:00Z', `${id}-delivered`),
    ];
    for (const m of updates('o-in')) await h.post('/v1/track', m);
    const [placed, shipped, delivered] = updates('o-mixed');
    await h.post('/v1/track', delivered);
    await h.post('/v1/batch', { batch: [shipped, { ...shipped, messageId: 'o-mixed-shipped-again' }] });
    await h.post('/v1/track', placed);
    await h.post('/v1/track', { ...placed, messageId: 'o-mixed-placed-again' }); // a duplicate under a new messageId
    const inOrder = await orderState('o-in');
    const mixed = await orderState('o-mixed');
    expect(inOrder.order).toMatchObject({ status: 'delivered', total: 99.8, placed_at: new Date('2025-05-01T10:00:00Z') });
    expect(mixed).toEqual(inOrder);
  });

  it('an older update never replaces newer content; one batch with several updates of an order folds them', async () => {
    await h.post('/v1/batch', { batch: [
      orderEvent('o-300', 'Order Completed', '2025-05-05T10:00:00Z', 'm-300-new', { total: 19.9, products: [scarf] }),
      orderEvent('o-300', 'order_cancelled', '2025-05-06T10:00:00Z', 'm-300-cancel'),
      orderEvent('o-300', 'Order Completed', '2025-05-01T10:00:00Z', 'm-300-old', { total: 79.9, products: [{ ...jersey, quantity: 1 }] }),
    ] });
    const { order, items } = await orderState('o-300');
    expect(order).toMatchObject({ status: 'cancelled', total: 19.9, placed_at: new Date('2025-05-01T10:00:00Z') });
    expect(items.map((i) => i.product_id)).toEqual(['p-scarf']);
    await h.post('/v1/track', orderEvent('o-300', 'Order Completed', '2025-05-02T10:00:00Z', 'm-300-older', { total: 5, products: [jersey] }));
    expect((await orderState('o-300')).items.map((i) => i.product_id)).toEqual(['p-scarf']);
  });

  it('products follow the newest order that names them; older ones only fill gaps', async () => {
    const hat = (name: string | undefined, brand?: string) => ({ product_id: 'p-hat', quantity: 1, price: 10, ...(name ? { name } : {}), ...(brand ? { brand } : {}) });
    await h.post('/v1/track', orderEvent('o-401', 'Order Completed', '2025-06-01T00:00:00Z', 'm-401', { products: [hat(undefined)] }));
    let [p] = await h.database.sql`select name, brand from products where id = 'p-hat'`;
    expect({ ...p }).toEqual({ name: 'p-hat', brand: null }); // named after its id until a name arrives
    await h.post('/v1/track', orderEvent('o-402', 'Order Completed', '2025-06-03T00:00:00Z', 'm-402', { products: [hat('Bucket hat')] }));
    await h.post('/v1/track', orderEvent('o-403', 'Order Completed', '2025-06-02T00:00:00Z', 'm-403', { products: [hat('Old hat', 'Kappa')] }));
    [p] = await h.database.sql`select name, brand from products where id = 'p-hat'`;
    expect({ ...p }).toEqual({ name: 'Bucket hat', brand: 'Kappa' });
  });

  it('a product line’s buying cycle (days, or a range up to buying_cycle_max_days) is stored; newer orders replace it, older ones only fill it', async () => {
    const cream = (extra: Record<string, unknown>) => ({ product_id: 'p-cream', name: 'Cream', price: 9, ...extra });
    const cycle = async () => (await h.database.sql`select buying_cycle_min_days as min, buying_cycle_max_days as max from products where id = 'p-cream'`)
      .map((r) => [r.min, r.max])[0];
    await h.post('/v1/track', orderEvent('o-500', 'Order Completed', '2025-07-01T00:00:00Z', 'm-500', { products: [cream({})] }));
    expect(await cycle()).toEqual([null, null]);
    await h.post('/v1/track', orderEvent('o-501', 'Order Completed', '2025-06-01T00:00:00Z', 'm-501', { products: [cream({ buying_cycle_days: 56, buying_cycle_max_days: 84 })] }));
    expect(await cycle()).toEqual([56, 84]);
    await h.post('/v1/track', orderEvent('o-502', 'Order Completed', '2025-05-01T00:00:00Z', 'm-502', { products: [cream({ buying_cycle_days: 10 })] }));
    expect(await cycle()).toEqual([56, 84]);
    await h.post('/v1/track', orderEvent('o-503', 'Order Completed', '2025-08-01T00:00:00Z', 'm-503', { products: [cream({ buying_cycle_days: 30 })] }));
    expect(await cycle()).toEqual([30, 30]);
    await h.post('/v1/track', orderEvent('o-504', 'Order Completed', '2025-09-01T00:00:00Z', 'm-504', { products: [cream({})] }));
    expect(await cycle()).toEqual([30, 30]);

    const refused = await h.post('/v1/track', orderEvent('o-505', 'Order Completed', '2025-09-02T00:00:00Z', 'm-505', { products: [cream({ buying_cycle_days: 90, buying_cycle_max_days: 60 })] }));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('buying_cycle_max_days');
    const zero = await h.post('/v1/track', orderEvent('o-506', 'Order Completed', '2025-09-02T00:00:00Z', 'm-506', { products: [cream({ buying_cycle_days: 0 })] }));
    expect(zero.status).toBe(400);
    expect(JSON.stringify(zero.json)).toContain('buying_cycle_days must be a whole number of days from 1 to 3650');
  });
});

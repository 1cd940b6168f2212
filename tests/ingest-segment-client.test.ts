// Segment compatibility, proven with Segment's own Node client pointed at Afterglow:
// its batches, Basic auth, messageIds and timestamps are accepted as sent.
import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { KEY, startIngestHarness, type IngestHarness } from './ingest-harness';

let h: IngestHarness;
beforeAll(async () => { h = await startIngestHarness(); });
afterAll(() => h.close());

it('stores what @segment/analytics-node sends', async () => {
  const errors: unknown[] = [];
  const analytics = new Analytics({ writeKey: KEY, host: h.base, flushAt: 10, flushInterval: 60_000, maxRetries: 0 });
  analytics.on('error', (err) => errors.push(err));
  analytics.identify({ userId: 'cust_seg', traits: { email: 'seg@example.com', firstName: 'Sega', favouriteTeam: 'Red Star' } });
  analytics.track({
    userId: 'cust_seg', event: 'Order Completed', timestamp: new Date('2025-05-30T12:00:00Z'),
    properties: { order_id: 'seg-1', total: 19.9, products: [{ product_id: 'p9', name: 'Scarf', price: 19.9, quantity: 1 }] },
  });
  await analytics.closeAndFlush();
  expect(errors).toEqual([]);

  const [customer] = await h.database.sql`select email, first_name, attributes from customers where id = 'cust_seg'`;
  expect({ ...customer }).toEqual({ email: 'seg@example.com', first_name: 'Sega', attributes: { favouriteTeam: 'Red Star' } });
  expect(h.stored.flat()).toEqual([expect.objectContaining({
    name: 'Order Completed', customerId: 'cust_seg', timestamp: new Date('2025-05-30T12:00:00Z'),
    properties: expect.objectContaining({ order_id: 'seg-1' }),
  })]);
  // The client's own messageIds are the idempotency keys.
  const ids = await h.database.sql`select message_id from events where customer_id = 'cust_seg'`;
  expect(ids).toHaveLength(2);
  for (const { message_id } of ids) expect(message_id).toMatch(/\S{8,}/);
});

// An order as ingestion stored it, for emails whose trigger names an order without listing it:
// a delivery (`order_delivered`, a Shopify fulfillment), a review, a refund. The review request
// the playbook sends 7–15 days after delivery must still list what was bought, with a review link
// per item. Read in the Segment e-commerce shape the merge data already understands, so an order
// from the database and one from the event become the same {{ order }}; a line without its own
// link or picture takes the catalogue's. One statement per batch.
import type { Queryable } from '@afterglow/db';
import { batchInTick } from './tick-batch';

export interface StoredOrderRequest { workspaceId: string; customerId: string; orderId: string }

/** Segment-shaped order properties (order_id, total, currency, products), or null for an order not stored. */
export type StoredOrder = Record<string, unknown> | null;

export async function loadStoredOrders(sql: Queryable, requests: StoredOrderRequest[]): Promise<StoredOrder[]> {
  if (requests.length === 0) return [];
  const rows = await sql<{ idx: number; order: Record<string, unknown> }[]>`
    select r.idx, jsonb_build_object('order_id', o.id, 'total', o.total, 'currency', o.currency,
      'products', coalesce((select jsonb_agg(jsonb_build_object('product_id', i.product_id, 'sku', coalesce(i.sku, ''), 'name', i.name,
          'category', coalesce(i.category, ''), 'brand', coalesce(i.brand, ''), 'price', i.price, 'quantity', i.quantity,
          'url', coalesce(i.product_url, p.url, ''), 'image_url', coalesce(i.image_url, p.image_url, '')) order by i.line)
        from order_items i left join products p on p.workspace_id = i.workspace_id and p.id = i.product_id
        where i.workspace_id = o.workspace_id and i.order_id = o.id), '[]'::jsonb)) as order
    from unnest(${requests.map((_, i) => i)}::int[], ${requests.map((r) => r.workspaceId)}::text[],
      ${requests.map((r) => r.customerId)}::text[], ${requests.map((r) => r.orderId)}::text[]) as r(idx, ws, cust, order_id)
    join orders o on o.workspace_id = r.ws and o.id = r.order_id and o.customer_id = r.cust`;
  const found: StoredOrder[] = requests.map(() => null);
  for (const row of rows) found[row.idx] = row.order;
  return found;
}

/** Loads the orders asked for in one tick together. */
export const createStoredOrderLoader = (sql: Queryable) => batchInTick((requests: StoredOrderRequest[]) => loadStoredOrders(sql, requests));

/**
 * The trigger's properties with the stored order filled in where the event names an order
 * (`order_id`) but lists no products: what the event says wins, the stored order fills the rest.
 */
export async function withStoredOrder(
  properties: Record<string, unknown>, scope: { workspaceId: string; customerId: string },
  load: (request: StoredOrderRequest) => Promise<StoredOrder>,
): Promise<Record<string, unknown>> {
  const orderId = properties.order_id;
  if ((typeof orderId !== 'string' && typeof orderId !== 'number') || Array.isArray(properties.products)) return properties;
  const stored = await load({ ...scope, orderId: String(orderId) });
  if (!stored) return properties;
  const { total, currency, products } = stored;
  return { total, currency, ...properties, products };
}

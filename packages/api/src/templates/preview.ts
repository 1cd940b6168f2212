// The editor's preview and test send: the data a template (saved or not) is rendered with
// for one real customer, their latest order standing in as the trigger, exactly as a
// journey email would be rendered for them. The rendering itself happens in the sandbox.
import type { Queryable } from '@afterglow/db';
import {
  buildMergeData, defaultShop, loadShopExtras, type MergeCustomerInput, type MergeData, type MergeEventInput,
} from '@afterglow/email';
import { notFound } from '../journeys/errors';

interface OrderItemRow {
  orderId: string; total: number; currency: string; productId: string; name: string; category: string | null;
  brand: string | null; price: number; quantity: number; sku: string | null; imageUrl: string | null; url: string | null;
}

/** The customer's latest order as Segment "Order Completed" properties, or null without orders. */
async function latestOrderEvent(sql: Queryable, workspaceId: string, customerId: string): Promise<MergeEventInput | null> {
  const items = await sql<OrderItemRow[]>`
    with latest as (
      select id, total, currency from orders where workspace_id = ${workspaceId} and customer_id = ${customerId}
      order by placed_at desc limit 1)
    select l.id as "orderId", l.total::float8 as total, l.currency, i.product_id as "productId", i.name, i.category, i.brand,
           i.price::float8 as price, i.quantity, i.sku, coalesce(i.image_url, p.image_url) as "imageUrl",
           coalesce(i.product_url, p.url) as url
    from latest l
    left join order_items i on i.workspace_id = ${workspaceId} and i.order_id = l.id
    left join products p on p.workspace_id = i.workspace_id and p.id = i.product_id
    order by i.line`;
  if (items.length === 0) return null;
  const { orderId, total, currency } = items[0];
  return {
    name: 'Order Completed',
    properties: {
      order_id: orderId, total, currency,
      products: items.filter((i) => i.productId !== null).map((i) => ({
        product_id: i.productId, name: i.name, category: i.category ?? '', brand: i.brand ?? '', price: i.price,
        quantity: i.quantity, sku: i.sku ?? '', image_url: i.imageUrl ?? '', url: i.url ?? '',
      })),
    },
  };
}

/** Merge data for one customer, loaded the way the engine loads it for a journey email. */
export async function customerMergeData(sql: Queryable, workspaceId: string, customerId: string, now: Date): Promise<MergeData> {
  const [customer] = await sql<MergeCustomerInput[]>`
    select id, email, first_name as "firstName", last_name as "lastName", timezone, birthday, attributes
    from customers where workspace_id = ${workspaceId} and id = ${customerId}`;
  if (!customer) throw notFound('customer', customerId, 'customerId');
  const trigger = await latestOrderEvent(sql, workspaceId, customerId);
  const products = (trigger?.properties.products as { product_id: string }[] | undefined) ?? [];
  const [{ shopName, shopUrl, ...extras }] = await loadShopExtras(sql, [{ workspaceId, customerId, productIds: products.map((p) => p.product_id) }]);
  // A preview has no run, so no coupon was issued: show a sample so coupon blocks are visible.
  return buildMergeData(customer, trigger, { name: shopName ?? defaultShop.name, url: shopUrl ?? defaultShop.url },
    { ...extras, coupon: { code: 'PREVIEW-10', description: '10% off your next order', expiresAt: new Date(now.getTime() + 30 * 86400e3).toISOString() } });
}

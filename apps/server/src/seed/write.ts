// Writes the generated demo shop with one INSERT per table (JSON sent as text: the shared
// pool is wrapped by drizzle, which disables postgres.js's own json/date serializers).
import { rebuildEventNames } from '@afterglow/db';
import type postgres from 'postgres';
import type { DemoShop } from './generate';

const json = (rows: unknown) => JSON.stringify(rows);

export async function writeDemoShop(tx: postgres.TransactionSql, workspaceId: string, shop: DemoShop, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx`
    insert into customers (workspace_id, id, email, first_name, last_name, birthday, timezone, locale, marketing_consent, attributes, created_at, updated_at)
    select ${workspaceId}, c.id, c.email, c.first_name, c.last_name, c.birthday, c.timezone, c.locale, c.marketing_consent, c.attributes, c.created_at,
      ${at}::timestamptz
    from jsonb_to_recordset(${json(shop.customers)}::text::jsonb) as c(
      id text, email text, first_name text, last_name text, birthday date, timezone text, locale text,
      marketing_consent boolean, attributes jsonb, created_at timestamptz)`;
  await tx`
    insert into products (workspace_id, id, sku, name, category, brand, price, image_url, url, buying_cycle_min_days, buying_cycle_max_days)
    select ${workspaceId}, p.id, p.sku, p.name, p.category, p.brand, p.price, p."imageUrl", p.url, p."buyingCycleMinDays", p."buyingCycleMaxDays"
    from jsonb_to_recordset(${json(shop.products)}::text::jsonb) as p(
      id text, sku text, name text, category text, brand text, price numeric, "imageUrl" text, url text,
      "buyingCycleMinDays" int, "buyingCycleMaxDays" int)`;
  await tx`
    insert into category_buying_cycles (workspace_id, category, min_days, max_days)
    select ${workspaceId}, c.category, c."minDays", c."maxDays"
    from jsonb_to_recordset(${json(shop.categoryCycles)}::text::jsonb) as c(category text, "minDays" int, "maxDays" int)`;
  await tx`
    insert into orders (workspace_id, id, customer_id, status, currency, total, placed_at, updated_at)
    select ${workspaceId}, o.id, o.customer_id, o.status, o.currency, o.total, o.placed_at, o.placed_at
    from jsonb_to_recordset(${json(shop.orders)}::text::jsonb) as o(
      id text, customer_id text, status text, currency text, total numeric, placed_at timestamptz)`;
  await tx`
    insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, category, brand, price, quantity)
    select ${workspaceId}, i.order_id, i.line, i.customer_id, i.product_id, i.name, i.category, i.brand, i.price, i.quantity
    from jsonb_to_recordset(${json(shop.items)}::text::jsonb) as i(
      order_id text, line int, customer_id text, product_id text, name text, category text, brand text, price numeric, quantity int)`;
  // The order history as the shop would have sent it (Segment e-commerce "Order Completed"),
  // built in SQL from the rows just written; these are history, so no journey enrols them.
  await tx`
    insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp, received_at)
    select o.workspace_id, 'seed-' || o.id, 'track', o.customer_id, 'Order Completed',
      jsonb_build_object('order_id', o.id, 'total', o.total, 'currency', o.currency, 'products', (
        select jsonb_agg(jsonb_build_object(
          'product_id', p.id, 'sku', p.sku, 'name', p.name, 'category', p.category, 'brand', p.brand,
          'price', i.price, 'quantity', i.quantity, 'url', p.url, 'image_url', p.image_url) order by i.line)
        from order_items i join products p on p.workspace_id = i.workspace_id and p.id = i.product_id
        where i.workspace_id = o.workspace_id and i.order_id = o.id)),
      o.placed_at, o.placed_at
    from orders o where o.workspace_id = ${workspaceId}`;
  // The event picker offers what the shop sent: the history above, counted.
  await rebuildEventNames(tx, workspaceId);
}

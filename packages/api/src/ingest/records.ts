// Orders, order items and products as rows, from Segment order events and Shopify
// webhooks alike. Each call is a fixed number of set-based statements, sent pipelined
// (postgres.js queues them on the transaction's connection in the order they are
// created, so each sees the ones before without a round trip in between). Updates converge
// whatever order they arrive in: an order's status follows the latest source timestamp
// (ties broken by lifecycle rank), its content (total, items) the latest update that
// carried content, and placed_at the earliest timestamp seen.
import type postgres from 'postgres';
import { customPlanned } from './custom-plan';
import { lineTotal, ORDER_STATUSES, type LineItem, type OrderUpdate } from './order-schema';

export interface ProductUpdate {
  id: string;
  sku: string | null;
  name: string | null;
  category: string | null;
  brand: string | null;
  price: number | null;
  image_url: string | null;
  url: string | null;
  /** The buying cycle in days (both or neither); null: this update says nothing of it. */
  cycle_min: number | null;
  cycle_max: number | null;
  /** ISO source timestamp */
  at: string;
}

const rank = (status: string) => ORDER_STATUSES.indexOf(status as never);
const ms = (iso: string) => new Date(iso).getTime();
const laterFirst = <T extends { at: string }>(a: T, b: T) => ms(a.at) - ms(b.at);

export function ensureCustomers(tx: postgres.TransactionSql, workspaceId: string, ids: string[], at: string): Promise<unknown> {
  if (ids.length === 0) return Promise.resolve();
  // Sorted, so concurrent requests take the rows' locks in the same order.
  return tx`
    insert into customers (workspace_id, id, created_at, updated_at)
    select ${workspaceId}, id, ${at}::timestamptz, ${at}::timestamptz from unnest(${tx.array([...new Set(ids)].sort())}::text[]) as id
    order by id
    on conflict (workspace_id, id) do nothing`.execute();
}

/** One row per product: fields from later updates win, earlier ones fill what later ones lack. */
function foldProducts(updates: ProductUpdate[]): ProductUpdate[] {
  const byId = new Map<string, ProductUpdate>();
  for (const u of [...updates].sort(laterFirst)) {
    const prev = byId.get(u.id);
    if (!prev) { byId.set(u.id, u); continue; }
    const merged = { ...prev } as Record<string, unknown>;
    for (const [k, v] of Object.entries(u)) if (v !== null) merged[k] = v;
    byId.set(u.id, merged as unknown as ProductUpdate);
  }
  return [...byId.values()];
}

export function upsertProducts(tx: postgres.TransactionSql, workspaceId: string, updates: ProductUpdate[]): Promise<unknown> {
  if (updates.length === 0) return Promise.resolve();
  // Sorted, so concurrent requests take the rows' locks in the same order.
  const folded = foldProducts(updates).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = JSON.stringify(folded);
  const ids = folded.map((p) => p.id);
  const insert = tx`
    insert into products (workspace_id, id, sku, name, category, brand, price, image_url, url, buying_cycle_min_days, buying_cycle_max_days, source_updated_at)
    select ${workspaceId}, u.id, u.sku, coalesce(u.name, u.id), u.category, u.brand, coalesce(u.price, 0), u.image_url, u.url, u.cycle_min, u.cycle_max, u.at
    from jsonb_to_recordset(${rows}::text::jsonb) as u(
      id text, sku text, name text, category text, brand text, price numeric, image_url text, url text, cycle_min int, cycle_max int, at timestamptz)
    order by u.id
    on conflict (workspace_id, id) do nothing`;
  // A newer update overwrites the fields it carries; an older one only fills gaps (a
  // product first seen without a name is named after its id until a name arrives).
  // Rows whose values would not change are left alone: popular products appear in many
  // concurrent orders, and an update would make each request wait for the other's lock.
  const update = tx`
    update products p set
      sku = case when u.at >= coalesce(p.source_updated_at, '-infinity') then coalesce(u.sku, p.sku) else coalesce(p.sku, u.sku) end,
      name = case when u.at >= coalesce(p.source_updated_at, '-infinity') or p.name = p.id then coalesce(u.name, p.name) else p.name end,
      category = case when u.at >= coalesce(p.source_updated_at, '-infinity') then coalesce(u.category, p.category) else coalesce(p.category, u.category) end,
      brand = case when u.at >= coalesce(p.source_updated_at, '-infinity') then coalesce(u.brand, p.brand) else coalesce(p.brand, u.brand) end,
      price = case when u.at >= coalesce(p.source_updated_at, '-infinity') then coalesce(u.price, p.price) else p.price end,
      image_url = case when u.at >= coalesce(p.source_updated_at, '-infinity') then coalesce(u.image_url, p.image_url) else coalesce(p.image_url, u.image_url) end,
      url = case when u.at >= coalesce(p.source_updated_at, '-infinity') then coalesce(u.url, p.url) else coalesce(p.url, u.url) end,
      -- The cycle's two ends move together (the table checks them as a pair).
      buying_cycle_min_days = case when u.cycle_min is not null and (u.at >= coalesce(p.source_updated_at, '-infinity') or p.buying_cycle_min_days is null)
        then u.cycle_min else p.buying_cycle_min_days end,
      buying_cycle_max_days = case when u.cycle_min is not null and (u.at >= coalesce(p.source_updated_at, '-infinity') or p.buying_cycle_min_days is null)
        then u.cycle_max else p.buying_cycle_max_days end,
      source_updated_at = greatest(p.source_updated_at, u.at)
    from jsonb_to_recordset(${rows}::text::jsonb) as u(
        id text, sku text, name text, category text, brand text, price numeric, image_url text, url text, cycle_min int, cycle_max int, at timestamptz)
    where p.workspace_id = ${workspaceId} and p.id = any(${tx.array(ids)}::text[]) and p.id = u.id
      and (u.sku is not null and u.sku is distinct from p.sku
        or u.name is not null and u.name is distinct from p.name
        or u.category is not null and u.category is distinct from p.category
        or u.brand is not null and u.brand is distinct from p.brand
        or u.price is not null and u.price is distinct from p.price
        or u.image_url is not null and u.image_url is distinct from p.image_url
        or u.url is not null and u.url is distinct from p.url
        or u.cycle_min is not null and (u.cycle_min, u.cycle_max) is distinct from (p.buying_cycle_min_days, p.buying_cycle_max_days))`;
  return Promise.all([insert, update]);
}

interface OrderRow {
  id: string;
  customer_id: string;
  status: string;
  status_at: string;
  placed_at: string;
  content_at: string | null;
  currency: string | null;
  total: number | null;
  items: LineItem[] | null;
}

/** Folds a request's updates per order with the same rules the SQL applies across requests. */
function foldOrders(updates: OrderUpdate[]): OrderRow[] {
  const byId = new Map<string, OrderRow>();
  const sorted = [...updates].sort((a, b) => ms(a.at) - ms(b.at) || rank(a.status) - rank(b.status));
  for (const u of sorted) {
    const row: OrderRow = byId.get(u.orderId) ?? {
      id: u.orderId, customer_id: u.customerId, status: u.status, status_at: u.at, placed_at: u.at,
      content_at: null, currency: null, total: null, items: null,
    };
    row.status = u.status;
    row.status_at = u.at;
    if (u.content) {
      row.content_at = u.at;
      row.customer_id = u.customerId;
      row.currency = u.content.currency;
      row.items = u.content.items;
      row.total = u.content.total ?? lineTotal(u.content.items);
    }
    byId.set(u.orderId, row);
  }
  return [...byId.values()];
}

/** An order as this request's upsert left it (loyalty and attribution read it from here, not from the table). */
export interface StoredOrder {
  id: string;
  customer_id: string;
  status: string;
  /** numeric, as text */
  total: string;
  currency: string;
  /** as text, to the microsecond */
  placed_at: string;
}

/**
 * Applies order updates: the orders, their products, and the items of the orders whose content
 * this call set. Returns the orders as written (one round trip: the items need to know whose
 * content won).
 */
export async function applyOrderUpdates(tx: postgres.TransactionSql, workspaceId: string, updates: OrderUpdate[], now: Date): Promise<StoredOrder[]> {
  if (updates.length === 0) return [];
  const at = now.toISOString();
  const rows = foldOrders(updates).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranks = tx.array([...ORDER_STATUSES]);
  const contentAt = JSON.stringify(Object.fromEntries(rows.flatMap((r) => (r.content_at && r.items ? [[r.id, r.content_at]] : []))));
  const orders = tx<(StoredOrder & { won: boolean; created: boolean })[]>`
    insert into orders as o (workspace_id, id, customer_id, status, currency, total, placed_at, updated_at, source_updated_at, content_updated_at)
    select ${workspaceId}, u.id, u.customer_id, u.status, coalesce(u.currency, 'EUR'), coalesce(u.total, 0), u.placed_at,
      ${at}::timestamptz, u.status_at, u.content_at
    from jsonb_to_recordset(${JSON.stringify(rows.map(({ items: _, ...r }) => r))}::text::jsonb) as u(
      id text, customer_id text, status text, currency text, total numeric, placed_at timestamptz, status_at timestamptz, content_at timestamptz)
    order by u.id
    on conflict (workspace_id, id) do update set
      status = case when (excluded.source_updated_at, array_position(${ranks}::text[], excluded.status))
          >= (coalesce(o.source_updated_at, '-infinity'), coalesce(array_position(${ranks}::text[], o.status), 0))
        then excluded.status else o.status end,
      source_updated_at = greatest(o.source_updated_at, excluded.source_updated_at),
      customer_id = case when excluded.content_updated_at >= coalesce(o.content_updated_at, '-infinity') then excluded.customer_id else o.customer_id end,
      currency = case when excluded.content_updated_at >= coalesce(o.content_updated_at, '-infinity') then excluded.currency else o.currency end,
      total = case when excluded.content_updated_at >= coalesce(o.content_updated_at, '-infinity') then excluded.total else o.total end,
      content_updated_at = greatest(o.content_updated_at, excluded.content_updated_at),
      placed_at = least(o.placed_at, excluded.placed_at),
      updated_at = excluded.updated_at
    -- Whose content won: the order's content_updated_at, just written, is this update's timestamp.
    returning o.id, o.customer_id, o.status, o.total::text as total, o.currency, o.placed_at::text as placed_at,
      coalesce(o.content_updated_at = (${contentAt}::text::jsonb ->> o.id)::timestamptz, false) as won, o.xmax = 0 as created`;
  // Created in this order, so sent and run in this order.
  const [, , stored] = await Promise.all([
    ensureCustomers(tx, workspaceId, rows.map((r) => r.customer_id), at),
    upsertProducts(tx, workspaceId, updates.flatMap((u) => (u.content?.items ?? []).map((i) => ({
      id: i.product_id, sku: i.sku ?? null, name: i.name ?? null, category: i.category ?? null, brand: i.brand ?? null,
      price: i.price ?? null, image_url: i.image_url ?? null, url: i.url ?? null,
      cycle_min: i.buying_cycle_days ?? null, cycle_max: i.buying_cycle_max_days ?? i.buying_cycle_days ?? null, at: u.at,
    })))),
    orders.execute(),
  ]);
  // The items of an order are replaced by those of the update whose content won.
  const won = new Set(stored.filter((o) => o.won).map((o) => o.id));
  const withItems = rows.filter((r) => won.has(r.id));
  // An order this statement created has no items yet (orders/delete removes an order's items first).
  const existed = new Set(stored.filter((o) => o.won && !o.created).map((o) => o.id));
  if (withItems.length > 0) await replaceItems(tx, workspaceId, withItems, [...existed]);
  return stored.map(({ won: _, created: __, ...o }) => o);
}

function replaceItems(tx: postgres.TransactionSql, workspaceId: string, withItems: OrderRow[], existed: string[]): Promise<unknown> {
  const items = withItems.flatMap((r) => r.items!.map((i, line) => ({
    order_id: r.id, line: line + 1, customer_id: r.customer_id, product_id: i.product_id,
    name: i.name ?? i.product_id, category: i.category ?? null, brand: i.brand ?? null, price: i.price ?? null, quantity: i.quantity,
    sku: i.sku ?? null, image_url: i.image_url ?? null, product_url: i.url ?? null,
  })));
  const removeItems = tx`
    delete from order_items where workspace_id = ${workspaceId} and order_id = any(${tx.array(existed)}::text[])`;
  // Products by key (lateral ... limit 1): one probe per line, whatever the statistics say.
  const insertItems = tx`
    insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, category, brand, price, quantity, sku, image_url, product_url)
    select ${workspaceId}, i.order_id, i.line, i.customer_id, i.product_id, i.name, coalesce(i.category, p.category), coalesce(i.brand, p.brand),
      coalesce(i.price, p.price, 0), i.quantity, coalesce(i.sku, p.sku), coalesce(i.image_url, p.image_url), coalesce(i.product_url, p.url)
    from jsonb_to_recordset(${JSON.stringify(items)}::text::jsonb) as i(
      order_id text, line int, customer_id text, product_id text, name text, category text, brand text,
      price numeric, quantity int, sku text, image_url text, product_url text)
    left join lateral (select * from products p where p.workspace_id = ${workspaceId} and p.id = i.product_id limit 1) p on true`;
  return Promise.all([existed.length > 0 ? customPlanned(tx, removeItems) : null, insertItems.execute()]);
}

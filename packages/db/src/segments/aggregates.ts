// Rebuilds a workspace's order aggregates in one set-based pass: after a bulk import that
// bypassed the triggers (or to repair). Same meaning as afterglow_refresh_order_aggregates in
// drizzle/0005_segment_triggers.sql, written as plain GROUP BYs so it scales to millions of orders.
import type { Queryable as Sql } from '../client';

export async function rebuildOrderAggregates(sql: Sql, workspaceId: string): Promise<void> {
  await sql`delete from customer_order_stats where workspace_id = ${workspaceId}`;
  await sql`
    insert into customer_order_stats (workspace_id, customer_id, order_count, total_spent, first_order_at, last_order_at)
    select workspace_id, customer_id, count(*), sum(total), min(placed_at), max(placed_at) from orders
    where workspace_id = ${workspaceId} and status not in ('cancelled', 'refunded')
    group by workspace_id, customer_id`;
  await sql`delete from customer_purchases where workspace_id = ${workspaceId}`;
  await sql`
    insert into customer_purchases (workspace_id, kind, value, customer_id, first_at, last_at)
    select i.workspace_id, v.kind, v.value, i.customer_id, min(o.placed_at), max(o.placed_at)
    from order_items i
    join orders o on o.workspace_id = i.workspace_id and o.id = i.order_id
    cross join lateral (
      select 'product' as kind, i.product_id as value
      union all select 'brand', lower(i.brand) where coalesce(i.brand, '') <> ''
      union all select 'category', array_to_string((string_to_array(lower(i.category), ' > '))[1:g], ' > ')
        from generate_series(1, coalesce(cardinality(string_to_array(lower(i.category), ' > ')), 0)) as g
        where coalesce(i.category, '') <> ''
    ) v
    where i.workspace_id = ${workspaceId} and o.status not in ('cancelled', 'refunded')
    group by i.workspace_id, v.kind, v.value, i.customer_id`;
}

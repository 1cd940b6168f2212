// Rebuilds a workspace's order aggregates: after a bulk import that bypassed the triggers
// (or to repair). Calls the same SQL function the triggers call
// (afterglow_refresh_order_aggregates, drizzle/0014_aggregates_at_commit_triggers.sql), for
// every customer with orders or with aggregates left over; not the orders of erased customers.
import type { Queryable as Sql } from '../client';
import { ERASED_CUSTOMER_ID } from '../erased';

export async function rebuildOrderAggregates(sql: Sql, workspaceId: string): Promise<void> {
  await sql`
    select afterglow_refresh_order_aggregates(array_agg(workspace_id), array_agg(customer_id)) from (
      select workspace_id, customer_id from orders where workspace_id = ${workspaceId}
      union select workspace_id, customer_id from customer_order_stats where workspace_id = ${workspaceId}
      union select workspace_id, customer_id from customer_purchases where workspace_id = ${workspaceId}) t
    where customer_id <> ${ERASED_CUSTOMER_ID}`;
}

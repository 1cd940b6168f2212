// A Segment "Order Refunded" that gives back less than the order's total is a partial refund: the
// order stays in its state and in the customer's order history, as a Shopify partial refund
// leaves it (order_partially_refunded); the event still goes on the timeline and to journeys, and
// the loyalty programme takes back its share of the order's points. One lookup, only when a request
// carries a refund that names its amount.
import type postgres from 'postgres';
import { lineTotal, type OrderUpdate } from './order-schema';

/** The updates without those of partial refunds (the order's total known and more than the money given back). */
export async function withoutPartialRefunds(tx: postgres.TransactionSql, workspaceId: string, updates: OrderUpdate[]): Promise<OrderUpdate[]> {
  const refunds = updates.filter((u) => u.refunded !== undefined && u.refunded !== null);
  if (refunds.length === 0) return updates;
  const ids = [...new Set(refunds.map((u) => u.orderId))];
  const stored = await tx<{ id: string; total: number }[]>`
    select id, total::float8 as total from orders where workspace_id = ${workspaceId} and id = any(${tx.array(ids)}::text[])`;
  const totals = new Map(stored.map((o) => [o.id, o.total]));
  // An order first sent in this very request: its own total.
  for (const u of updates) {
    if (u.content && !totals.has(u.orderId)) totals.set(u.orderId, u.content.total ?? lineTotal(u.content.items));
  }
  return updates.filter((u) => u.refunded === undefined || u.refunded === null || !((totals.get(u.orderId) ?? 0) > u.refunded));
}

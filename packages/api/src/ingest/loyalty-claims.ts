// What a request's messages claim of the loyalty programme's earning rules: orders that may earn
// points, refunds (and cancellations) that take an order's points back, sign-ups and reviews.
// Pure: read from the stored messages; loyalty-earning.ts turns them into ledger rows.
import { normalizeEventName } from '@afterglow/node-sdk';
import { orderStatusOf } from './order-schema';

/** Money given back for an order; `amount` null: the whole order (a full refund or a cancellation). */
export interface RefundClaim {
  orderId: string;
  /** The refund's own id (Shopify's refund_id), else the message's: one entry per refund. */
  key: string;
  amount: number | null;
  /** ISO source timestamp: refunds of one order are counted in this order. */
  at: string;
}

/** An event that earns a fixed number of points once (its effect key). */
export interface EventClaim {
  customerId: string;
  kind: 'signup' | 'review';
  effectKey: string;
  reason: string;
}

const idText = (v: unknown): string | null =>
  (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v)) ? String(v).trim().slice(0, 200) : null;

/** A money amount as sent (19.9 or "19.90"); anything else, or a negative one, is none. */
function money(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * A refund or cancellation the event reports. `Order Refunded` (Segment) gives back its
 * `amount`, else its `total` or `revenue` (the money refunded), else the whole order; Shopify's
 * partial refunds arrive as `order_partially_refunded` with `amount`. A cancelled order gives
 * back everything.
 */
export function refundClaimOf(event: string, properties: Record<string, unknown>, at: string, messageId: string): RefundClaim | null {
  const orderId = idText(properties.order_id);
  if (!orderId) return null;
  const key = idText(properties.refund_id) ?? messageId;
  if (normalizeEventName(event) === 'order_partially_refunded') {
    const amount = money(properties.amount);
    return amount === null ? null : { orderId, key, amount, at };
  }
  const status = orderStatusOf(event, properties);
  if (status === 'cancelled') return { orderId, key, amount: null, at };
  if (status !== 'refunded') return null;
  // Shopify's orders/updated names the order's own total, and its order_refunded is a full refund
  // by Shopify's own count (every item, or the whole total): the order is refunded whole.
  const refunded = normalizeEventName(event) === 'order_updated' || properties.source === 'shopify' ? null
    : money(properties.amount) ?? money(properties.total) ?? money(properties.revenue);
  return { orderId, key, amount: refunded, at };
}

/** Sign-ups (once per customer) and reviews (once per customer and product: a resubmission earns nothing). */
export function eventClaimOf(customerId: string, event: string, properties: Record<string, unknown>): EventClaim | null {
  switch (normalizeEventName(event)) {
    case 'signed_up': return { customerId, kind: 'signup', effectKey: `signup:${customerId}`, reason: 'Signed up' };
    case 'review_submitted': {
      const product = idText(properties.product_id);
      if (!product) return null;
      const name = typeof properties.product_name === 'string' && properties.product_name.trim() ? properties.product_name.trim().slice(0, 200) : product;
      return { customerId, kind: 'review', effectKey: `review:${customerId}:${product}`, reason: `Review of ${name}` };
    }
    default: return null;
  }
}

// Order lifecycle events (Segment e-commerce spec plus Afterglow's snake_case names) and
// the shape of their properties, so orders, order items and products become rows.
import { fitsMoney } from '@afterglow/db';
import { normalizeEventName } from '@afterglow/node-sdk';
import { z } from 'zod';
import { moneyAmount, moneyMessage, QUANTITY_MAX } from '../input-policy/index';

export const ORDER_STATUSES = ['placed', 'shipped', 'delivered', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// Keys are normalised names (lower case, non-alphanumerics as `_`), as the engine's
// trigger matching normalises them.
const statusByEvent: Record<string, OrderStatus> = {
  order_completed: 'placed', order_placed: 'placed',
  order_shipped: 'shipped', order_fulfilled: 'shipped',
  order_delivered: 'delivered',
  order_cancelled: 'cancelled', order_canceled: 'cancelled',
  order_refunded: 'refunded',
};

export function orderStatusOf(event: string, properties?: Record<string, unknown>): OrderStatus | undefined {
  const key = normalizeEventName(event); // remembered per name: called several times per message
  if (key === 'order_updated') {
    // "Order Updated" becomes an order record only when it says which state the order is in
    // (Shopify's orders/updated does); without one it stays a plain event, as Segment sends it.
    const status = properties?.status;
    return typeof status === 'string' && (ORDER_STATUSES as readonly string[]).includes(status) ? status as OrderStatus : undefined;
  }
  return Object.hasOwn(statusByEvent, key) ? statusByEvent[key] : undefined;
}

const id = (field: string) => z.union([z.string().trim().min(1, `${field} must not be empty`).max(200), z.number().finite()], {
  error: (i) => (i.input === undefined ? `${field} is required` : `${field} must be a string`),
}).transform(String);

const text = (field: string, max = 500) => z.string({ error: `${field} must be a string` }).max(max, `${field} is at most ${max} characters`);
const cycleDays = (field: string) => z.number({ error: `${field} must be a whole number of days from 1 to 3650` })
  .int(`${field} must be a whole number of days from 1 to 3650`).min(1, `${field} must be a whole number of days from 1 to 3650`)
  .max(3650, `${field} must be a whole number of days from 1 to 3650`);
const url = (field: string) => z.url({ protocol: /^https?$/, error: `${field} must be an http(s) URL` }).max(2000);

export const lineItemSchema = z.looseObject({
  product_id: id('product_id'),
  sku: text('sku', 200).optional(),
  name: text('name').optional(),
  category: text('category', 200).optional(),
  brand: text('brand', 200).optional(),
  price: moneyAmount('price').optional(),
  quantity: z.number({ error: 'quantity must be a whole number' }).int('quantity must be a whole number')
    .min(1, 'quantity must be at least 1').max(QUANTITY_MAX, `quantity is at most ${QUANTITY_MAX}`).default(1),
  image_url: url('image_url').optional(),
  url: url('url').optional(),
  /** How long one lasts (replenishment): the days, or the shortest with buying_cycle_max_days the longest. */
  buying_cycle_days: cycleDays('buying_cycle_days').optional(),
  buying_cycle_max_days: cycleDays('buying_cycle_max_days').optional(),
}, { error: 'each product must be an object' }).superRefine((i, ctx) => {
  if (i.buying_cycle_max_days !== undefined && (i.buying_cycle_days === undefined || i.buying_cycle_max_days < i.buying_cycle_days)) {
    ctx.addIssue({ code: 'custom', path: ['buying_cycle_max_days'], message: 'buying_cycle_max_days needs buying_cycle_days, and at least as many days' });
  }
});

export const orderPropertiesSchema = z.looseObject({
  order_id: id('order_id'),
  total: moneyAmount('total').optional(),
  revenue: moneyAmount('revenue').optional(),
  /** On a refund: the money given back (else its total, else the whole order). */
  amount: moneyAmount('amount').optional(),
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'currency must be a three-letter ISO code such as EUR').transform((c) => c.toUpperCase()).optional(),
  products: z.array(lineItemSchema, { error: 'products must be an array' }).max(1_000, 'an order holds at most 1,000 products').optional(),
}).superRefine((p, ctx) => {
  // Without a total, the order's total is the sum of its lines, stored in the same column.
  if (p.total === undefined && p.revenue === undefined && p.products && !fitsMoney(lineTotal(p.products))) {
    ctx.addIssue({ code: 'custom', path: ['products'], message: `${moneyMessage('the sum of price × quantity')} (send total)` });
  }
});

/** An order's total from its lines, when it names none. */
export const lineTotal = (items: readonly { price?: number; quantity: number }[] | null) =>
  (items ?? []).reduce((sum, i) => sum + (i.price ?? 0) * i.quantity, 0);

export type LineItem = z.output<typeof lineItemSchema>;

/** One change to an order, from a track event or a webhook, with its source timestamp. */
export interface OrderUpdate {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  /** ISO source timestamp: the later update wins. */
  at: string;
  /** Present when the update carries the order's content (total and/or items). */
  content: { total: number | null; currency: string | null; items: LineItem[] | null } | null;
  /** A refund event's money given back, when it says: less than the order's total is a partial refund. */
  refunded?: number | null;
}

/** The order update a valid order event's properties describe. */
export function orderUpdateOf(customerId: string, event: string, properties: Record<string, unknown>, at: string): OrderUpdate | null {
  const status = orderStatusOf(event, properties);
  if (!status) return null;
  const p = orderPropertiesSchema.parse(properties);
  const total = p.total ?? p.revenue ?? null;
  // A refund's total and products are what was given back, not the order's: the order keeps its
  // own (Shopify's orders/updated of a refunded order names the order's own, and they count).
  const refund = status === 'refunded' && normalizeEventName(event) !== 'order_updated';
  const hasContent = !refund && (total !== null || p.products !== undefined);
  return {
    orderId: p.order_id, customerId, status, at,
    content: hasContent ? { total, currency: p.currency ?? null, items: p.products ?? null } : null,
    // Shopify's refunds/create already told a full refund (order_refunded) from a partial one.
    refunded: refund && p.source !== 'shopify' ? p.amount ?? total : null,
  };
}

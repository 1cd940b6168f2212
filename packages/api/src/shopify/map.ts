// Shopify payloads mapped into the records Segment messages make: orders become order
// events (through the same store and enrolment hook), customers identify messages,
// products product rows. Message ids derive from the webhook id, so a redelivery that
// slipped past the receipt check would still be stored once.
import { canonicalLanguageTag } from '@afterglow/i18n';
import type { OrderStatus } from '../ingest/order-schema';
import type { ProductUpdate } from '../ingest/records';
import type { ParsedMessage } from '../ingest/schema';
import type { ShopifyCustomer, ShopifyOrder, ShopifyProduct, ShopifyRefund } from './payloads';

export class ShopifyPayloadError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

// orders/fulfilled counts as order_shipped for journeys. orders/updated is "order_updated"
// carrying the state the order is in, so it updates the record (last writer wins by
// updated_at) without enrolling "Order Completed" journeys a second time.
const orderEvents = {
  'orders/create': 'Order Completed', 'orders/fulfilled': 'order_shipped', 'orders/cancelled': 'order_cancelled',
  'orders/updated': 'order_updated',
} as const;
export type OrderTopic = keyof typeof orderEvents;

function stateOf(order: ShopifyOrder): OrderStatus {
  if (order.cancelled_at) return 'cancelled';
  if (order.financial_status === 'refunded') return 'refunded';
  if (order.fulfillment_status === 'fulfilled') return 'shipped';
  return 'placed';
}

const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

/** The customer's language: their own, else the one they checked out in (an order's customer_locale); only real tags. */
const languageOf = (own: string | null | undefined, checkout: string | null | undefined) =>
  canonicalLanguageTag(own) ?? canonicalLanguageTag(checkout) ?? undefined;

/** `checkoutLocale`: an order's customer_locale, the customer's language when their profile has none. */
export function customerTraits(c: ShopifyCustomer, checkoutLocale?: string | null): Record<string, unknown> {
  const consent = c.email_marketing_consent?.state ? c.email_marketing_consent.state === 'subscribed' : c.accepts_marketing;
  return defined({
    email: c.email ?? undefined, first_name: c.first_name, last_name: c.last_name, locale: languageOf(c.locale, checkoutLocale),
    marketing_consent: consent ?? undefined, shopify_customer_id: c.id, tags: c.tags || undefined,
  });
}

export function customerMessage(c: ShopifyCustomer, messageId: string, checkoutLocale?: string | null): ParsedMessage {
  return { kind: 'identify', msg: { type: 'identify', userId: c.id, messageId, timestamp: c.updated_at, traits: customerTraits(c, checkoutLocale) } };
}

export function orderMessages(topic: OrderTopic, order: ShopifyOrder, webhookId: string): ParsedMessage[] {
  const customerId = order.customer?.id ?? order.email?.toLowerCase();
  if (!customerId) throw new ShopifyPayloadError('customer.id', `order ${order.id}: customer.id or email is required to know whose order it is`);
  const timestamp = topic === 'orders/create' ? order.created_at
    : topic === 'orders/cancelled' ? order.cancelled_at ?? order.updated_at : order.updated_at;
  const products = order.line_items.filter((i) => i.quantity > 0).map((i) => defined({
    // Custom line items have no product: they are keyed by their line id.
    product_id: i.product_id ?? i.variant_id ?? `line-${i.id}`,
    sku: i.sku, name: i.title ?? i.name, brand: i.vendor, price: i.price, quantity: i.quantity,
  }));
  const messages: ParsedMessage[] = [];
  if (order.customer) messages.push(customerMessage(order.customer, `shopify:${webhookId}:customer`, order.customer_locale));
  // A guest checkout is keyed by its email, which is also where its emails go.
  else {
    const traits = defined({ email: customerId, locale: languageOf(null, order.customer_locale) });
    messages.push({ kind: 'identify', msg: { type: 'identify', userId: customerId, messageId: `shopify:${webhookId}:customer`, timestamp: order.created_at, traits } });
  }
  messages.push({
    kind: 'track',
    msg: {
      type: 'track', userId: customerId, event: orderEvents[topic], messageId: `shopify:${webhookId}`, timestamp,
      properties: defined({
        order_id: order.id, total: order.total_price, currency: order.currency, products, source: 'shopify',
        status: topic === 'orders/updated' ? stateOf(order) : undefined,
        discount_codes: order.discount_codes?.some((d) => d.code.trim()) ? order.discount_codes.map((d) => d.code).filter((c) => c.trim()) : undefined,
      }),
    },
  });
  return messages;
}

export function productUpdate(p: ShopifyProduct, shopDomain: string | undefined): ProductUpdate {
  const variant = p.variants[0];
  return {
    id: p.id, name: p.title, sku: variant?.sku ?? null, category: p.product_type || null, brand: p.vendor || null,
    price: variant?.price ?? null, image_url: p.image?.src ?? p.images[0]?.src ?? null,
    url: shopDomain && p.handle ? `https://${shopDomain}/products/${p.handle}` : null,
    at: p.updated_at,
  };
}

/**
 * refunds/create: a refund giving back every item (or at least the order's total) refunds
 * the order (order_refunded: it leaves order history and segments' totals); a partial one is
 * recorded as order_partially_refunded on the customer's timeline, the order unchanged.
 * The refund names only the order, so its customer and size come from the stored order.
 */
export function refundMessage(refund: ShopifyRefund, order: { customerId: string; total: number; quantity: number }, webhookId: string): ParsedMessage {
  const quantity = refund.refund_line_items.reduce((n, l) => n + l.quantity, 0);
  const amount = refund.transactions.filter((t) => t.kind === 'refund').reduce((n, t) => n + (t.amount ?? 0), 0);
  const full = (order.quantity > 0 && quantity >= order.quantity) || (order.total > 0 && amount >= order.total);
  return {
    kind: 'track',
    msg: {
      type: 'track', userId: order.customerId, event: full ? 'order_refunded' : 'order_partially_refunded',
      messageId: `shopify:${webhookId}`, timestamp: refund.created_at,
      properties: { order_id: refund.order_id, refund_id: refund.id, amount, quantity, source: 'shopify' },
    },
  };
}

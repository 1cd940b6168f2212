// Shopify payloads mapped into the records Segment messages make: orders become order
// events (through the same store and enrolment hook), customers identify messages,
// products product rows. Message ids derive from the webhook id, so a redelivery that
// slipped past the receipt check would still be stored once.
import { canonicalLanguageTag } from '@afterglow/i18n';
import type { OrderStatus } from '../ingest/order-schema';
import type { ProductUpdate } from '../ingest/records';
import type { ParsedMessage } from '../ingest/schema';
import type { ShopifyCustomer, ShopifyOrder, ShopifyProduct, ShopifyRefund } from './payloads';

// orders/fulfilled counts as order_shipped for journeys. orders/updated is "order_updated"
// carrying the state the order is in, so it updates the record (last writer wins by
// updated_at) without enrolling "Order Completed" journeys a second time. orders/paid is
// "order_paid": an event for journeys (e.g. thank a pending order once paid), no new state.
const orderEvents = {
  'orders/create': 'Order Completed', 'orders/fulfilled': 'order_shipped', 'orders/cancelled': 'order_cancelled',
  'orders/updated': 'order_updated', 'orders/paid': 'order_paid',
} as const;
export type OrderTopic = keyof typeof orderEvents;

function stateOf(order: ShopifyOrder): OrderStatus {
  if (order.cancelled_at) return 'cancelled';
  if (order.financial_status === 'refunded') return 'refunded';
  if (order.fulfillment_status === 'fulfilled') return 'shipped';
  return 'placed';
}

export const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

/** The customer's language: their own, else the one they checked out in (an order's customer_locale); only real tags. */
export const languageOf = (own: string | null | undefined, checkout: string | null | undefined) =>
  canonicalLanguageTag(own) ?? canonicalLanguageTag(checkout) ?? undefined;

/** `checkoutLocale`: an order's customer_locale, the customer's language when their profile has none. */
export function customerTraits(c: ShopifyCustomer, checkoutLocale?: string | null): Record<string, unknown> {
  const consent = c.email_marketing_consent?.state ? c.email_marketing_consent.state === 'subscribed' : c.accepts_marketing;
  return defined({
    email: c.email ?? undefined, first_name: c.first_name, last_name: c.last_name, locale: languageOf(c.locale, checkoutLocale),
    marketing_consent: consent ?? undefined, shopify_customer_id: c.id, tags: c.tags || undefined,
  });
}

/** `at`: when the customer was seen when the profile carries no updated_at (Shopify's samples); else now. */
export function customerMessage(c: ShopifyCustomer, messageId: string, checkoutLocale?: string | null, at?: string): ParsedMessage {
  return { kind: 'identify', msg: { type: 'identify', userId: c.id, messageId, timestamp: c.updated_at ?? at, traits: customerTraits(c, checkoutLocale) } };
}

/**
 * Whose order it is: its customer, else its email (a guest checkout, where its emails go),
 * else the order itself (a POS or API order with no customer and "email": ""): a profile
 * without an email, so the order still counts in revenue and analytics.
 */
export const orderCustomerId = (order: { id: string; customer?: { id: string } | null; email?: string | null }) =>
  order.customer?.id ?? order.email?.toLowerCase() ?? `shopify-order-${order.id}`;

/** An order's or checkout's lines as Segment products. Custom line items have no product: they are keyed by their line id. */
export const productsOf = (lines: Array<{ id?: string | null; product_id?: string | null; variant_id?: string | null; sku?: string | null;
  title?: string | null; name?: string | null; vendor?: string | null; price: number; quantity: number }>) =>
  lines.filter((i) => i.quantity > 0).map((i, n) => defined({
    product_id: i.product_id ?? i.variant_id ?? `line-${i.id ?? n + 1}`,
    sku: i.sku, name: i.title ?? i.name, brand: i.vendor, price: i.price, quantity: i.quantity,
  }));

/** The identify for an order's or checkout's buyer: their customer profile, else the guest's email (if any). */
export function buyerMessage(customerId: string, from: { customer?: ShopifyCustomer | null; email?: string | null; customer_locale?: string | null },
  messageId: string, at: string): ParsedMessage {
  if (from.customer) return customerMessage(from.customer, messageId, from.customer_locale, at);
  const traits = defined({ email: from.email?.toLowerCase(), locale: languageOf(null, from.customer_locale) });
  return { kind: 'identify', msg: { type: 'identify', userId: customerId, messageId, timestamp: at, traits } };
}

/** The tracking of an order's latest shipment that has any. */
function trackingOf(order: ShopifyOrder): Record<string, unknown> {
  const shipment = (order.fulfillments ?? []).findLast((f) => f.tracking_number || f.tracking_url);
  return shipment ? defined({ tracking_company: shipment.tracking_company, tracking_number: shipment.tracking_number, tracking_url: shipment.tracking_url }) : {};
}

export function orderMessages(topic: OrderTopic, order: ShopifyOrder, webhookId: string): ParsedMessage[] {
  const customerId = orderCustomerId(order);
  const timestamp = topic === 'orders/create' ? order.created_at
    : topic === 'orders/cancelled' ? order.cancelled_at ?? order.updated_at : order.updated_at;
  const messages = [buyerMessage(customerId, order, `shopify:${webhookId}:customer`, order.updated_at)];
  messages.push({
    kind: 'track',
    msg: {
      type: 'track', userId: customerId, event: orderEvents[topic], messageId: `shopify:${webhookId}`, timestamp,
      properties: defined({
        order_id: order.id, total: order.total_price, currency: order.currency, products: productsOf(order.line_items), source: 'shopify',
        checkout_token: order.checkout_token ?? undefined,
        shipping_address: order.shipping_address ?? undefined,
        ...(topic === 'orders/fulfilled' ? trackingOf(order) : {}),
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
    cycle_min: null, cycle_max: null,
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
      messageId: `shopify:${webhookId}`, timestamp: refund.created_at ?? refund.processed_at ?? undefined,
      properties: { order_id: refund.order_id, refund_id: refund.id, amount, quantity, source: 'shopify' },
    },
  };
}

// Shopify payloads mapped into the records Segment messages make: orders become order
// events (through the same store and enrolment hook), customers identify messages,
// products product rows. Message ids derive from the webhook id, so a redelivery that
// slipped past the receipt check would still be stored once.
import type { ProductUpdate } from '../ingest/records';
import type { ParsedMessage } from '../ingest/schema';
import type { ShopifyCustomer, ShopifyOrder, ShopifyProduct } from './payloads';

export class ShopifyPayloadError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

// orders/fulfilled counts as order_shipped for journeys.
const orderEvents = { 'orders/create': 'Order Completed', 'orders/fulfilled': 'order_shipped', 'orders/cancelled': 'order_cancelled' } as const;
export type OrderTopic = keyof typeof orderEvents;

const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

export function customerTraits(c: ShopifyCustomer): Record<string, unknown> {
  const consent = c.email_marketing_consent?.state ? c.email_marketing_consent.state === 'subscribed' : c.accepts_marketing;
  return defined({
    email: c.email ?? undefined, first_name: c.first_name, last_name: c.last_name,
    marketing_consent: consent ?? undefined, shopify_customer_id: c.id, shopify_tags: c.tags || undefined,
  });
}

export function customerMessage(c: ShopifyCustomer, messageId: string): ParsedMessage {
  return { kind: 'identify', msg: { type: 'identify', userId: c.id, messageId, timestamp: c.updated_at, traits: customerTraits(c) } };
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
  if (order.customer) messages.push(customerMessage(order.customer, `shopify:${webhookId}:customer`));
  // A guest checkout is keyed by its email, which is also where its emails go.
  else messages.push({ kind: 'identify', msg: { type: 'identify', userId: customerId, messageId: `shopify:${webhookId}:customer`, timestamp: order.created_at, traits: { email: customerId } } });
  messages.push({
    kind: 'track',
    msg: {
      type: 'track', userId: customerId, event: orderEvents[topic], messageId: `shopify:${webhookId}`, timestamp,
      properties: defined({
        order_id: order.id, total: order.total_price, currency: order.currency, products, source: 'shopify',
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

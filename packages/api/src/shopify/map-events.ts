// Shopify topics that become events for journeys (Segment-style track messages under
// names the event picker and docs list): fulfilment tracking, delivery, checkouts with their
// cart and recovery link, email marketing consent, deleted orders. Message ids derive from
// the webhook id, as for orders.
import type { ParsedMessage } from '../ingest/schema';
import type { ShopifyCheckout, ShopifyConsent, ShopifyFulfillment } from './event-payloads';
import { buyerMessage, defined, productsOf } from './map';

const track = (userId: string, event: string, webhookId: string, timestamp: string | null | undefined, properties: Record<string, unknown>): ParsedMessage =>
  ({ kind: 'track', msg: { type: 'track', userId, event, messageId: `shopify:${webhookId}`, timestamp: timestamp ?? undefined, properties } });

/**
 * fulfillments/create is "fulfillment_created", fulfillments/update "fulfillment_updated",
 * each with the tracking number and URL; a fulfilment whose carrier reports it delivered is
 * "order_delivered" instead, which also moves the stored order to delivered.
 */
export function fulfillmentMessage(f: ShopifyFulfillment, created: boolean, customerId: string, webhookId: string): ParsedMessage {
  const tracking = defined({
    order_id: f.order_id, fulfillment_id: f.id, status: f.status, shipment_status: f.shipment_status,
    tracking_company: f.tracking_company, tracking_number: f.tracking_number ?? f.tracking_numbers?.[0],
    tracking_url: f.tracking_url ?? f.tracking_urls?.[0], source: 'shopify',
  });
  const at = f.updated_at ?? f.created_at;
  if (f.shipment_status === 'delivered') return track(customerId, 'order_delivered', webhookId, at, tracking);
  return track(customerId, created ? 'fulfillment_created' : 'fulfillment_updated', webhookId, at,
    { ...tracking, products: productsOf(f.line_items) });
}

/** Whose checkout it is: its customer, else its email; a checkout with neither reaches no one. */
export const checkoutCustomerId = (c: ShopifyCheckout) => c.customer?.id ?? c.email?.toLowerCase() ?? null;

/**
 * checkouts/create is "Checkout Started" (Segment's e-commerce name), checkouts/update
 * "checkout_updated": the cart (products, total), and recovery_url, the link that restores
 * it, for an abandoned-checkout email's merge data. checkout_id is the checkout's token,
 * which the order completing it carries as checkout_token.
 */
export function checkoutMessages(c: ShopifyCheckout, created: boolean, customerId: string, webhookId: string): ParsedMessage[] {
  const at = c.updated_at ?? c.created_at;
  return [
    buyerMessage(customerId, c, `shopify:${webhookId}:customer`, at),
    track(customerId, created ? 'Checkout Started' : 'checkout_updated', webhookId, at, defined({
      checkout_id: c.token, total: c.total_price, currency: c.currency, products: productsOf(c.line_items),
      recovery_url: c.abandoned_checkout_url, completed: c.completed_at ? true : undefined, source: 'shopify',
    })),
  ];
}

const CONSENT_STATES: Record<string, boolean> = { subscribed: true, not_subscribed: false, unsubscribed: false, redacted: false, invalid: false };

/**
 * customers_email_marketing_consent/update: the consent becomes the profile's
 * marketing_consent (ingestion withdraws consent, never grants it back: see profiles.ts) and a
 * "marketing_consent_updated" event. A state Shopify leaves null changes nothing.
 */
export function consentMessages(c: ShopifyConsent, webhookId: string, now: Date): ParsedMessage[] {
  const state = c.email_marketing_consent?.state ?? null;
  const subscribed = state !== null && Object.hasOwn(CONSENT_STATES, state) ? CONSENT_STATES[state] : undefined;
  const at = c.email_marketing_consent?.consent_updated_at ?? now.toISOString();
  const traits = defined({ email: c.email_address ?? undefined, marketing_consent: subscribed, shopify_customer_id: c.customer_id });
  return [
    { kind: 'identify', msg: { type: 'identify', userId: c.customer_id, messageId: `shopify:${webhookId}:customer`, timestamp: at, traits } },
    track(c.customer_id, 'marketing_consent_updated', webhookId, at, defined({
      state, subscribed, opt_in_level: c.email_marketing_consent?.opt_in_level, source: 'shopify',
    })),
  ];
}

/** orders/delete: "order_deleted" on its customer's timeline (the order itself is removed). */
export const orderDeletedMessage = (orderId: string, customerId: string, webhookId: string, now: Date): ParsedMessage =>
  track(customerId, 'order_deleted', webhookId, now.toISOString(), { order_id: orderId, source: 'shopify' });

// The webhook bodies of the topics that become events but no order, customer or product of
// their own: fulfilments (tracking), checkouts (abandoned carts), email marketing consent,
// and the GDPR and deletion topics. Loose objects, read leniently where Shopify's samples
// leave a field null.
import { z } from 'zod';
import { moneyAmount } from '../input-policy/index';
import { id, instant, lineItem, maybeInstant, optionalEmail, shopifyCustomerSchema, withExactId } from './payloads';

const text = (max: number) => z.string().max(max).nullish().catch(null);
// Carriers' tracking links; anything else (a bare number, a javascript: URL) is left out, never refused.
const trackingUrl = z.url({ protocol: /^https?$/ }).max(2000).nullish().catch(null);

/** fulfillments/create and fulfillments/update: which order, its tracking, and where the parcel is. */
export const shopifyFulfillmentSchema = withExactId(z.looseObject({
  id: id('id'),
  order_id: id('order_id'),
  status: text(50),
  // Shopify's last carrier update: confirmed, in_transit, out_for_delivery, delivered, failure...
  shipment_status: text(50),
  tracking_company: text(200),
  tracking_number: text(200),
  tracking_numbers: z.array(z.string().max(200)).max(100).nullish().catch(null),
  tracking_url: trackingUrl,
  tracking_urls: z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(100).nullish().catch(null),
  created_at: maybeInstant('created_at'),
  updated_at: maybeInstant('updated_at'),
  line_items: z.array(lineItem, { error: 'line_items must be an array' }).max(1_000).default([]),
}, { error: 'the body must be a fulfillment object' }));

/** checkouts/create and checkouts/update: the cart, who it is, and the link that restores it. */
export const shopifyCheckoutSchema = withExactId(z.looseObject({
  id: id('id').nullish(),
  token: z.string({ error: 'token is required' }).trim().min(1, 'token is required').max(200),
  email: optionalEmail,
  customer: shopifyCustomerSchema.nullish(),
  abandoned_checkout_url: trackingUrl,
  created_at: instant('created_at'),
  updated_at: maybeInstant('updated_at'),
  completed_at: maybeInstant('completed_at'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO code').nullish(),
  total_price: moneyAmount('total_price').nullish(),
  line_items: z.array(lineItem.extend({ id: id('id').nullish() }), { error: 'line_items must be an array' }).max(1_000).default([]),
  customer_locale: z.string().max(100).nullish().catch(null),
}, { error: 'the body must be a checkout object' }));

/** customers_email_marketing_consent/update: the customer and their consent state. */
export const shopifyConsentSchema = z.looseObject({
  customer_id: id('customer_id'),
  email_address: optionalEmail,
  email_marketing_consent: z.looseObject({
    state: text(50),
    opt_in_level: text(50),
    consent_updated_at: maybeInstant('email_marketing_consent.consent_updated_at'),
  }).nullish(),
}, { error: 'the body must be a consent object' });

/** customers/redact (GDPR, from Shopify's privacy webhooks): whose data to erase. */
export const shopifyRedactSchema = z.looseObject({
  customer: withExactId(z.looseObject({ id: id('customer.id'), email: optionalEmail }, { error: 'customer must be an object' })),
}, { error: 'the body must be a redact request' });

/** customers/delete and orders/delete: only the id of what was deleted. */
export const shopifyDeletionSchema = withExactId(z.looseObject({ id: id('id') }, { error: 'the body must be an object with an id' }));

export type ShopifyFulfillment = z.output<typeof shopifyFulfillmentSchema>;
export type ShopifyCheckout = z.output<typeof shopifyCheckoutSchema>;
export type ShopifyConsent = z.output<typeof shopifyConsentSchema>;

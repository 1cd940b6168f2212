// The parts of Shopify's webhook payloads Afterglow reads (REST Admin API shapes).
// Loose objects: Shopify sends far more, and adds fields over time.
import { z } from 'zod';
import { commaSeparatedTags, int4, moneyAmount, QUANTITY_MAX, timestamptz } from '../input-policy/index';

export const id = (field: string) => z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().trim().regex(/^\d{1,30}$/, `${field} must be a numeric id`)], {
  error: (i) => (i.input === undefined ? `${field} is required` : `${field} must be a number or string`),
}).transform(String);
export const instant = (field: string) => timestamptz(field, `${field} must be an ISO 8601 date-time`);
// Shopify's sample payloads ("Send test notification") carry null for dates such as a
// customer's updated_at or a refund's created_at: the message then takes another date, or now.
export const maybeInstant = (field: string) => instant(field).nullish();
// Guest, POS and API orders carry "email": "": no address, not a bad one.
export const optionalEmail = z.union([z.string().regex(/^\s*$/), z.email()], { error: 'email must be an email address' }).nullish()
  .transform((v) => (v?.trim() ? v : null));
// An object's admin_graphql_api_id ("gid://shopify/Order/820982911946154508") is a string, so
// never rounded: when a JSON tool between Shopify and Afterglow rounded a 64-bit id past 2^53
// (820982911946154500: a different id, the same double), the gid's exact digits are kept.
const GID = /^gid:\/\/shopify\/[A-Za-z]+\/(\d{16,30})$/;
const exactId = <T extends { id?: unknown; admin_graphql_api_id?: unknown }>(v: T): T => {
  const gid = GID.exec(String(v.admin_graphql_api_id ?? ''));
  const given = String(v.id);
  return gid && given !== gid[1] && Number(given) === Number(gid[1]) ? { ...v, id: gid[1] } : v;
};
export const withExactId = <T extends z.ZodType<{ id?: unknown }>>(schema: T) => schema.transform((v) => exactId(v as z.output<T> & { id?: unknown }));
const optionalText = z.string().max(500).nullish();
/** A line's sku and vendor become the order item's sku and brand, at most 200 characters there. */
const lineText = (field: string) => z.string().max(200, `${field} is at most 200 characters`).nullish();

export const shopifyCustomerSchema = withExactId(z.looseObject({
  id: id('id'),
  email: optionalEmail,
  first_name: optionalText,
  last_name: optionalText,
  updated_at: maybeInstant('updated_at'),
  accepts_marketing: z.boolean().nullish(),
  email_marketing_consent: z.looseObject({ state: z.string().nullish() }).nullish(),
  tags: commaSeparatedTags('tags').nullish(),
  // The customer's language ('sr-RS', 'en'); read leniently: ingestion drops a value that is no tag.
  locale: z.string().max(100).nullish().catch(null),
}, { error: 'customer must be an object' }));

export const lineItem = z.looseObject({
  id: id('id'),
  product_id: id('product_id').nullish(),
  variant_id: id('variant_id').nullish(),
  sku: lineText('sku'),
  title: z.string().max(500).nullish(),
  name: z.string().max(500).nullish(),
  vendor: lineText('vendor'),
  price: moneyAmount('price'),
  quantity: int4('quantity').max(QUANTITY_MAX, `quantity is at most ${QUANTITY_MAX}`),
});

export const shopifyOrderSchema = withExactId(z.looseObject({
  id: id('id'),
  email: optionalEmail,
  created_at: instant('created_at'),
  updated_at: instant('updated_at'),
  cancelled_at: instant('cancelled_at').nullish(),
  // Read by orders/updated for the order's state: paid, refunded, fulfilled...
  financial_status: z.string().max(50).nullish(),
  fulfillment_status: z.string().max(50).nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO code').nullish(),
  total_price: moneyAmount('total_price'),
  customer: shopifyCustomerSchema.nullish(),
  line_items: z.array(lineItem, { error: 'line_items must be an array' }).max(1_000),
  // The codes the customer entered at checkout: how an issued coupon is seen redeemed.
  // Read leniently: an odd discount entry must not make Shopify redeliver the order forever.
  discount_codes: z.array(z.looseObject({ code: z.string().max(100) })).max(100).nullish().catch(null),
  // The language the customer checked out in: their language when their profile names none.
  customer_locale: z.string().max(100).nullish().catch(null),
  // Its shipments: orders/fulfilled's order_shipped carries the latest one's tracking. Read leniently.
  fulfillments: z.array(z.looseObject({
    tracking_company: z.string().max(200).nullish(), tracking_number: z.string().max(200).nullish(),
    tracking_url: z.url({ protocol: /^https?$/ }).max(2000).nullish(),
  })).max(100).nullish().catch(null),
  // Where it goes: the referral guard compares a friend's address with the referrer's. Read leniently.
  shipping_address: z.looseObject({
    address1: z.string().max(500).nullish(), address2: z.string().max(500).nullish(), city: z.string().max(200).nullish(),
    zip: z.string().max(50).nullish(), country_code: z.string().max(10).nullish(),
  }).nullish().catch(null),
  // The checkout the order completed: lets an abandoned-checkout journey match its order.
  checkout_token: z.string().max(200).nullish().catch(null),
}, { error: 'the body must be an order object' }));

export const shopifyProductSchema = withExactId(z.looseObject({
  id: id('id'),
  title: z.string({ error: 'title is required' }).min(1).max(500),
  vendor: optionalText,
  product_type: optionalText,
  handle: z.string().max(500).nullish(),
  updated_at: instant('updated_at'),
  variants: z.array(z.looseObject({ sku: optionalText, price: moneyAmount('variants.price').nullish() })).default([]),
  image: z.looseObject({ src: z.url().nullish() }).nullish(),
  images: z.array(z.looseObject({ src: z.url().nullish() })).default([]),
}, { error: 'the body must be a product object' }));

/** refunds/create: which order, when, and what was given back (lines and/or money). */
export const shopifyRefundSchema = withExactId(z.looseObject({
  id: id('id'),
  order_id: id('order_id'),
  created_at: maybeInstant('created_at'),
  processed_at: maybeInstant('processed_at'),
  refund_line_items: z.array(z.looseObject({
    quantity: int4('refund_line_items.quantity'),
  })).max(1_000).default([]),
  transactions: z.array(z.looseObject({ kind: z.string().max(50).nullish(), amount: moneyAmount('transactions.amount').nullish() }))
    .max(1_000).default([]),
}, { error: 'the body must be a refund object' }));

export type ShopifyOrder = z.output<typeof shopifyOrderSchema>;
export type ShopifyRefund = z.output<typeof shopifyRefundSchema>;
export type ShopifyCustomer = z.output<typeof shopifyCustomerSchema>;
export type ShopifyProduct = z.output<typeof shopifyProductSchema>;

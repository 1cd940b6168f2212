// What a template can read: {{ customer.* }}, {{ event.* }}, {{ order.* }}, {{ shop.* }}.
// The order is derived from a Segment e-commerce event (Order Completed and friends), so a
// journey triggered by such an event can list what was bought without another query.
import { z } from 'zod';
import { emptyExtras, reviewUrl, type MergeExtras, type MergeReferral } from './merge-extras';
import type { ReviewPageLink } from './review-links';
import { reviewedProduct, type MergeReviewedProduct } from './reviewed-product';

/** The customer as the engine snapshots it (structurally the node SDK's CustomerSnapshot). */
export interface MergeCustomerInput {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  timezone: string;
  birthday: string | null;
  attributes: Record<string, unknown>;
  /** A BCP 47 tag (customers.locale): which variant of a template they get. */
  locale?: string | null;
}

/** The trigger event (structurally the node SDK's JourneyEvent). */
export interface MergeEventInput {
  name: string;
  properties: Record<string, unknown>;
}

export interface MergeOrderItem {
  productId: string;
  sku: string;
  name: string;
  category: string;
  brand: string;
  quantity: number;
  price: number;
  lineTotal: number;
  imageUrl: string;
  url: string;
  /** The review page for this product of this order: hosted when signed links are at hand, else the shop's form (set by buildMergeData). */
  reviewUrl?: string;
}

export interface MergeData extends MergeExtras {
  customer: {
    id: string; email: string; firstName: string; lastName: string; fullName: string;
    timezone: string; birthday: string;
    /** Custom attributes sent with identify(): {{ customer.attributes.favouriteTeam }}. */
    attributes: Record<string, unknown>;
    /** Their own referral code and link (/ref/...) to share with friends; '' where not loaded. */
    referralCode: string;
    referralUrl: string;
    /** Their hosted My rewards page (/w/...): balance, history, rewards to redeem; '' where links are not signed. */
    rewardsUrl: string;
  };
  /** The trigger event's properties, as sent. */
  event: Record<string, unknown>;
  order: {
    id: string; total: number; currency: string; itemCount: number; items: MergeOrderItem[];
    /** The hosted review page for all items of the order (the shop's address when links are not signed: a preview). */
    reviewUrl?: string;
  } | null;
  shop: { name: string; url: string };
  /** The product a review email is about (reviewed-product.ts); null when the email has no order or product. */
  reviewed: MergeReviewedProduct | null;
}

export const defaultShop = { name: 'Our shop', url: 'https://shop.example' };

// Ingested properties are untrusted JSON: coerce each field leniently rather than reject
// the whole email because one product lacks an image.
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string()).catch('');
const amount = z.coerce.number().refine(Number.isFinite).catch(0);
const productSchema = z.object({
  product_id: text, sku: text, name: text, category: text, brand: text,
  price: amount, quantity: z.coerce.number().int().min(0).catch(1), url: text, image_url: text,
}).catch({ product_id: '', sku: '', name: '', category: '', brand: '', price: 0, quantity: 1, url: '', image_url: '' });
const orderEventSchema = z.object({
  order_id: text,
  total: amount.optional(),
  revenue: amount.optional(),
  currency: z.string().regex(/^[A-Za-z]{3}$/).catch('EUR').default('EUR'),
  products: z.array(productSchema).catch([]).default([]),
});

const roundMoney = (n: number) => Math.round(n * 100) / 100;

/**
 * Reads an order out of Segment e-commerce properties; null when there is no order_id. An order
 * that names no currency is in `currency` (the shop's).
 */
export function orderFromProperties(properties: Record<string, unknown>, currency = 'EUR'): MergeData['order'] {
  if (properties.order_id === undefined || properties.order_id === null) return null;
  const named = typeof properties.currency === 'string' && /^[A-Za-z]{3}$/.test(properties.currency);
  const parsed = orderEventSchema.parse({ ...properties, currency: named ? properties.currency : currency });
  const items: MergeOrderItem[] = parsed.products.map((p) => ({
    productId: p.product_id, sku: p.sku, name: p.name, category: p.category, brand: p.brand,
    quantity: p.quantity, price: p.price, lineTotal: roundMoney(p.price * p.quantity),
    imageUrl: p.image_url, url: p.url,
  }));
  const total = parsed.total ?? parsed.revenue ?? roundMoney(items.reduce((s, i) => s + i.lineTotal, 0));
  return {
    id: parsed.order_id, total, currency: parsed.currency.toUpperCase(),
    itemCount: items.reduce((s, i) => s + i.quantity, 0), items,
  };
}

export function buildMergeData(
  customer: MergeCustomerInput,
  trigger: MergeEventInput | null,
  shop: { name: string; url: string; currency?: string; reviewPage?: ReviewPageLink } = defaultShop,
  { referral, rewardsUrl = '', ...extras }: Partial<MergeExtras> & { referral?: MergeReferral | null; rewardsUrl?: string } = {},
  /** Where {{ order }} is read from: the trigger's properties, or those with the stored order filled in (stored-orders.ts). */
  orderProperties: Record<string, unknown> = trigger?.properties ?? {},
): MergeData {
  const firstName = customer.firstName ?? '';
  const lastName = customer.lastName ?? '';
  const properties = trigger?.properties ?? {};
  const order = withReviewLinks(orderFromProperties(orderProperties, shop.currency), shop.url, shop.reviewPage);
  return {
    customer: {
      id: customer.id, email: customer.email ?? '', firstName, lastName,
      fullName: [firstName, lastName].filter(Boolean).join(' '),
      timezone: customer.timezone, birthday: customer.birthday ?? '',
      attributes: customer.attributes ?? {},
      // Without a signed link (nothing to sign it with), the shop's address, as review links do:
      // a button never leads nowhere.
      referralCode: referral?.code ?? '', referralUrl: referral?.url ?? '', rewardsUrl: rewardsUrl || shop.url,
    },
    event: properties,
    order,
    shop: { name: shop.name, url: shop.url },
    reviewed: reviewedProduct(order, properties),
    ...emptyExtras(),
    ...extras,
  };
}

function withReviewLinks(order: MergeData['order'], shopUrl: string, page: ReviewPageLink | undefined): MergeData['order'] {
  if (!order) return null;
  if (!page || !order.id) {
    return { ...order, reviewUrl: shopUrl, items: order.items.map((item) => ({ ...item, reviewUrl: reviewUrl(shopUrl, item.productId, order.id) })) };
  }
  return { ...order, reviewUrl: page(order.id), items: order.items.map((item) => ({ ...item, reviewUrl: page(order.id, item.productId || undefined) })) };
}

/** Data that has every known field, used to check templates for unknown merge fields. */
export function sampleMergeData(): MergeData {
  return buildMergeData(
    { id: 'cust_sample', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', timezone: 'UTC', birthday: '1815-12-10', attributes: {} },
    {
      name: 'Order Completed',
      properties: {
        order_id: 'order_sample', total: 42, currency: 'EUR',
        products: [{ product_id: 'p1', sku: 'SKU-1', name: 'Sample product', category: 'Sample', brand: 'Sample', price: 21, quantity: 2, url: 'https://shop.example/p1', image_url: 'https://shop.example/p1.jpg' }],
      },
    },
    defaultShop,
    {
      coupon: { code: 'SAMPLE-10', description: '10% off', expiresAt: '2026-01-31T00:00:00.000Z' },
      referral: { code: 'K7QX4M2P', url: 'https://afterglow.example/ref/ws/K7QX4M2P' },
      rewardsUrl: 'https://afterglow.example/w/sample',
      recommendations: [{ productId: 'p2', name: 'Sample add-on', category: 'Sample', price: 9, imageUrl: 'https://shop.example/p2.jpg', url: 'https://shop.example/p2', boughtTogether: 3 }],
    },
  );
}

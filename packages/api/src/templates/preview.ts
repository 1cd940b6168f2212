// The editor's preview and test send: the data a template (saved or not) is rendered with
// for one real customer, their latest order standing in as the trigger, and the language
// variant they would get (or the one the editor shows), exactly as a journey email would be
// rendered for them. The rendering itself happens in the sandbox.
import type { Queryable } from '@afterglow/db';
import {
  buildMergeData, defaultShop, languageOf, loadShopExtras, pickVariant, referralUrl, serveIn,
  type LocalisedTemplate, type MergeCustomerInput, type MergeData, type MergeEventInput, type PreviewRequest, type ServedText,
} from '@afterglow/email';
import type { Locale } from '@afterglow/i18n';
import { notFound } from '../journeys/errors';

interface OrderItemRow {
  orderId: string; total: number; currency: string; productId: string; name: string; category: string | null;
  brand: string | null; price: number; quantity: number; sku: string | null; imageUrl: string | null; url: string | null;
}

/** The customer's latest order as Segment "Order Completed" properties, or null without orders. */
async function latestOrderEvent(sql: Queryable, workspaceId: string, customerId: string): Promise<MergeEventInput | null> {
  const items = await sql<OrderItemRow[]>`
    with latest as (
      select id, total, currency from orders where workspace_id = ${workspaceId} and customer_id = ${customerId}
      order by placed_at desc limit 1)
    select l.id as "orderId", l.total::float8 as total, l.currency, i.product_id as "productId", i.name, i.category, i.brand,
           i.price::float8 as price, i.quantity, i.sku, coalesce(i.image_url, p.image_url) as "imageUrl",
           coalesce(i.product_url, p.url) as url
    from latest l
    left join order_items i on i.workspace_id = ${workspaceId} and i.order_id = l.id
    left join products p on p.workspace_id = i.workspace_id and p.id = i.product_id
    order by i.line`;
  if (items.length === 0) return null;
  const { orderId, total, currency } = items[0];
  return {
    name: 'Order Completed',
    properties: {
      order_id: orderId, total, currency,
      products: items.filter((i) => i.productId !== null).map((i) => ({
        product_id: i.productId, name: i.name, category: i.category ?? '', brand: i.brand ?? '', price: i.price,
        quantity: i.quantity, sku: i.sku ?? '', image_url: i.imageUrl ?? '', url: i.url ?? '',
      })),
    },
  };
}

type PreviewCustomer = MergeCustomerInput & { shopLocale: string | null; shopCurrency: string | null };

/**
 * The template as one customer would get it: the variant of `locale` when the editor names one
 * (a variant the template does not have shows the main text), else the one sending would pick.
 */
export async function previewFor(
  sql: Queryable, workspaceId: string, customerId: string, now: Date, template: LocalisedTemplate, locale: Locale | null,
  publicUrl = 'http://localhost:3000',
): Promise<{ request: PreviewRequest; data: MergeData; locale: Locale }> {
  const [customer] = await sql<PreviewCustomer[]>`
    select c.id, c.email, c.first_name as "firstName", c.last_name as "lastName", c.timezone, c.birthday, c.attributes, c.locale,
           w.settings->'shop'->>'locale' as "shopLocale", w.settings->'shop'->>'currency' as "shopCurrency"
    from customers c left join workspaces w on w.id = c.workspace_id
    where c.workspace_id = ${workspaceId} and c.id = ${customerId}`;
  if (!customer) throw notFound('customer', customerId, 'customerId');
  const currency = customer.shopCurrency ?? 'EUR';
  const data = await customerMergeData(sql, workspaceId, customer, currency, now, publicUrl);
  const served = locale ? variantIn(template, locale) : pickVariant(template, customer.locale, customer.shopLocale);
  const format = { locale: served.locale, currency: data.order?.currency ?? currency, timeZone: customer.timezone || 'UTC' };
  return { request: { subject: served.subject, preheader: served.preheader, body: served.body, format }, data, locale: served.locale };
}

function variantIn(template: LocalisedTemplate, locale: Locale): ServedText {
  const language = languageOf(locale);
  const text = language === template.language ? template : template.variants[language];
  return text ? serveIn(text, locale) : pickVariant(template, null, null);
}

/** Merge data for one customer, loaded the way the engine loads it for a journey email. */
async function customerMergeData(sql: Queryable, workspaceId: string, customer: MergeCustomerInput, currency: string, now: Date, publicUrl: string): Promise<MergeData> {
  const customerId = customer.id;
  const trigger = await latestOrderEvent(sql, workspaceId, customerId);
  const products = (trigger?.properties.products as { product_id: string }[] | undefined) ?? [];
  // The customer's own referral code, as the email would carry it (made now if they have none).
  const [{ shopName, shopUrl, referralCode, ...extras }] = await loadShopExtras(sql, [{ workspaceId, customerId, productIds: products.map((p) => p.product_id), referral: true, now }], now);
  const referral = referralCode ? { code: referralCode, url: referralUrl(publicUrl, workspaceId, referralCode) } : null;
  // A preview has no run, so no coupon was issued: show a sample so coupon blocks are visible. Its My
  // rewards link is a stand-in (a 400 page): a live one would let whoever gets a test email spend the customer's points.
  const rewardsUrl = `${publicUrl.replace(/\/+$/, '')}/w/preview`;
  return buildMergeData(customer, trigger, { name: shopName ?? defaultShop.name, url: shopUrl ?? defaultShop.url, currency },
    { ...extras, referral, rewardsUrl, coupon: { code: 'PREVIEW-10', description: '10% off your next order', expiresAt: new Date(now.getTime() + 30 * 86400e3).toISOString() } });
}

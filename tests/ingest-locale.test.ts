// Customers' languages from what shops send: identify traits (locale, then language), Segment's
// context.locale on any call (the device's language: it fills an unknown language, never replaces
// one the shop sent), Shopify's customer locale and an order's customer_locale (real payloads from
// tests/fixtures/shopify). Tags are stored canonical; a value that is no language tag is left out
// and the rest of the message kept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestedEvent } from '../packages/api/src/ingest/index';
import { setShopifyConnection, shopifySignature } from '../packages/api/src/shopify/index';
import { NOW, startIngestHarness, type IngestHarness } from './ingest-harness';
import { startShopifyReceiver } from './support/shopify';

const SECRET = 'shpss_locale_test';
let h: IngestHarness;
let shopify: Awaited<ReturnType<typeof startShopifyReceiver>>;

beforeAll(async () => {
  h = await startIngestHarness();
  await setShopifyConnection(h.database, 'ws_a', SECRET, null, NOW);
  shopify = await startShopifyReceiver(h.database, NOW, [] as IngestedEvent[][]);
});
afterAll(async () => {
  await shopify?.close();
  await h?.close();
});

const localeOf = async (id: string) =>
  (await h.database.sql<{ locale: string | null }[]>`select locale from customers where workspace_id = 'ws_a' and id = ${id}`)[0]?.locale;

let n = 0;
const identify = (userId: string, traits: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({ type: 'identify', userId, messageId: `loc-${++n}`, timestamp: `2025-05-01T10:00:${String(n % 60).padStart(2, '0')}Z`, traits, ...extra });

describe('identify traits', () => {
  it('stores locale and language traits as canonical tags, locale first', async () => {
    const res = await h.post('/v1/batch', { batch: [
      identify('u_loc', { locale: 'sr_RS' }),
      identify('u_lang', { language: 'sr-latn-rs' }),
      identify('u_both', { locale: 'sl-SI', language: 'ru' }),
    ] });
    expect(res.status).toBe(200);
    expect(await localeOf('u_loc')).toBe('sr-RS');
    expect(await localeOf('u_lang')).toBe('sr-Latn-RS');
    expect(await localeOf('u_both')).toBe('sl-SI');
  });

  it('keeps them out of the custom attributes (the column holds them)', async () => {
    const [row] = await h.database.sql<{ attributes: Record<string, unknown> }[]>`select attributes from customers where id = 'u_both'`;
    expect(row.attributes).not.toHaveProperty('locale');
    expect(row.attributes).not.toHaveProperty('language');
  });

  it('drops a value that is no language tag and keeps the rest of the message', async () => {
    const res = await h.post('/v1/identify', identify('u_bad', { locale: 'English', email: 'bad@example.com', plan: 'gold' }));
    expect(res.status).toBe(200);
    const [row] = await h.database.sql<{ locale: string | null; email: string; attributes: Record<string, unknown> }[]>`
      select locale, email, attributes from customers where id = 'u_bad'`;
    expect(row).toEqual({ locale: null, email: 'bad@example.com', attributes: { plan: 'gold' } });
    // The event keeps the traits as sent.
    const [event] = await h.database.sql<{ properties: Record<string, unknown> }[]>`select properties from events where customer_id = 'u_bad'`;
    expect(event.properties.locale).toBe('English');
  });

  it('falls back to language when locale is no tag, and never refuses odd values', async () => {
    const res = await h.post('/v1/batch', { batch: [
      identify('u_fallback', { locale: 'en_US.UTF-8', language: 'ru' }),
      identify('u_odd', { locale: 42, language: { code: 'sr' } }),
    ] });
    expect(res.status).toBe(200);
    expect(await localeOf('u_fallback')).toBe('ru');
    expect(await localeOf('u_odd')).toBeNull();
  });

  it('lets a newer trait replace an older one, and an older one only fill a gap', async () => {
    await h.post('/v1/identify', { ...identify('u_order', { locale: 'ru' }), timestamp: '2025-05-10T00:00:00Z' });
    await h.post('/v1/identify', { ...identify('u_order', { locale: 'sl' }), timestamp: '2025-05-09T00:00:00Z' });
    expect(await localeOf('u_order')).toBe('ru');
    await h.post('/v1/identify', { ...identify('u_order', { locale: 'sr-Cyrl' }), timestamp: '2025-05-11T00:00:00Z' });
    expect(await localeOf('u_order')).toBe('sr-Cyrl');
  });
});

describe("Segment's context.locale", () => {
  const track = (userId: string, locale: unknown, type = 'track') =>
    ({ type, userId, messageId: `ctx-${++n}`, timestamp: `2025-05-02T10:00:${String(n % 60).padStart(2, '0')}Z`,
      ...(type === 'track' ? { event: 'Viewed Product' } : {}), context: { locale, library: { name: 'analytics.js' } } });

  it('gives a customer with no language their device\'s, from any call', async () => {
    const res = await h.post('/v1/batch', { batch: [track('c_track', 'sr-latn-rs'), track('c_page', 'ru-RU', 'page'), track('c_alias_free', 'sl', 'identify')] });
    expect(res.status).toBe(200);
    expect(await localeOf('c_track')).toBe('sr-Latn-RS');
    expect(await localeOf('c_page')).toBe('ru-RU');
    expect(await localeOf('c_alias_free')).toBe('sl');
  });

  it('loses to traits, in the same message and in later ones', async () => {
    await h.post('/v1/identify', { ...identify('c_trait', { locale: 'sr-Cyrl-RS' }), context: { locale: 'en-US' } });
    expect(await localeOf('c_trait')).toBe('sr-Cyrl-RS');
    await h.post('/v1/track', track('c_trait', 'en-GB'));
    expect(await localeOf('c_trait')).toBe('sr-Cyrl-RS');
  });

  it('is ignored when it is no tag: the event is stored all the same', async () => {
    const res = await h.post('/v1/track', track('c_bad', 'C.UTF-8'));
    expect(res.status).toBe(200);
    expect(await localeOf('c_bad')).toBeNull();
    expect((await h.database.sql`select 1 from events where customer_id = 'c_bad'`).length).toBe(1);
  });
});

describe('Shopify', () => {
  const fixture = (file: string) => readFileSync(path.join(import.meta.dirname, 'fixtures/shopify', file), 'utf8');
  async function send(topic: string, id: string, raw: string) {
    const res = await fetch(shopify.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-webhook-id': id,
        'x-shopify-shop-domain': 'shop-a.myshopify.com', 'x-shopify-hmac-sha256': shopifySignature(SECRET, raw),
      },
      body: raw,
    });
    return res.status;
  }

  it("takes an order's customer_locale as its customer's language (shopify.dev's order, en-CA)", async () => {
    expect(await send('orders/create', 'wh-loc-1', fixture('order-webhookdb.json'))).toBe(200);
    expect(await localeOf('207119551')).toBe('en-CA');
  });

  it("prefers the customer's own locale, made canonical, and drops one that is no tag", async () => {
    const customer = { id: 9101, email: 'mila@example.rs', first_name: 'Мила', updated_at: '2025-05-03T10:00:00Z', locale: 'sr_Latn_RS' };
    expect(await send('customers/update', 'wh-loc-3', JSON.stringify(customer))).toBe(200);
    expect(await localeOf('9101')).toBe('sr-Latn-RS');
    const odd = { ...customer, id: 9102, locale: 'Serbian' };
    expect(await send('customers/update', 'wh-loc-4', JSON.stringify(odd))).toBe(200);
    const [row] = await h.database.sql<{ locale: string | null; email: string }[]>`select locale, email from customers where id = '9102'`;
    expect(row).toEqual({ locale: null, email: 'mila@example.rs' });
  });

  it("falls back to the order's customer_locale when the customer's own is no tag", async () => {
    const order = JSON.parse(fixture('order-webhookdb.json'));
    order.id = 9103;
    order.customer = { ...order.customer, id: 9103, locale: 'Serbian' };
    order.customer_locale = 'sl_SI';
    expect(await send('orders/create', 'wh-loc-5', JSON.stringify(order))).toBe(200);
    expect(await localeOf('9103')).toBe('sl-SI');
  });
});

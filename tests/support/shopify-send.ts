// Sends a signed Shopify webhook to a test receiver, as Shopify does: the raw body, its
// HMAC, the topic, the webhook id and the shop's domain in headers.
import { shopifySignature } from '../../packages/api/src/shopify/index';

export interface ShopifySend { topic: string; id: string; body?: unknown; raw?: string; shop?: string }

export function shopifySender(url: string, secret: string) {
  return async ({ topic, id, body, raw = JSON.stringify(body), shop = 'shop-a.myshopify.com' }: ShopifySend) => {
    const res = await fetch(url, { method: 'POST', body: raw, headers: {
      'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-webhook-id': id, 'x-shopify-shop-domain': shop,
      'x-shopify-hmac-sha256': shopifySignature(secret, raw),
    } });
    return { status: res.status, json: await res.json() as Record<string, unknown> & { error?: string; issues?: unknown[] } };
  };
}

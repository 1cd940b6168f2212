// Which workspace a Shopify webhook belongs to: the connection whose secret produced
// X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body). Connections bound to the
// sending shop's domain are tried, and those that accept any shop.
import type { Database } from '@afterglow/db';
import { createHmac, timingSafeEqual } from 'node:crypto';

export function shopifySignature(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

export function signatureMatches(secret: string, rawBody: Buffer, given: string): boolean {
  const expected = Buffer.from(shopifySignature(secret, rawBody), 'base64');
  const actual = Buffer.from(given, 'base64');
  // Constant-time comparison; lengths differ only for a malformed header.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function workspaceForSignature(database: Database, shopDomain: string | undefined, rawBody: Buffer, signature: string): Promise<string | null> {
  const candidates = await database.sql<{ workspaceId: string; secret: string }[]>`
    select workspace_id as "workspaceId", webhook_secret as secret from shopify_connections
    where shop_domain is null or shop_domain = ${shopDomain?.toLowerCase() ?? ''}
    order by shop_domain nulls last, workspace_id`;
  return candidates.find((c) => signatureMatches(database.secrets.open(c.secret), rawBody, signature))?.workspaceId ?? null;
}

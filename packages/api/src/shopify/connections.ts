// The Shopify shop a workspace accepts webhooks from (one per workspace). The secret is stored
// sealed (AFTERGLOW_SECRET_KEY): it must stay readable to verify signatures, so it cannot be hashed.
import type { Database } from '@afterglow/db';

export interface ShopifyConnectionInfo {
  shopDomain: string | null;
  /** The secret's last four characters, so an owner can tell which one is set. */
  secretHint: string;
  createdAt: string;
}

/** Sets (or replaces) the workspace's webhook secret; a null domain accepts any shop signing with it. */
export async function setShopifyConnection(database: Database, workspaceId: string, secret: string, shopDomain: string | null, now: Date): Promise<void> {
  if (secret.trim().length < 8) throw new Error(`Shopify webhook secret for workspace ${workspaceId} must be at least 8 characters`);
  await database.sql`
    insert into shopify_connections (workspace_id, shop_domain, webhook_secret, created_at)
    values (${workspaceId}, ${shopDomain?.toLowerCase() ?? null}, ${database.secrets.seal(secret)}, ${now.toISOString()}::timestamptz)
    on conflict (workspace_id) do update set
      shop_domain = excluded.shop_domain, webhook_secret = excluded.webhook_secret, created_at = excluded.created_at`;
}

export async function getShopifyConnection(database: Database, workspaceId: string): Promise<ShopifyConnectionInfo | null> {
  const [row] = await database.sql<{ shopDomain: string | null; secret: string; createdAt: Date }[]>`
    select shop_domain as "shopDomain", webhook_secret as secret, created_at as "createdAt"
    from shopify_connections where workspace_id = ${workspaceId}`;
  if (!row) return null;
  return { shopDomain: row.shopDomain, secretHint: `…${database.secrets.open(row.secret).slice(-4)}`, createdAt: new Date(row.createdAt).toISOString() };
}

export async function removeShopifyConnection(database: Database, workspaceId: string): Promise<void> {
  await database.sql`delete from shopify_connections where workspace_id = ${workspaceId}`;
}

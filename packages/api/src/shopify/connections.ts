// The Shopify shop a workspace accepts webhooks from (one per workspace).
import type { Database } from '@afterglow/db';

/** Sets (or replaces) the workspace's webhook secret; a null domain accepts any shop signing with it. */
export async function setShopifyConnection(database: Database, workspaceId: string, secret: string, shopDomain: string | null, now: Date): Promise<void> {
  if (secret.trim().length < 8) throw new Error(`Shopify webhook secret for workspace ${workspaceId} must be at least 8 characters`);
  await database.sql`
    insert into shopify_connections (workspace_id, shop_domain, webhook_secret, created_at)
    values (${workspaceId}, ${shopDomain?.toLowerCase() ?? null}, ${secret}, ${now.toISOString()}::timestamptz)
    on conflict (workspace_id) do update set shop_domain = excluded.shop_domain, webhook_secret = excluded.webhook_secret`;
}

// The shop's name and address, used in emails (shop.name, shop.url, product review links).
// The name is the workspace's name (what the app and the emails call the shop); the URL is
// kept in workspaces.settings.shop, beside the sending rules.
import { defaultShop } from '@afterglow/email';
import { shopSettingsSchema, type ShopSettings } from '@afterglow/journey-core';
import type { ApiDeps } from '../trpc/deps';
import { notFound } from './errors';

export async function getShopSettings(deps: ApiDeps, workspaceId: string): Promise<ShopSettings & { urlIsDefault: boolean }> {
  const [row] = await deps.database.sql<{ name: string; url: string | null }[]>`
    select name, settings->'shop'->>'url' as url from workspaces where id = ${workspaceId}`;
  if (!row) throw notFound('Workspace', workspaceId);
  return { name: row.name, url: row.url ?? defaultShop.url, urlIsDefault: row.url === null };
}

export async function saveShopSettings(deps: ApiDeps, workspaceId: string, input: ShopSettings) {
  const { name, url } = shopSettingsSchema.parse(input);
  const rows = await deps.database.sql`
    update workspaces set name = ${name},
      settings = jsonb_set(settings, '{shop}', ${deps.database.sql.json({ url: url.replace(/\/+$/, '') })})
    where id = ${workspaceId} returning id`;
  if (rows.length === 0) throw notFound('Workspace', workspaceId);
  return getShopSettings(deps, workspaceId);
}

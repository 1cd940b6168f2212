// The shop's name and address, used in emails (shop.name, shop.url, product review links), and
// its default language, currency and time zone. The name is the workspace's name (what the app and the
// emails call the shop); the rest is kept in workspaces.settings.shop, beside the sending rules.
import { defaultShop } from '@afterglow/email';
import { DEFAULT_LOCALE } from '@afterglow/i18n';
import { shopSettingsSchema, type ShopSettings } from '@afterglow/journey-core';
import type { ApiDeps } from '../trpc/deps';
import { text } from '../i18n/catalogue';
import { DomainError, notFound } from './errors';

const DEFAULT_CURRENCY = 'EUR';
const DEFAULT_TIME_ZONE = 'UTC';

export async function getShopSettings(deps: ApiDeps, workspaceId: string): Promise<Required<ShopSettings> & { urlIsDefault: boolean }> {
  const [row] = await deps.database.sql<{ name: string; shop: Record<string, unknown> | null }[]>`
    select name, settings->'shop' as shop from workspaces where id = ${workspaceId}`;
  if (!row) throw notFound('workspace', workspaceId);
  const url = typeof row.shop?.url === 'string' ? row.shop.url : null;
  // Stored before a field existed (or hand-edited): each field falls back to its default alone.
  const stored = shopSettingsSchema.pick({ locale: true, currency: true, timeZone: true }).safeParse(row.shop ?? {});
  const locale = (stored.success && stored.data.locale) || DEFAULT_LOCALE;
  const currency = (stored.success && stored.data.currency) || DEFAULT_CURRENCY;
  const timeZone = (stored.success && stored.data.timeZone) || DEFAULT_TIME_ZONE;
  return { name: row.name, url: url ?? defaultShop.url, urlIsDefault: url === null, locale, currency, timeZone };
}

export async function saveShopSettings(deps: ApiDeps, workspaceId: string, input: ShopSettings) {
  const { name, url, locale, currency, timeZone } = shopSettingsSchema.parse(input);
  if (timeZone) await assertDatabaseKnowsZone(deps, timeZone);
  const shop = { url: url.replace(/\/+$/, ''), ...(locale && { locale }), ...(currency && { currency }), ...(timeZone && { timeZone }) };
  const rows = await deps.database.sql`
    update workspaces set name = ${name},
      settings = jsonb_set(settings, '{shop}', coalesce(settings->'shop', '{}'::jsonb) || ${deps.database.sql.json(shop)})
    where id = ${workspaceId} returning id`;
  if (rows.length === 0) throw notFound('workspace', workspaceId);
  return getShopSettings(deps, workspaceId);
}

/**
 * The zone is read in SQL too (the Loyalty page's buckets): one the server's Intl knows but
 * PostgreSQL's time zone data does not (a zone newer than the database's) is refused here.
 */
async function assertDatabaseKnowsZone(deps: ApiDeps, zone: string) {
  const [known] = await deps.database.sql`select 1 as one from pg_timezone_names where name = ${zone}`;
  if (!known) throw new DomainError('INVALID', text('shop.timeZoneUnknown', { zone }), 'timeZone');
}

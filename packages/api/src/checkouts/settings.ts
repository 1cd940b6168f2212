// The workspace's abandoned-checkout setting: how long a checkout must stay quiet (no update,
// no completion, no order of its customer) before it becomes "Checkout Abandoned". Kept in
// workspaces.settings.checkouts, beside the sending rules; the engine's checkouts job reads it there.
import { checkoutSettingsSchema, type CheckoutSettings } from '@afterglow/journey-core';
import type { ApiDeps } from '../trpc/deps';
import { notFound } from '../journeys/errors';

export async function getCheckoutSettings(deps: ApiDeps, workspaceId: string): Promise<CheckoutSettings> {
  const [row] = await deps.database.sql<{ checkouts: unknown }[]>`
    select settings->'checkouts' as checkouts from workspaces where id = ${workspaceId}`;
  if (!row) throw notFound('workspace', workspaceId);
  // Stored before the setting existed (or hand-edited): the default.
  const stored = checkoutSettingsSchema.safeParse(row.checkouts ?? {});
  return stored.success ? stored.data : checkoutSettingsSchema.parse({});
}

export async function saveCheckoutSettings(deps: ApiDeps, workspaceId: string, input: CheckoutSettings): Promise<CheckoutSettings> {
  const settings = checkoutSettingsSchema.parse(input);
  const rows = await deps.database.sql`
    update workspaces set settings = jsonb_set(settings, '{checkouts}',
      coalesce(settings->'checkouts', '{}'::jsonb) || ${deps.database.sql.json(settings as never)})
    where id = ${workspaceId} returning id`;
  if (rows.length === 0) throw notFound('workspace', workspaceId);
  return getCheckoutSettings(deps, workspaceId);
}

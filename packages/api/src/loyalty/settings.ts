// The loyalty programme's settings (Settings > Loyalty): kept in workspaces.settings.loyalty,
// read with the defaults (readLoyaltySettings), saved whole as the screen edits them.
import { loyaltySettingsSchema, readLoyaltySettings, type LoyaltySettings } from '@afterglow/journey-core';
import { notFound } from '../journeys/errors';
import type { ApiDeps } from '../trpc/deps';

export async function getLoyaltySettings(deps: ApiDeps, workspaceId: string): Promise<LoyaltySettings> {
  const [row] = await deps.database.sql<{ loyalty: unknown }[]>`
    select settings->'loyalty' as loyalty from workspaces where id = ${workspaceId}`;
  if (!row) throw notFound('workspace', workspaceId);
  return readLoyaltySettings(row.loyalty);
}

export async function saveLoyaltySettings(deps: ApiDeps, workspaceId: string, input: LoyaltySettings): Promise<LoyaltySettings> {
  const settings = loyaltySettingsSchema.parse(input);
  // Merged over what is stored, so a field this version does not know (a newer one's) survives.
  const rows = await deps.database.sql`
    update workspaces set settings = jsonb_set(settings, '{loyalty}',
      coalesce(settings->'loyalty', '{}'::jsonb) || ${deps.database.sql.json(settings as never)})
    where id = ${workspaceId} returning id`;
  if (rows.length === 0) throw notFound('workspace', workspaceId);
  return getLoyaltySettings(deps, workspaceId);
}

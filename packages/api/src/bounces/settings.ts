// The workspace's soft-bounce policy: how many soft bounces within how many days (with no
// delivery in between) suppress an address. Kept in workspaces.settings.bounces; the webhook
// reads it when a soft bounce arrives.
import { bounceSettingsSchema, type BounceSettings } from '@afterglow/journey-core';
import type { Queryable } from '@afterglow/db';
import { notFound } from '../journeys/errors';

export async function getBounceSettings(sql: Queryable, workspaceId: string): Promise<BounceSettings> {
  const [row] = await sql<{ bounces: unknown }[]>`select settings->'bounces' as bounces from workspaces where id = ${workspaceId}`;
  if (!row) throw notFound('workspace', workspaceId);
  // Stored before the setting existed (or hand-edited): the defaults.
  const stored = bounceSettingsSchema.safeParse(row.bounces ?? {});
  return stored.success ? stored.data : bounceSettingsSchema.parse({});
}

export async function saveBounceSettings(sql: Queryable, workspaceId: string, input: BounceSettings): Promise<BounceSettings> {
  const settings = bounceSettingsSchema.parse(input);
  const rows = await sql`
    update workspaces set settings = jsonb_set(settings, '{bounces}',
      coalesce(settings->'bounces', '{}'::jsonb) || ${sql.json(settings as never)})
    where id = ${workspaceId} returning id`;
  if (rows.length === 0) throw notFound('workspace', workspaceId);
  return getBounceSettings(sql, workspaceId);
}

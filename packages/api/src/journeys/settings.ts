// Journey settings (re-entry rule, exit goal) and the workspace's sending rules and limits.
import {
  journeySettingsSchema, readWorkspaceSettings, type JourneySettings, type SendingLimits, type SendingRules, type WorkspaceSettings,
} from '@afterglow/journey-core';
import type { ApiDeps } from '../trpc/deps';
import { notFound } from './errors';

export async function saveJourneySettings(deps: ApiDeps, workspaceId: string, id: string, settings: JourneySettings) {
  const parsed = journeySettingsSchema.parse(settings);
  const rows = await deps.database.sql`
    update journeys set settings = ${deps.database.sql.json(parsed as never)}, updated_at = ${deps.clock.now()}
    where workspace_id = ${workspaceId} and id = ${id} returning id`;
  if (rows.length === 0) throw notFound('journey', id);
  return parsed;
}

export async function getWorkspaceSettings(deps: ApiDeps, workspaceId: string): Promise<WorkspaceSettings> {
  const [row] = await deps.database.sql`select settings from workspaces where id = ${workspaceId}`;
  return readWorkspaceSettings(row?.settings);
}

/** Saves one group (rules or limits) over what is stored, leaving the other as it was. */
export async function saveWorkspaceSettings(deps: ApiDeps, workspaceId: string, settings: SendingRules | SendingLimits) {
  await deps.database.sql`
    update workspaces set settings = settings || ${deps.database.sql.json(settings as never)} where id = ${workspaceId}`;
  return getWorkspaceSettings(deps, workspaceId);
}

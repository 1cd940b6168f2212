// The workspace's referral setting (the qualifying period a friend's first order must pass) and
// what became of its referrals: how many are pending, completed, and refused for each reason,
// so staff see the guards at work. Kept in workspaces.settings.referrals; the engine's referrals
// job reads it there.
import { readReferralSettings, referralSettingsSchema, type ReferralSettings } from '@afterglow/journey-core';
import { REFERRAL_REFUSALS, type ReferralRefusal } from '@afterglow/db';
import type { ApiDeps } from '../trpc/deps';
import { notFound } from '../journeys/errors';

export async function getReferralSettings(deps: ApiDeps, workspaceId: string): Promise<ReferralSettings> {
  const [row] = await deps.database.sql<{ referrals: unknown }[]>`
    select settings->'referrals' as referrals from workspaces where id = ${workspaceId}`;
  if (!row) throw notFound('workspace', workspaceId);
  return readReferralSettings(row.referrals);
}

export async function saveReferralSettings(deps: ApiDeps, workspaceId: string, input: ReferralSettings): Promise<ReferralSettings> {
  const settings = referralSettingsSchema.parse(input);
  const rows = await deps.database.sql`
    update workspaces set settings = jsonb_set(settings, '{referrals}',
      coalesce(settings->'referrals', '{}'::jsonb) || ${deps.database.sql.json(settings as never)})
    where id = ${workspaceId} returning id`;
  if (rows.length === 0) throw notFound('workspace', workspaceId);
  return getReferralSettings(deps, workspaceId);
}

export interface ReferralStats {
  pending: number;
  completed: number;
  refused: Record<ReferralRefusal, number>;
}

export async function referralStats(deps: ApiDeps, workspaceId: string): Promise<ReferralStats> {
  const rows = await deps.database.sql<{ state: string; reason: ReferralRefusal | null; n: number }[]>`
    select state, reason, count(*)::int as n from referrals where workspace_id = ${workspaceId} group by state, reason`;
  const stats: ReferralStats = { pending: 0, completed: 0, refused: Object.fromEntries(REFERRAL_REFUSALS.map((r) => [r, 0])) as ReferralStats['refused'] };
  for (const r of rows) {
    if (r.state === 'pending') stats.pending += r.n;
    else if (r.state === 'completed') stats.completed += r.n;
    else if (r.reason) stats.refused[r.reason] = (stats.refused[r.reason] ?? 0) + r.n;
  }
  return stats;
}

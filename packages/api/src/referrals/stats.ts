// What became of the workspace's referrals: how many are pending, completed, and refused for
// each reason, so staff see the guards at work (Settings > Referrals).
import { REFERRAL_REFUSALS, type ReferralRefusal } from '@afterglow/db';
import type { ApiDeps } from '../trpc/deps';

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

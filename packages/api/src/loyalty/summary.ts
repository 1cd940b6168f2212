// A customer's loyalty at a glance, for the shop's own backend (GET /v1/loyalty/:userId) and the
// customer's My rewards page: the balance, the tier and the way to the next, and the rewards on
// offer (enabled ones), each saying whether the balance covers it. The tier is the shop's
// configured one as of `now` (customerTiers), the one computation merge data uses too.
import { customerTiers, loadLoyaltySettings, type Queryable } from '@afterglow/db';
import { loyaltyStatus, type LoyaltyStatus } from '@afterglow/email';
import type { LoyaltyReward } from '@afterglow/journey-core';

interface OfferedReward extends Pick<LoyaltyReward, 'id' | 'name' | 'points' | 'coupon'> {
  /** The balance covers it now. */
  affordable: boolean;
}

export interface LoyaltySummary {
  userId: string;
  balance: number;
  tier: Omit<LoyaltyStatus, 'points'>;
  rewards: OfferedReward[];
}

/** Null for a customer the workspace does not know. */
export async function loyaltySummary(sql: Queryable, workspaceId: string, customerId: string, now: Date): Promise<LoyaltySummary | null> {
  const [row] = await sql<{ balance: number; lifetime: number }[]>`
    select coalesce(sum(l.points), 0)::int as balance, coalesce(sum(greatest(l.points, 0)), 0)::int as lifetime
    from customers c left join loyalty_ledger l on l.workspace_id = c.workspace_id and l.customer_id = c.id
    where c.workspace_id = ${workspaceId} and c.id = ${customerId} group by c.id`;
  if (!row) return null;
  const { tiers, rewards: offered } = await loadLoyaltySettings(sql, workspaceId);
  const [position] = await customerTiers(sql, workspaceId, tiers, [customerId], now);
  const { points: _points, ...tier } = loyaltyStatus(row.balance, row.lifetime, tiers, position ?? { index: 0, measure: 0 });
  const rewards = offered.filter((r) => r.enabled)
    .map(({ id, name, points, coupon }) => ({ id, name, points, coupon, affordable: row.balance >= points }));
  return { userId: customerId, balance: row.balance, tier, rewards };
}

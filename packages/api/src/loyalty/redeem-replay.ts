// A redemption asked for again with the same idempotency key: the coupon that key issued (its
// coupons.effect_key) and the ledger debit that paid for it, returned as they were, with the
// balance as it is now. Nothing is written and no event is stored a second time.
import type { Queryable } from '@afterglow/db';
import type { Redemption } from './redeem';

interface PriorRow {
  id: string; code: string; kind: 'percent' | 'fixed' | 'free_shipping'; value: number; minOrderTotal: number;
  description: string; expiresAt: Date | null; rewardId: string; rewardName: string; points: number;
}

export async function priorRedemption(tx: Queryable, workspaceId: string, effectKey: string, balance: number): Promise<Redemption | null> {
  const [prior] = await tx<PriorRow[]>`
    select c.id, c.code, c.kind, c.value::float8 as value, c.min_order_total::float8 as "minOrderTotal", c.description,
      c.expires_at as "expiresAt", l.reward_id as "rewardId", l.reason as "rewardName", -l.points as points
    from coupons c join loyalty_ledger l on l.workspace_id = c.workspace_id and l.coupon_id = c.id and l.kind = 'redeem'
    where c.workspace_id = ${workspaceId} and c.effect_key = ${effectKey}`;
  if (!prior) return null;
  const { rewardId, rewardName, points, expiresAt, ...coupon } = prior;
  return {
    reward: { id: rewardId, name: rewardName, points },
    coupon: { ...coupon, expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null },
    balance, events: [], replayed: true,
  };
}

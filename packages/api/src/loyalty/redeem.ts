// Buying a reward with points: one transaction locks the customer's balance, refuses when the
// reward is unknown or switched off or the points do not cover it, and otherwise writes the
// debit, issues the coupon and stores a Reward Redeemed event (so a journey can thank the
// customer and show the code). Used by staff (tRPC), by the shop's own backend (REST) and by the
// customer's My rewards page: each gives the transaction, and enrols the events it returns.
import { loadLoyaltySettings, lockedBalance } from '@afterglow/db';
import { issueCoupon, type StoredCoupon } from '@afterglow/engine';
import { LOYALTY_EVENTS, type LoyaltyReward } from '@afterglow/journey-core';
import type postgres from 'postgres';
import { trackSchema, type ParsedMessage } from '../ingest/schema';
import { storeMessages, type IngestedEvent } from '../ingest/store';
import { priorRedemption } from './redeem-replay';

export type RedemptionRefusalReason = 'unknown_customer' | 'unknown_reward' | 'reward_disabled' | 'insufficient_points';

/** Why a redemption was refused: nothing was written. */
export class RedemptionRefused extends Error {
  constructor(readonly reason: RedemptionRefusalReason, readonly detail: { customerId: string; rewardId: string; balance?: number; cost?: number }) {
    super(`Redemption refused (${reason}): customer ${detail.customerId}, reward ${detail.rewardId}`
      + (reason === 'insufficient_points' ? `, balance ${detail.balance} < ${detail.cost} points` : ''));
    this.name = 'RedemptionRefused';
  }
}

export interface Redemption {
  reward: Pick<LoyaltyReward, 'id' | 'name' | 'points'>;
  coupon: StoredCoupon;
  /** Points left after the debit. */
  balance: number;
  /** The Reward Redeemed event just stored: hand it to the engine's enrolment in the same transaction. */
  events: IngestedEvent[];
  /** True when the idempotency key names an earlier redemption: that one is returned, nothing is written. */
  replayed: boolean;
}

export interface RedeemRequest {
  workspaceId: string; customerId: string; rewardId: string; now: Date;
  /**
   * The caller's own id for this redemption (the shop's backend retrying after a timeout): the same
   * key for the same customer redeems once, and a repeat returns the first redemption.
   */
  idempotencyKey?: string;
}

export async function redeemReward(tx: postgres.TransactionSql, request: RedeemRequest): Promise<Redemption> {
  const { workspaceId, customerId, rewardId, now } = request;
  const refuse = (reason: RedemptionRefusalReason, extra: { balance?: number; cost?: number } = {}) =>
    new RedemptionRefused(reason, { customerId, rewardId, ...extra });
  const balance = await lockedBalance(tx, workspaceId, customerId);
  if (balance === null) throw refuse('unknown_customer');
  // Under the lock: a retry racing its own first attempt waits for it, then finds it.
  const effectKey = request.idempotencyKey === undefined ? null : `loyalty-redeem:${customerId}:${request.idempotencyKey}`;
  const prior = effectKey ? await priorRedemption(tx, workspaceId, effectKey, balance) : null;
  if (prior) return prior;
  const reward = (await loadLoyaltySettings(tx, workspaceId)).rewards.find((r) => r.id === rewardId);
  if (!reward) throw refuse('unknown_reward');
  if (!reward.enabled) throw refuse('reward_disabled');
  if (balance < reward.points) throw refuse('insufficient_points', { balance, cost: reward.points });

  const { kind, value, minOrderTotal, validDays } = reward.coupon;
  const coupon = await issueCoupon(tx, {
    workspaceId, customerId, now, effectKey,
    request: { kind, value: kind === 'free_shipping' ? 0 : value, minOrderTotal, validDays, prefix: '', description: reward.name },
  });
  const [debit] = await tx<{ id: string }[]>`
    insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, reward_id, coupon_id, created_at)
    values (${workspaceId}, ${customerId}, ${-reward.points}, ${reward.name}, 'redeem', ${reward.id}, ${coupon.id}, ${now})
    returning id::text as id`;
  // Redeeming is activity: the expiry clock starts again.
  await tx`insert into loyalty_members (workspace_id, customer_id, last_activity_at, updated_at)
    values (${workspaceId}, ${customerId}, ${now}, ${now})
    on conflict (workspace_id, customer_id) do update set last_activity_at = excluded.last_activity_at, updated_at = excluded.updated_at`;
  const left = balance - reward.points;
  const events = await storeMessages(tx, workspaceId, [{
    kind: 'track',
    msg: trackSchema.parse({
      messageId: `reward-redeemed:${debit.id}`, userId: customerId, event: LOYALTY_EVENTS.redeemed, timestamp: now.toISOString(),
      properties: {
        reward_id: reward.id, reward_name: reward.name, points: reward.points, coupon_code: coupon.code,
        coupon_expires_at: coupon.expiresAt, balance: left,
      },
    }),
  } as ParsedMessage], now);
  return { reward: { id: reward.id, name: reward.name, points: reward.points }, coupon, balance: left, events, replayed: false };
}

// One coupon issued outside a journey, stored at once in the caller's transaction: a reward
// bought with points. The code and its terms come from newCoupon, as a journey's Issue coupon
// step makes them; only the storing differs (one row, no run, and no batch to fold it into).
import type { Queryable } from '@afterglow/db';
import type { CouponRequest, IssuedCoupon } from '@afterglow/node-sdk';
import { newCoupon } from './coupons';

export interface StoredCoupon extends Omit<IssuedCoupon, 'expiresAt'> {
  id: string;
  /** ISO date-time; null when the coupon never expires. */
  expiresAt: string | null;
}

export interface CouponIssue {
  workspaceId: string;
  customerId: string;
  /** Unique per workspace: a second coupon for the same key fails (the caller's retry guard). */
  effectKey?: string | null;
  /** `validDays` 0: the coupon never expires. */
  request: CouponRequest;
  now: Date;
}

/**
 * Inserts the coupon and returns it with its id. A clash of two random codes (p ≈ n²/2^60)
 * fails the statement and so the caller's transaction: never a coupon that was not stored.
 */
export async function issueCoupon(tx: Queryable, issue: CouponIssue): Promise<StoredCoupon> {
  const coupon = newCoupon(issue.request, issue.now);
  const expiresAt = issue.request.validDays > 0 ? coupon.expiresAt : null;
  const [row] = await tx<{ id: string }[]>`
    insert into coupons (workspace_id, code, customer_id, effect_key, kind, value, min_order_total, description, expires_at, created_at)
    values (${issue.workspaceId}, ${coupon.code}, ${issue.customerId}, ${issue.effectKey ?? null}, ${coupon.kind}, ${coupon.value},
      ${coupon.minOrderTotal}, ${coupon.description}, ${expiresAt}, ${issue.now})
    returning id`;
  return { ...coupon, id: row.id, expiresAt };
}

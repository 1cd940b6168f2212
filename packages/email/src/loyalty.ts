// A customer's loyalty status for email merge data. The tiers and their thresholds live in
// @afterglow/db (segments read them too); a tier is earned by lifetime points.
import { TIERS } from '@afterglow/db';

export { TIERS };

export interface LoyaltyStatus {
  /** Spendable points now. */
  points: number;
  lifetimePoints: number;
  tier: string;
  /** '' at the top tier. */
  nextTier: string;
  pointsToNextTier: number;
}

export function loyaltyStatus(points: number, lifetimePoints: number): LoyaltyStatus {
  const lifetime = Math.max(0, lifetimePoints);
  let index = 0;
  for (let i = 0; i < TIERS.length; i++) if (lifetime >= TIERS[i].minLifetimePoints) index = i;
  const next = TIERS[index + 1];
  return {
    points, lifetimePoints: lifetime, tier: TIERS[index].name,
    nextTier: next?.name ?? '', pointsToNextTier: next ? next.minLifetimePoints - lifetime : 0,
  };
}

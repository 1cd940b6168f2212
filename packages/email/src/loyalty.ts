// Loyalty tiers: the one place their thresholds live. A tier is earned by lifetime points
// (everything ever granted, spent points included), so spending points never demotes anyone.
export const TIERS = [
  { name: 'Bronze', minLifetimePoints: 0 },
  { name: 'Silver', minLifetimePoints: 500 },
  { name: 'Gold', minLifetimePoints: 1_500 },
  { name: 'Platinum', minLifetimePoints: 5_000 },
] as const;

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

// A customer's loyalty status for email merge data: their points, and their tier in the shop's
// own tiers (workspaces.settings.loyalty) with its benefits and what is left to reach the next,
// in points or in money depending on what the tiers are measured by. Which tier a customer is
// in is decided in one place, the SQL of @afterglow/db (customerTiers); this only describes it.
import type { CustomerTier, TierSettings } from '@afterglow/db';

export interface LoyaltyStatus {
  /** Spendable points now. */
  points: number;
  /** Every point ever earned (spent ones included). */
  lifetimePoints: number;
  /** The tier's name, id and benefits (the shop's words). */
  tier: string;
  tierId: string;
  benefits: string;
  /** What tiers are measured by: 'points' earned or money 'spend'. */
  basis: TierSettings['basis'];
  /** '' at the top tier. */
  nextTier: string;
  nextTierBenefits: string;
  /** Left to reach the next tier, in points or in the shop's currency (basis); 0 at the top. */
  toNextTier: number;
  /** toNextTier when tiers go by points, else 0. */
  pointsToNextTier: number;
  /** toNextTier when tiers go by spend, else 0. */
  spendToNextTier: number;
}

/** The status of a customer in `tier` (index and measure from customerTiers), with `points` and `lifetimePoints`. */
export function loyaltyStatus(points: number, lifetimePoints: number, tiers: TierSettings, tier: Pick<CustomerTier, 'index' | 'measure'>): LoyaltyStatus {
  const current = tiers.list[tier.index] ?? tiers.list[0];
  const next = tiers.list[tier.index + 1];
  // Money to the cent, points whole.
  const left = next ? Math.max(0, Math.round((next.threshold - tier.measure) * 100) / 100) : 0;
  return {
    points, lifetimePoints: Math.max(0, lifetimePoints),
    tier: current.name, tierId: current.id, benefits: current.benefits, basis: tiers.basis,
    nextTier: next?.name ?? '', nextTierBenefits: next?.benefits ?? '',
    toNextTier: left, pointsToNextTier: tiers.basis === 'points' ? Math.ceil(left) : 0, spendToNextTier: tiers.basis === 'spend' ? left : 0,
  };
}

// Loyalty tiers: the one place their thresholds live, read by email merge data (packages/email)
// and by segment conditions ("loyalty tier is at least Gold"). A tier is earned by lifetime
// points (everything ever granted, spent points included), so spending never demotes anyone.
export const TIERS = [
  { name: 'Bronze', minLifetimePoints: 0 },
  { name: 'Silver', minLifetimePoints: 500 },
  { name: 'Gold', minLifetimePoints: 1_500 },
  { name: 'Platinum', minLifetimePoints: 5_000 },
] as const;

export type TierName = (typeof TIERS)[number]['name'];
export const tierNames = TIERS.map((t) => t.name) as [TierName, ...TierName[]];

/** Lifetime points of the tier: from its minimum up to (not including) the next tier's. */
export function tierRange(name: TierName): { min: number; below: number | null } {
  const i = TIERS.findIndex((t) => t.name === name);
  if (i < 0) throw new Error(`Unknown loyalty tier ${name}`);
  return { min: TIERS[i].minLifetimePoints, below: TIERS[i + 1]?.minLifetimePoints ?? null };
}

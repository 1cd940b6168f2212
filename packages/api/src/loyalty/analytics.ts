// The Loyalty page's figures (trpc loyalty.analytics; docs/loyalty.md#loyalty-page): the state of
// the programme now (members per tier, outstanding points, top members) and the points that moved
// in the period, per bucket of the shop's time zone. Tier ids are named and ordered by the shop's
// settings: a member the tiers job has not placed yet counts in the first tier (every member has
// reached its 0); a tier id the settings no longer list (a removed tier) is counted apart until
// the job moves them.
import { loadLoyaltySettings, type Database } from '@afterglow/db';
import { shopSettingsSchema, type LoyaltyTier } from '@afterglow/journey-core';
import { pointsFlow, type FlowBucket } from './analytics-flow';
import { periodOf, type LoyaltyAnalyticsInput } from './analytics-period';
import { programmeState } from './analytics-state';

/** The shop's zone as Settings stored it (checked there against PostgreSQL's zones), else UTC. */
async function shopTimeZone(database: Database, workspaceId: string): Promise<string> {
  const [row] = await database.sql<{ shop: unknown }[]>`select settings -> 'shop' as shop from workspaces where id = ${workspaceId}`;
  const stored = shopSettingsSchema.pick({ timeZone: true }).safeParse(row?.shop ?? {});
  return (stored.success && stored.data.timeZone) || 'UTC';
}

const sumOf = (series: FlowBucket[], pick: (b: FlowBucket) => number) => series.reduce((sum, b) => sum + pick(b), 0);

export async function loyaltyAnalytics(database: Database, workspaceId: string, input: LoyaltyAnalyticsInput, now: Date) {
  const period = periodOf(input, now, await shopTimeZone(database, workspaceId));
  const [settings, state, flow] = await Promise.all([
    loadLoyaltySettings(database.sql, workspaceId),
    programmeState(database, workspaceId),
    pointsFlow(database, workspaceId, period),
  ]);
  const list = settings.tiers.list;
  const placed = (tierId: string | null): LoyaltyTier | null => (tierId === null ? list[0] : list.find((t) => t.id === tierId) ?? null);
  const tiers = list.map((tier) => ({ id: tier.id, name: tier.name, members: 0 }));
  let removedTier = 0;
  for (const { tierId, members } of state.tiers) {
    const tier = placed(tierId);
    if (tier) tiers.find((t) => t.id === tier.id)!.members += members;
    else removedTier += members;
  }
  const { series } = flow;
  const issuedIn = (b: FlowBucket) => Object.values(b.issued).reduce((sum, n) => sum + n, 0);
  return {
    period: { days: input.days, bucket: input.bucket, from: period.from.toISOString(), to: period.to.toISOString(), timeZone: period.timeZone },
    members: tiers.reduce((sum, t) => sum + t.members, removedTier),
    tiers,
    /** Members whose stored tier the settings no longer list. */
    removedTier,
    outstanding: { points: state.outstandingPoints, members: state.holders },
    totals: {
      issued: sumOf(series, issuedIn), redeemed: sumOf(series, (b) => b.redeemed), expired: sumOf(series, (b) => b.expired),
      refunded: sumOf(series, (b) => b.refunded), deducted: sumOf(series, (b) => b.deducted),
    },
    series,
    referralsCompleted: flow.referralsCompleted,
    top: state.top.map((m) => ({
      id: m.id, email: m.email, name: [m.firstName, m.lastName].filter(Boolean).join(' ') || null,
      tierId: placed(m.tierId)?.id ?? null, tierName: placed(m.tierId)?.name ?? null, balance: m.balance, lifetime: m.lifetime,
    })),
  };
}

export type LoyaltyAnalytics = Awaited<ReturnType<typeof loyaltyAnalytics>>;

// A customer's loyalty tier: the ONE definition, as SQL, read by segment conditions ("tier is at
// least Gold"), the loyalty:status job (which announces changes), email merge data and the
// customer page. The tiers are the shop's (workspaces.settings.loyalty, readLoyaltySettings):
// - basis 'points': points earned, i.e. positive ledger entries except redemptions and expiry
//   (spending or losing points never demotes), less refunds (a refund takes back what its order
//   earned);
// - basis 'spend': the totals of orders neither cancelled nor refunded;
// each within the last `windowDays` days (0: ever). The tier is the highest whose threshold the
// measure reaches (thresholds ascend from 0, so everyone is in one).
import { readLoyaltySettings, type LoyaltySettings } from '@afterglow/journey-core';
import type postgres from 'postgres';
import type { Queryable as Sql } from './client';
import { loyaltySettingsSection } from './settings-sections';

export type TierSettings = LoyaltySettings['tiers'];
type Fragment = postgres.Fragment;

const DAY_MS = 86_400_000;

/** The workspace's loyalty settings, with the defaults (the fixed programme) for what is not set. */
export async function loadLoyaltySettings(sql: Sql, workspaceId: string): Promise<LoyaltySettings> {
  return (await loyaltySettingsSection.get(sql, workspaceId)) ?? readLoyaltySettings({});
}

/** The tiers of stored loyalty settings (workspaces.settings.loyalty), with the defaults. */
export const readLoyaltyTiers = (raw: unknown): TierSettings => readLoyaltySettings(raw).tiers;

/** The tiers of a workspace that has configured none (the programme before it was configurable). */
export const defaultTierSettings = (): TierSettings => readLoyaltySettings({}).tiers;

/** Ledger kinds that never count as earned: spending points and losing them. */
export const NOT_EARNED_KINDS = ['redeem', 'expire'];

/** The instant before which nothing counts, or null for a lifetime programme. */
export function tierWindowStart(tiers: TierSettings, now: Date): Date | null {
  return tiers.windowDays > 0 ? new Date(now.getTime() - tiers.windowDays * DAY_MS) : null;
}

/**
 * What the tier is measured by, for the customer named by the SQL expressions `ws` and `customer`
 * (a correlated subquery): points earned or money spent within the window, never below 0.
 */
export function tierMeasure(sql: Sql, tiers: TierSettings, now: Date, ws: Fragment, customer: Fragment): Fragment {
  const start = tierWindowStart(tiers, now);
  if (tiers.basis === 'spend') {
    const window = start ? sql`and o.placed_at > ${start.toISOString()}::timestamptz` : sql``;
    return sql`coalesce((select sum(o.total) from orders o where o.workspace_id = ${ws} and o.customer_id = ${customer}
      and o.status not in ('cancelled', 'refunded') ${window}), 0)`;
  }
  const window = start ? sql`and l.created_at > ${start.toISOString()}::timestamptz` : sql``;
  return sql`greatest(coalesce((select sum(l.points) from loyalty_ledger l where l.workspace_id = ${ws} and l.customer_id = ${customer}
    and l.kind <> all(${NOT_EARNED_KINDS}::text[]) and (l.points > 0 or l.kind = 'refund') ${window}), 0), 0)::numeric`;
}

/** The tier's position (1 = the first tier) of a measure: the number of thresholds it reaches. */
export function tierPosition(sql: Sql, tiers: TierSettings, measure: Fragment): Fragment {
  return sql`width_bucket(${measure}, ${tiers.list.map((t) => t.threshold)}::numeric[])`;
}

/** The tier's id of a position (tierPosition). */
export function tierIdAt(sql: Sql, tiers: TierSettings, position: Fragment): Fragment {
  return sql`(${tiers.list.map((t) => t.id)}::text[])[${position}]`;
}

/** The tier a rule names: its id, or (rules saved before tiers were configurable) its name. */
export function findTier(tiers: TierSettings, idOrName: string): number {
  const byId = tiers.list.findIndex((t) => t.id === idOrName);
  if (byId >= 0) return byId;
  return tiers.list.findIndex((t) => t.name.toLowerCase() === idOrName.trim().toLowerCase());
}

export interface CustomerTier {
  customerId: string;
  /** Index into tiers.list. */
  index: number;
  /** Points earned or money spent within the window. */
  measure: number;
}

/** The tier of each of a few customers of one workspace, now (one statement). */
export async function customerTiers(sql: Sql, workspaceId: string, tiers: TierSettings, customerIds: string[], now: Date): Promise<CustomerTier[]> {
  if (customerIds.length === 0) return [];
  const measure = tierMeasure(sql, tiers, now, sql`${workspaceId}::text`, sql`r.id`);
  const rows = await sql<{ customerId: string; position: number; measure: number }[]>`
    select r.id as "customerId", m.measure::float8 as measure, ${tierPosition(sql, tiers, sql`m.measure`)} as position
    from unnest(${customerIds}::text[]) as r(id) cross join lateral (select ${measure} as measure) m`;
  return rows.map((r) => ({ customerId: r.customerId, index: r.position - 1, measure: r.measure }));
}

// What the My rewards page shows of one customer: the shop, the languages to speak, the loyalty
// summary (balance, tier, rewards on offer), where the tier bar stands, the last ledger entries and
// the referral code (made now if the customer has none yet).
import { ensureReferralCodes, loadLoyaltySettings, type Queryable } from '@afterglow/db';
import { loyaltySummary, type LoyaltySummary } from '../loyalty/summary';
import type { KnownLanguages } from './locale';

export const HISTORY_LENGTH = 20;

export interface LedgerLine { kind: string; points: number; reason: string; createdAt: Date }

export interface RewardsView {
  shopName: string;
  currency: string;
  timeZone: string;
  summary: LoyaltySummary;
  /** 0 to 1: how far from the current tier's threshold to the next one's (1 at the top). */
  progress: number;
  history: LedgerLine[];
  referralCode: string | null;
}

export async function loadRewardsLanguages(sql: Queryable, workspaceId: string, customerId: string): Promise<KnownLanguages & { shopName: string }> {
  const [who] = await sql<{ shop: string; customerKnown: boolean; customerLocale: string | null; shopLocale: string | null }[]>`
    select w.name as shop, c.id is not null as "customerKnown", c.locale as "customerLocale", w.settings->'shop'->>'locale' as "shopLocale"
    from workspaces w left join customers c on c.workspace_id = w.id and c.id = ${customerId}
    where w.id = ${workspaceId}`;
  return { shopName: who?.shop ?? '', customerKnown: who?.customerKnown ?? false, customerLocale: who?.customerLocale ?? null, shopLocale: who?.shopLocale ?? null };
}

/** Null for a customer the workspace no longer knows (erased). */
export async function loadRewardsView(sql: Queryable, workspaceId: string, customerId: string, shopName: string, now: Date): Promise<RewardsView | null> {
  const summary = await loyaltySummary(sql, workspaceId, customerId, now);
  if (!summary) return null;
  const [{ tiers }, history, [shop], codes] = await Promise.all([
    loadLoyaltySettings(sql, workspaceId),
    sql<LedgerLine[]>`select kind, points, reason, created_at as "createdAt" from loyalty_ledger
      where workspace_id = ${workspaceId} and customer_id = ${customerId} order by created_at desc, id desc limit ${HISTORY_LENGTH}`,
    sql<{ currency: string | null; timeZone: string | null }[]>`
      select w.settings->'shop'->>'currency' as currency, c.timezone as "timeZone"
      from workspaces w join customers c on c.workspace_id = w.id and c.id = ${customerId} where w.id = ${workspaceId}`,
    ensureReferralCodes(sql, [{ workspaceId, customerId }], now),
  ]);
  const index = tiers.list.findIndex((t) => t.id === summary.tier.tierId);
  const from = tiers.list[index]?.threshold ?? 0;
  const to = tiers.list[index + 1]?.threshold;
  const progress = to === undefined || to <= from ? 1 : Math.min(1, Math.max(0, (to - summary.tier.toNextTier - from) / (to - from)));
  return {
    shopName, currency: shop?.currency ?? 'EUR', timeZone: shop?.timeZone || 'UTC', summary, progress, history,
    referralCode: codes.get(`${workspaceId}\n${customerId}`) ?? null,
  };
}

// Email health, coupon economics and loyalty points over the period, from workspace_daily (kept
// by triggers: migration 0053): a dozen rows per day, read through the table's key. The points
// outstanding are every ledger entry ever, summed per day by the same rollup. Bounces are counted
// apart as hard and soft too (migration 0058), each email once, as its first bounce was.
import type { Queryable } from '../client';
import type { DashboardPeriod } from './period';

const METRICS = [
  'emails_sent', 'bounced', 'bounced_hard', 'bounced_soft', 'unsubscribed', 'complained', 'coupons_issued', 'coupons_redeemed', 'discount_given', 'coupon_revenue',
  'points_issued', 'points_redeemed',
] as const;
type Metric = (typeof METRICS)[number];

const cents = (n: number) => Math.round(n * 100) / 100;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export async function workspaceFigures(sql: Queryable, workspaceId: string, period: DashboardPeriod) {
  const [rows, [owed]] = await Promise.all([
    sql<{ metric: Metric; n: number }[]>`
      select metric, sum(n)::float8 as n from workspace_daily
      where workspace_id = ${workspaceId} and day between ${period.from}::date and ${period.to}::date and metric = any(${sql.array([...METRICS])}::text[])
      group by 1`,
    sql<{ n: number }[]>`
      select coalesce(sum(n), 0)::float8 as n from workspace_daily where workspace_id = ${workspaceId} and metric = 'points_net'`,
  ]);
  const m = Object.fromEntries(METRICS.map((k) => [k, rows.find((r) => r.metric === k)?.n ?? 0])) as Record<Metric, number>;
  const sent = m.emails_sent;
  return {
    email: {
      sent, delivered: Math.max(sent - m.bounced, 0), bounced: m.bounced, hardBounced: m.bounced_hard, softBounced: m.bounced_soft, unsubscribed: m.unsubscribed, complained: m.complained,
      deliveredRate: share(Math.max(sent - m.bounced, 0), sent), bounceRate: share(m.bounced, sent),
      unsubscribeRate: share(m.unsubscribed, sent), complaintRate: share(m.complained, sent),
    },
    coupons: {
      issued: m.coupons_issued, redeemed: m.coupons_redeemed, redemptionRate: share(m.coupons_redeemed, m.coupons_issued),
      discountGiven: cents(m.discount_given), revenue: cents(m.coupon_revenue),
    },
    loyalty: { issued: m.points_issued, redeemed: m.points_redeemed, outstanding: owed.n },
  };
}

// Points that moved in the period, per bucket of the shop's zone, in one statement: every ledger entry lands in
// exactly one series, so issued minus the debits is the change of all balances. Positive entries
// are issued, grouped by where they came from (an 'adjust' or any other kind is an adjustment);
// negative ones are redeemed, expired, refunded, or deducted (staff adjustments and the rest).
// Also the referrals completed in the period (Referral Completed events of the referrer).
import type { Database } from '@afterglow/db';
import { LOYALTY_EVENTS } from '@afterglow/journey-core';
import type { AnalyticsPeriod } from './analytics-period';

/** Issued points by source: the ledger kind(s) behind each. */
export const ISSUE_SOURCES = {
  orders: 'order', journeys: 'grant', reviews: 'review', referrals: 'referral', birthday: 'birthday', signup: 'signup',
} as const;
export type IssueSource = keyof typeof ISSUE_SOURCES | 'adjustments';

export interface FlowBucket {
  /** The bucket's first instant (the shop zone's midnight of the day, the Monday, the 1st of the month). */
  start: string;
  issued: Record<IssueSource, number>;
  redeemed: number;
  expired: number;
  refunded: number;
  deducted: number;
}

type Amounts = Omit<FlowBucket, 'start' | 'issued'> & Omit<FlowBucket['issued'], 'referrals'>;
interface Row extends Amounts { start: Date; referralPoints: number; referralsCompleted: number }

const EARNING_KINDS = Object.values(ISSUE_SOURCES);
const DEBIT_KINDS = ['redeem', 'expire', 'refund'];

export async function pointsFlow(database: Database, workspaceId: string, period: AnalyticsPeriod) {
  const { sql } = database;
  const { from, to, bucket, timeZone } = period;
  // Summed per (bucket, kind, sign) first, a few rows per bucket, then spread into the series.
  const issued = (kind: string) => sql`coalesce(sum(points) filter (where credit and kind = ${kind}), 0)::float8`;
  const taken = (kind: string) => sql`coalesce(-sum(points) filter (where not credit and kind = ${kind}), 0)::float8`;
  const rows = await sql<Row[]>`
    with buckets as (
      select generate_series(date_trunc(${bucket}, ${from}::timestamptz, ${timeZone}), date_trunc(${bucket}, ${to}::timestamptz, ${timeZone}),
        ('1 ' || ${bucket})::interval, ${timeZone}) as start
    ), summed as (
      select date_trunc(${bucket}, created_at, ${timeZone}) as start, kind, points > 0 as credit, sum(points) as points
      from loyalty_ledger
      where workspace_id = ${workspaceId} and created_at > ${from} and created_at <= ${to} and points <> 0
      group by 1, 2, 3
    ), moved as (
      select start,
        ${issued('order')} as orders, ${issued('grant')} as journeys, ${issued('review')} as reviews,
        ${issued('referral')} as referrals, ${issued('birthday')} as birthday, ${issued('signup')} as signup,
        coalesce(sum(points) filter (where credit and kind <> all(${EARNING_KINDS}::text[])), 0)::float8 as adjustments,
        ${taken('redeem')} as redeemed, ${taken('expire')} as expired, ${taken('refund')} as refunded,
        coalesce(-sum(points) filter (where not credit and kind <> all(${DEBIT_KINDS}::text[])), 0)::float8 as deducted
      from summed group by start
    )
    select b.start, coalesce(m.orders, 0) as orders, coalesce(m.journeys, 0) as journeys, coalesce(m.reviews, 0) as reviews,
      coalesce(m.referrals, 0) as "referralPoints", coalesce(m.birthday, 0) as birthday, coalesce(m.signup, 0) as signup,
      coalesce(m.adjustments, 0) as adjustments, coalesce(m.redeemed, 0) as redeemed, coalesce(m.expired, 0) as expired,
      coalesce(m.refunded, 0) as refunded, coalesce(m.deducted, 0) as deducted,
      (select count(*)::int from events e where e.workspace_id = ${workspaceId} and e.name = ${LOYALTY_EVENTS.referralCompleted}
        and e.properties ->> 'role' = 'referrer' and e.timestamp > ${from} and e.timestamp <= ${to}) as "referralsCompleted"
    from buckets b left join moved m on m.start = b.start
    order by b.start`;
  const series: FlowBucket[] = rows.map((r) => ({
    start: new Date(r.start).toISOString(),
    issued: {
      orders: r.orders, journeys: r.journeys, reviews: r.reviews, referrals: r.referralPoints,
      birthday: r.birthday, signup: r.signup, adjustments: r.adjustments,
    },
    redeemed: r.redeemed, expired: r.expired, refunded: r.refunded, deducted: r.deducted,
  }));
  return { series, referralsCompleted: rows[0]?.referralsCompleted ?? 0 };
}

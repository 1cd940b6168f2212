// The programme as it stands now, in one statement over the whole ledger: each member's balance
// and lifetime points, then members per stored tier, the outstanding points (positive balances:
// what the shop owes) and who holds them, and the ten largest balances.
// A member is a customer with a ledger entry or a tier the tiers job stored; the tier is
// loyalty_members.tier_id as stored (null until the job first computes it).
// Lifetime points are points earned: positive entries except redemptions and expiry, less refunds
// (the measure tiers are reached by), never below 0.
import type { Database } from '@afterglow/db';

export interface TierCount { tierId: string | null; members: number }
export interface TopMember {
  id: string; tierId: string | null; balance: number; lifetime: number;
  email: string | null; firstName: string | null; lastName: string | null;
}
export interface ProgrammeState { tiers: TierCount[]; outstandingPoints: number; holders: number; top: TopMember[] }

export const TOP_MEMBERS = 10;

export async function programmeState(database: Database, workspaceId: string): Promise<ProgrammeState> {
  const { sql } = database;
  const [row] = await sql<{ tiers: (TierCount & { holders: number; points: number })[]; top: TopMember[] }[]>`
    with per_customer as (
      select customer_id, sum(points)::float8 as balance,
        greatest(coalesce(sum(points) filter (where kind not in ('redeem', 'expire') and (points > 0 or kind = 'refund')), 0), 0)::float8
          as lifetime
      from loyalty_ledger where workspace_id = ${workspaceId}
      group by customer_id
    ), members as (
      select coalesce(p.customer_id, m.customer_id) as customer_id, m.tier_id,
        coalesce(p.balance, 0) as balance, coalesce(p.lifetime, 0) as lifetime
      from per_customer p
      full join (select customer_id, tier_id from loyalty_members where workspace_id = ${workspaceId} and tier_id is not null) m
        on m.customer_id = p.customer_id
    )
    select
      (select coalesce(json_agg(t), '[]') from (
        select tier_id as "tierId", count(*)::int as members, count(*) filter (where balance > 0)::int as holders,
          coalesce(sum(balance) filter (where balance > 0), 0)::float8 as points
        from members group by tier_id) t) as tiers,
      (select coalesce(json_agg(x order by x.balance desc, x.lifetime desc, x.id), '[]') from (
        select top.*, c.email, c.first_name as "firstName", c.last_name as "lastName"
        from (select customer_id as id, tier_id as "tierId", balance, lifetime from members where balance > 0
          order by balance desc, lifetime desc, customer_id limit ${TOP_MEMBERS}) top
        left join customers c on c.workspace_id = ${workspaceId} and c.id = top.id) x) as top`;
  return {
    tiers: row.tiers.map(({ tierId, members }) => ({ tierId, members })),
    outstandingPoints: row.tiers.reduce((sum, t) => sum + t.points, 0),
    holders: row.tiers.reduce((sum, t) => sum + t.holders, 0),
    top: row.top,
  };
}

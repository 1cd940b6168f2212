// One statement per batch of customers: computes their tier (the one definition in
// @afterglow/db) and points balance, stores what changed in loyalty_members, and stores the
// Loyalty Tier Changed and Points Milestone Reached events the changes make. Event message ids
// are deterministic (a tier change: customer, new tier and moment; a milestone: customer and
// milestone), so a retried or concurrent write stores each event once.
import { LOYALTY_EVENTS, type LoyaltySettings } from '@afterglow/journey-core';
import { tierIdAt, tierMeasure, tierPosition, type Queryable } from '@afterglow/db';

export interface LoyaltyEventRow {
  messageId: string;
  customerId: string;
  name: string;
  properties: Record<string, unknown>;
}

/**
 * Recomputes `customerIds` of the workspace as of `now`. A customer's first computation into the
 * lowest tier announces nothing; into a higher one it announces a move up from the lowest. A
 * stored tier the settings no longer have is replaced silently (the shop removed it).
 */
export async function writeLoyaltyStatus(
  tx: Queryable, workspaceId: string, settings: LoyaltySettings, customerIds: string[], now: Date,
): Promise<LoyaltyEventRow[]> {
  if (customerIds.length === 0) return [];
  const { tiers, milestones } = settings;
  const ids = tiers.list.map((t) => t.id);
  const names = tiers.list.map((t) => t.name);
  const at = now.toISOString();
  const measure = tierMeasure(tx, tiers, now, tx`${workspaceId}::text`, tx`c.id`);
  return tx<LoyaltyEventRow[]>`
    with computed as (
      select c.id as customer_id, ${tierPosition(tx, tiers, tx`m.measure`)} as pos,
        coalesce((select sum(l.points) from loyalty_ledger l where l.workspace_id = ${workspaceId} and l.customer_id = c.id), 0)::int as balance
      from (select distinct unnest(${customerIds}::text[]) as id) c
      -- Erased or never-known customers get no member row.
      join customers k on k.workspace_id = ${workspaceId} and k.id = c.id
      cross join lateral (select ${measure} as measure) m
    ), now_state as (
      select c.*, ${tierIdAt(tx, tiers, tx`c.pos`)} as tier_id, lm.tier_id as old_tier, coalesce(lm.milestone, 0) as old_milestone,
        array_position(${ids}::text[], lm.tier_id) as old_pos,
        coalesce((select max(x) from unnest(${milestones}::int[]) x where x <= c.balance), 0) as reached
      from computed c left join loyalty_members lm on lm.workspace_id = ${workspaceId} and lm.customer_id = c.customer_id
    ), stored as (
      insert into loyalty_members as lm (workspace_id, customer_id, tier_id, tier_changed_at, milestone, updated_at)
      select ${workspaceId}, s.customer_id, s.tier_id, ${at}::timestamptz, greatest(s.reached, s.old_milestone), ${at}::timestamptz
      from now_state s where s.old_tier is distinct from s.tier_id or s.reached > s.old_milestone
      on conflict (workspace_id, customer_id) do update set
        tier_changed_at = case when lm.tier_id is distinct from excluded.tier_id then excluded.tier_changed_at else lm.tier_changed_at end,
        tier_id = excluded.tier_id, milestone = greatest(lm.milestone, excluded.milestone), updated_at = excluded.updated_at
      returning 1
    ), announced as (
      select s.customer_id, 'loyalty-tier:' || s.customer_id || ':' || s.tier_id || ':' || ${at} as message_id,
        ${LOYALTY_EVENTS.tierChanged}::text as name,
        jsonb_build_object('from_tier', (${ids}::text[])[coalesce(s.old_pos, 1)], 'to_tier', s.tier_id,
          'from_tier_name', (${names}::text[])[coalesce(s.old_pos, 1)], 'to_tier_name', (${names}::text[])[s.pos],
          'direction', case when s.pos > coalesce(s.old_pos, 1) then 'up' else 'down' end) as properties
      from now_state s
      where s.old_tier is distinct from s.tier_id and (s.old_pos is not null or (s.old_tier is null and s.pos > 1))
      union all
      select s.customer_id, 'loyalty-milestone:' || s.customer_id || ':' || x, ${LOYALTY_EVENTS.milestone}::text,
        jsonb_build_object('milestone', x, 'points', s.balance)
      from now_state s cross join lateral unnest(${milestones}::int[]) x
      where x > s.old_milestone and x <= s.balance
    ), inserted as (
      insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp, received_at)
      select ${workspaceId}, a.message_id, 'track', a.customer_id, a.name, a.properties, ${at}::timestamptz, ${at}::timestamptz
      from announced a
      on conflict (workspace_id, message_id) do nothing
      returning message_id as "messageId", customer_id as "customerId", name, properties
    )
    select i.* from inserted i cross join (select count(*) from stored) written
    order by i."customerId", i.name, i."messageId"`;
}

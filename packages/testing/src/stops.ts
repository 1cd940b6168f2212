// The moments `advance` stops at on its way to its target: each time at which the engine has
// something to do of its own accord (a wait ending, a held send, a retry's backoff, a scheduled
// broadcast, a checkout's abandonment delay ending, a loyalty member's points expiry reminder or
// expiry falling due, a referral's qualifying period ending, points or an order leaving a rolling
// loyalty window (a tier may fall then), and with a calendar trigger live each hour at its minute,
// when a birthday or a schedule may fall due somewhere; with birthday points on, each birthday's
// local midnight). Stopping at each, in order, runs every step at its own time, as the recurring
// tick would: an email due on day 3 goes out on day 3, not when the test's last day comes.
import { NOT_EARNED_KINDS, type Queryable } from '@afterglow/db';
import { abandonmentDelay, nextLoyaltyExpiry, nextReferralDue } from '@afterglow/engine';
import { readLoyaltySettings, type JourneyPlan } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';

/** The earliest due moment strictly after `after`, or null when nothing is scheduled. */
export async function nextDueTime(sql: Queryable, registry: NodeRegistry, after: Date): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`
    select min(t) as at from (
      select min(due_at) as t from journey_runs where status in ('active', 'waiting') and due_at > ${after}
      union all select min(next_attempt_at) from email_outbox where status = 'pending' and next_attempt_at > ${after}
      union all select min(next_attempt_at) from service_effects where status = 'pending' and next_attempt_at > ${after}
    ) due`;
  const plans = await livePlans(sql);
  const broadcast = nextBroadcastStart(plans, registry, after);
  const times = [row?.at, broadcast, nextCalendarHour(plans, registry, after), await nextAbandonment(sql, after),
    await nextLoyaltyExpiry(sql, after), await nextBirthday(sql, after), await nextReferralDue(sql, after), await nextWindowExit(sql, after)]
    .filter((t): t is Date => t instanceof Date);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

interface LivePlan { plan: JourneyPlan; enrolled: boolean }

/** The live versions started by no event (broadcasts, calendar triggers), and whether a broadcast enrolled. */
const livePlans = (sql: Queryable) => sql<LivePlan[]>`
  select v.plan, b.version_id is not null as enrolled from journeys j join journey_versions v on v.id = j.current_version_id
  left join broadcasts b on b.version_id = v.id
  where j.status = 'live' and v.plan->>'triggerEvent' is null`;

const triggerOf = (registry: NodeRegistry, plan: JourneyPlan) => {
  const config = plan.nodes[plan.triggerNodeId]?.config as never;
  return { def: registry.get(plan.triggerType)?.trigger, config };
};

/** Live broadcast versions not enrolled yet start at their trigger's `startAt` (the engine's own rule). */
function nextBroadcastStart(plans: LivePlan[], registry: NodeRegistry, after: Date): Date | null {
  const starts = plans.flatMap(({ plan, enrolled }) => {
    if (enrolled) return [];
    const { def, config } = triggerOf(registry, plan);
    const audience = def?.audience?.(config);
    return audience?.startAt && audience.startAt > after ? [audience.startAt.getTime()] : [];
  });
  return starts.length ? new Date(Math.min(...starts)) : null;
}

/**
 * With a calendar trigger live, the next hour at its minute (a date trigger's :00, a schedule's
 * own): some zone's local hour may have come. Zones off the hour by 30 or 45 minutes are caught
 * up at the stop after, the same local day, as the engine's job catches up.
 */
function nextCalendarHour(plans: LivePlan[], registry: NodeRegistry, after: Date): Date | null {
  const minutes = new Set(plans.flatMap(({ plan }) => {
    const { def, config } = triggerOf(registry, plan);
    const calendar = def?.calendar?.(config);
    return calendar ? [calendar.kind === 'schedule' ? calendar.minute : 0] : [];
  }));
  const hour = Math.floor(after.getTime() / 3600e3) * 3600e3;
  const next = [...minutes].map((m) => {
    const at = hour + m * 60e3;
    return at > after.getTime() ? at : at + 3600e3;
  });
  return next.length ? new Date(Math.min(...next)) : null;
}

/** When the first open checkout's abandonment delay ends (the engine's own expression of the delay). */
async function nextAbandonment(sql: Queryable, after: Date): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`
    select min(c.updated_at + ${abandonmentDelay(sql)}) as at
    from checkouts c join workspaces w on w.id = c.workspace_id
    where c.completed_at is null and c.abandoned_at is null and c.updated_at + ${abandonmentDelay(sql)} > ${after}`;
  return row?.at ?? null;
}

/**
 * With the loyalty programme's birthday points on, when the next customer's birthday begins (local
 * midnight in their time zone, UTC for an unknown one; 29 February is 28 February in other years).
 */
async function nextBirthday(sql: Queryable, after: Date): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`
    select min(s.at) as at from workspaces w
    join customers c on c.workspace_id = w.id and c.birthday is not null
    left join pg_timezone_names z on z.name = c.timezone
    cross join generate_series(extract(year from ${after}::timestamptz at time zone 'UTC')::int - 1,
      extract(year from ${after}::timestamptz at time zone 'UTC')::int + 1) y
    cross join lateral (select (c.birthday + make_interval(years => y - extract(year from c.birthday)::int))::date::timestamp
      at time zone coalesce(z.name, 'UTC') as at) s
    where w.settings #>> '{loyalty,earning,birthday,enabled}' = 'true' and y > extract(year from c.birthday) and s.at > ${after}`;
  return row?.at ?? null;
}

/**
 * With a rolling loyalty window, the first moment after `after` that an earning entry (or, for
 * tiers by spend, an order) leaves it: an entry written at t counts until t + windowDays.
 */
async function nextWindowExit(sql: Queryable, after: Date): Promise<Date | null> {
  const workspaces = await sql<{ id: string; loyalty: unknown }[]>`select id, settings->'loyalty' as loyalty from workspaces`;
  const exits: number[] = [];
  for (const w of workspaces) {
    const { tiers } = readLoyaltySettings(w.loyalty);
    if (tiers.windowDays === 0) continue;
    const windowMs = tiers.windowDays * 86_400_000;
    const since = new Date(after.getTime() - windowMs);
    const [row] = tiers.basis === 'spend'
      ? await sql<{ t: Date | null }[]>`select min(placed_at) as t from orders where workspace_id = ${w.id}
          and placed_at > ${since} and status not in ('cancelled', 'refunded')`
      : await sql<{ t: Date | null }[]>`select min(created_at) as t from loyalty_ledger where workspace_id = ${w.id}
          and created_at > ${since} and kind <> all(${NOT_EARNED_KINDS}::text[]) and (points > 0 or kind = 'refund')`;
    if (row?.t) exits.push(row.t.getTime() + windowMs);
  }
  return exits.length ? new Date(Math.min(...exits)) : null;
}

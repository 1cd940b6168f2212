// The moments `advance` stops at on its way to its target: each time at which the engine has
// something to do of its own accord (a wait ending, a held send, a retry's backoff, a scheduled
// broadcast). Stopping at each, in order, runs every step at its own time, as the recurring
// tick would: an email due on day 3 goes out on day 3, not when the test's last day comes.
import type { Queryable } from '@afterglow/db';
import type { JourneyPlan } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';

/** The earliest due moment strictly after `after`, or null when nothing is scheduled. */
export async function nextDueTime(sql: Queryable, registry: NodeRegistry, after: Date): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`
    select min(t) as at from (
      select min(due_at) as t from journey_runs where status in ('active', 'waiting') and due_at > ${after}
      union all select min(next_attempt_at) from email_outbox where status = 'pending' and next_attempt_at > ${after}
      union all select min(next_attempt_at) from service_effects where status = 'pending' and next_attempt_at > ${after}
    ) due`;
  const broadcast = await nextBroadcastStart(sql, registry, after);
  const times = [row?.at, broadcast].filter((t): t is Date => t instanceof Date);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

/** Live broadcast versions not enrolled yet start at their trigger's `startAt` (the engine's own rule). */
async function nextBroadcastStart(sql: Queryable, registry: NodeRegistry, after: Date): Promise<Date | null> {
  const plans = await sql<{ plan: JourneyPlan }[]>`
    select v.plan from journeys j join journey_versions v on v.id = j.current_version_id
    left join broadcasts b on b.version_id = v.id
    where j.status = 'live' and b.version_id is null and v.plan->>'triggerEvent' is null`;
  const starts = plans.flatMap(({ plan }) => {
    const audience = registry.get(plan.triggerType)?.trigger?.audience?.(plan.nodes[plan.triggerNodeId]?.config as never);
    return audience?.startAt && audience.startAt > after ? [audience.startAt.getTime()] : [];
  });
  return starts.length ? new Date(Math.min(...starts)) : null;
}

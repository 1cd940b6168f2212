// What an incoming event does to runs already under way, inside the ingestion transaction:
// it ends runs whose journey goal it meets (recording a conversion), and wakes runs waiting
// for it. Candidates are read per customer of the batch; decisions are made in code (the
// same event-name rules as triggers); writes are set-based and re-check the run's state.
import { fitsMoney, type Queryable } from '@afterglow/db';
import { normalizeEventName, propertyAt } from '@afterglow/node-sdk';
import type { JourneySettings } from '@afterglow/journey-core';
import type { StoredEvent, WaitState } from './types';

/** A run as goals and awaited events judge it (also the simulation's in-memory runs). */
export interface Candidate {
  id: string;
  workspaceId: string;
  customerId: string;
  status: string;
  wait: WaitState | null;
  triggerProperties: Record<string, unknown> | null;
  goal: JourneySettings['goal'];
}

const sameValue = (a: unknown, b: unknown) => a !== undefined && a !== null && String(a) === String(b);

export function meetsGoal(run: Candidate, event: StoredEvent): boolean {
  const goal = run.goal;
  if (!goal || normalizeEventName(goal.event) !== normalizeEventName(event.name)) return false;
  if (!goal.matchTriggerProperty) return true;
  return sameValue(propertyAt(event.properties, goal.matchTriggerProperty), propertyAt(run.triggerProperties ?? {}, goal.matchTriggerProperty));
}

export function awaits(run: Candidate, event: StoredEvent): boolean {
  const wait = run.wait;
  if (run.status !== 'waiting' || !wait?.event || !wait.onEvent || wait.event !== normalizeEventName(event.name)) return false;
  return Object.entries(wait.match ?? {}).every(([key, value]) => sameValue(propertyAt(event.properties, key), value));
}

export async function applyEventsToRuns(tx: Queryable, events: StoredEvent[], now: Date): Promise<{ converted: number; woken: number }> {
  if (events.length === 0) return { converted: 0, woken: 0 };
  const candidates = await tx<Candidate[]>`
    select r.id, r.workspace_id as "workspaceId", r.customer_id as "customerId", r.status, r.wait,
           r.context->'trigger'->'properties' as "triggerProperties", v.plan->'settings'->'goal' as goal
    from journey_runs r join journey_versions v on v.id = r.version_id
    where (r.workspace_id, r.customer_id) in (
        select * from unnest(${events.map((e) => e.workspaceId)}::text[], ${events.map((e) => e.customerId)}::text[]))
      and r.status in ('active', 'waiting')
      and (jsonb_typeof(v.plan->'settings'->'goal') = 'object' or r.wait ? 'event')`;
  if (candidates.length === 0) return { converted: 0, woken: 0 };

  const conversions: Record<string, unknown>[] = [];
  const wakes: { id: string; wait: WaitState; woken: WaitState }[] = [];
  for (const run of candidates) {
    const mine = events.filter((e) => e.workspaceId === run.workspaceId && e.customerId === run.customerId);
    const goal = mine.find((e) => meetsGoal(run, e));
    if (goal) {
      conversions.push({ id: run.id, message_id: goal.messageId, name: goal.name,
        revenue: revenueOrNull(goal.properties.total ?? goal.properties.revenue), currency: stringOrNull(goal.properties.currency) });
      continue;
    }
    const awaited = mine.find((e) => awaits(run, e));
    if (awaited && run.wait) wakes.push({ id: run.id, wait: run.wait, woken: { ...run.wait, onTime: run.wait.onEvent! } });
  }

  let converted = 0;
  if (conversions.length) {
    const ended = await tx`
      with goal as (select * from jsonb_to_recordset(${tx.json(conversions as never)}) as g(id uuid, message_id text,
        name text, revenue numeric, currency text)),
      ended as (
        update journey_runs r set status = 'exited', exit_reason = 'goal: ' || goal.name, due_at = null, wait = null,
          step_count = r.step_count + 1, updated_at = ${now}
        from goal where r.id = goal.id and r.status in ('active', 'waiting')
        returning r.*, goal.message_id, goal.name as event_name, goal.revenue, goal.currency),
      steps as (
        insert into run_walks (run_id, first_step, workspace_id, version_id, steps, at)
        select id, step_count, workspace_id, version_id, jsonb_build_array(jsonb_build_object('node', node_id,
          'outcome', 'goal', 'detail', jsonb_build_object('goal', event_name, 'messageId', message_id))), ${now} from ended
        on conflict do nothing)
      insert into conversions (run_id, workspace_id, customer_id, journey_id, version_id, node_id, event_message_id,
        event_name, revenue, currency, at)
      select id, workspace_id, customer_id, journey_id, version_id, node_id, message_id, event_name, revenue, currency, ${now}
      from ended
      on conflict do nothing
      returning run_id`;
    converted = ended.length;
  }
  let woken = 0;
  if (wakes.length) {
    // `r.wait = w.wait` re-checks that the run still waits where we saw it.
    const rows = await tx`
      update journey_runs r set due_at = ${now}, wait = w.woken, updated_at = ${now}
      from jsonb_to_recordset(${tx.json(wakes as never)}) as w(id uuid, wait jsonb, woken jsonb)
      where r.id = w.id and r.status = 'waiting' and r.wait = w.wait
      returning r.id`;
    woken = rows.length;
  }
  return { converted, woken };
}

/**
 * The goal event's revenue, when conversions.revenue (numeric(12,2)) can hold it: any event
 * can be a goal, so its properties were never held to an order's schema. A revenue past the
 * column is unknown (null); the goal was still met.
 */
function revenueOrNull(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && fitsMoney(n) ? n : null;
}

function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.length <= 10 ? v : null;
}

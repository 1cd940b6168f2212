// Enrolment from events: inside the ingestion transaction, each newly stored event enters
// every live journey whose trigger matches it, under the journey's re-entry rule. The
// unique (journey, customer, entry key) index makes the rules hold under concurrent events.
import type { Queryable } from '@afterglow/db';
import { publishedDefinitionOf, type JourneyPlan } from '@afterglow/journey-core';
import { normalizeEventName, type NodeRegistry } from '@afterglow/node-sdk';
import type { StoredEvent } from './types';

interface LiveJourney {
  journeyId: string;
  workspaceId: string;
  versionId: string;
  plan: JourneyPlan;
}

interface Entry {
  workspace_id: string;
  customer_id: string;
  journey_id: string;
  version_id: string;
  entry_key: string;
  node_id: string;
  context: Record<string, unknown>;
  cooldownDays: number | null;
}

export async function enrolEvents(tx: Queryable, registry: NodeRegistry, events: StoredEvent[], now: Date): Promise<number> {
  if (events.length === 0) return 0;
  const names = [...new Set(events.map((e) => normalizeEventName(e.name)))];
  const workspaces = [...new Set(events.map((e) => e.workspaceId))];
  const journeys = await tx<LiveJourney[]>`
    select j.id as "journeyId", j.workspace_id as "workspaceId", v.id as "versionId", v.plan
    from journeys j join journey_versions v on v.id = j.current_version_id
    where j.status = 'live' and j.workspace_id = any(${workspaces}) and v.plan->>'triggerEvent' = any(${names})`;
  if (journeys.length === 0) return 0;

  const entries = new Map<string, Entry>();
  for (const event of events) {
    for (const journey of journeys) {
      if (journey.workspaceId !== event.workspaceId) continue;
      const entry = entryFor(registry, journey.plan, event, now);
      if (!entry) continue;
      const key = `${journey.journeyId}/${event.customerId}/${entry.entryKey}`;
      if (entries.has(key)) continue; // the first of identical entries in one batch wins
      entries.set(key, {
        workspace_id: event.workspaceId, customer_id: event.customerId, journey_id: journey.journeyId,
        version_id: journey.versionId, entry_key: entry.entryKey, node_id: journey.plan.triggerNodeId,
        context: entry.context, cooldownDays: entry.cooldownDays,
      });
    }
  }
  const rows = await withoutCooledDown(tx, [...entries.values()], now);
  if (rows.length === 0) return 0;
  const inserted = await tx`
    insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id, due_at,
      context, entered_at, updated_at)
    select workspace_id, customer_id, journey_id, version_id, entry_key, 'active', node_id, ${now}, context, ${now}, ${now}
    from jsonb_to_recordset(${tx.json(rows as never)}) as v(workspace_id text, customer_id text,
      journey_id text, version_id text, entry_key text, node_id text, context jsonb)
    on conflict (workspace_id, journey_id, customer_id, entry_key) do nothing
    returning id`;
  return inserted.length;
}

/** Whether `event` enters `plan`, and under which entry key and re-entry rule (also the simulation's). */
export function entryFor(registry: NodeRegistry, plan: JourneyPlan, event: StoredEvent, now: Date) {
  // Matched as the trigger's version the journey was published with, as its steps are run.
  const node = plan.nodes[plan.triggerNodeId];
  const trigger = publishedDefinitionOf(registry, node)?.trigger;
  const config = node?.config as never;
  if (!trigger || !trigger.matches(event, config)) return null;
  const reentry = plan.settings?.reentry ?? { mode: 'trigger' };
  const entryKey = reentry.mode === 'once' ? 'once'
    : reentry.mode === 'cooldown' ? `cooldown:${now.toISOString()}` : trigger.entryKey(event, config);
  return {
    entryKey,
    cooldownDays: reentry.mode === 'cooldown' ? reentry.days : null,
    context: { trigger: { messageId: event.messageId, name: event.name, properties: event.properties, timestamp: event.timestamp.toISOString() } },
  };
}

/**
 * "Again after N days": the unique index cannot express a time window, so each
 * (journey, customer) pair is serialised with a transaction-scoped advisory lock (taken in
 * a fixed order, so concurrent batches cannot deadlock), then checked against the last entry.
 */
async function withoutCooledDown(tx: Queryable, entries: Entry[], now: Date): Promise<Entry[]> {
  const cooling = entries.filter((e) => e.cooldownDays !== null);
  if (cooling.length === 0) return entries;
  const lockKeys = [...new Set(cooling.map((e) => `${e.journey_id}/${e.customer_id}`))].sort();
  await tx`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${lockKeys}::text[]) as k order by k`;
  const recent = await tx<{ key: string }[]>`
    select r.journey_id || '/' || r.customer_id as key
    from journey_runs r
    join jsonb_to_recordset(${tx.json(cooling.map((e) => ({ journey_id: e.journey_id, customer_id: e.customer_id,
      workspace_id: e.workspace_id, since: new Date(now.getTime() - e.cooldownDays! * 86400e3).toISOString() })) as never)})
      as c(journey_id text, customer_id text, workspace_id text, since timestamptz)
      on r.workspace_id = c.workspace_id and r.journey_id = c.journey_id and r.customer_id = c.customer_id
    where r.entered_at > c.since`;
  const blocked = new Set(recent.map((r) => r.key));
  return entries.filter((e) => e.cooldownDays === null || !blocked.has(`${e.journey_id}/${e.customer_id}`));
}

// Enrolment from events: inside the ingestion transaction, each newly stored event enters
// every live journey whose trigger matches it. The unique (journey, customer, entry key)
// index makes re-entry rules hold even under concurrent identical events.
import type { JourneyPlan } from '@afterglow/journey-core';
import type { Queryable } from '@afterglow/db';
import { normalizeEventName, type NodeRegistry } from '@afterglow/node-sdk';
import type { StoredEvent } from './types';

interface LiveJourney {
  journeyId: string;
  workspaceId: string;
  versionId: string;
  plan: JourneyPlan;
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

  const rows = [];
  for (const event of events) {
    for (const journey of journeys) {
      if (journey.workspaceId !== event.workspaceId) continue;
      const trigger = registry.get(journey.plan.triggerType)?.trigger;
      const config = journey.plan.nodes[journey.plan.triggerNodeId]?.config as never;
      if (!trigger || !trigger.matches(event, config)) continue;
      rows.push({
        workspace_id: event.workspaceId, customer_id: event.customerId, journey_id: journey.journeyId,
        version_id: journey.versionId, entry_key: trigger.entryKey(event, config), status: 'active',
        node_id: journey.plan.triggerNodeId, due_at: now.toISOString(),
        context: { trigger: { messageId: event.messageId, name: event.name, properties: event.properties, timestamp: event.timestamp.toISOString() } },
        entered_at: now.toISOString(), updated_at: now.toISOString(),
      });
    }
  }
  if (rows.length === 0) return 0;
  const inserted = await tx`
    insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id, due_at,
      context, entered_at, updated_at)
    select * from jsonb_to_recordset(${tx.json(rows as never)}) as v(workspace_id text, customer_id text,
      journey_id text, version_id text, entry_key text, status text, node_id text, due_at timestamptz,
      context jsonb, entered_at timestamptz, updated_at timestamptz)
    on conflict (workspace_id, journey_id, customer_id, entry_key) do nothing
    returning id`;
  return inserted.length;
}

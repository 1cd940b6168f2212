// Fixture helpers: a workspace with customers, and journeys published straight through
// journey-core (validate + compile), the same steps publishJourney takes.
import type { Database, Queryable } from '@afterglow/db';
import { compileGraph, validateGraph, type JourneyGraph } from '@afterglow/journey-core';
import type { StoredEvent } from '@afterglow/engine';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { randomUUID } from 'node:crypto';

export interface FixtureCustomer {
  id: string;
  email: string | null;
  firstName: string;
  timezone?: string;
  orders?: number;
}

export async function seedWorkspace(db: Database, workspaceId: string, customers: FixtureCustomer[], now: Date) {
  await db.sql`insert into workspaces (id, name, signing_secret) values (${workspaceId}, 'Test shop', 'secret')`;
  for (const c of customers) {
    await db.sql`insert into customers (workspace_id, id, email, first_name, timezone)
      values (${workspaceId}, ${c.id}, ${c.email}, ${c.firstName}, ${c.timezone ?? 'UTC'})`;
    for (let i = 0; i < (c.orders ?? 0); i++) {
      await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
        values (${workspaceId}, ${`${c.id}_o${i}`}, ${c.id}, 40, ${new Date(now.getTime() - (i + 1) * 86400e3)})`;
    }
  }
}

export async function publishGraph(db: Database, registry: NodeRegistry, workspaceId: string, journeyId: string, graph: JourneyGraph) {
  const issues = validateGraph(graph, registry);
  if (issues.length) throw new Error(`fixture journey is invalid: ${JSON.stringify(issues)}`);
  const plan = compileGraph(graph, registry);
  const [existing] = await db.sql`select id from journeys where id = ${journeyId}`;
  if (!existing) {
    await db.sql`insert into journeys (id, workspace_id, name, draft, status)
      values (${journeyId}, ${workspaceId}, ${journeyId}, ${db.sql.json(graph as never)}, 'live')`;
  }
  const [{ version }] = await db.sql`select coalesce(max(version), 0)::int + 1 as version from journey_versions where journey_id = ${journeyId}`;
  const versionId = `${journeyId}_v${version}`;
  await db.sql`insert into journey_versions (id, journey_id, workspace_id, version, graph, plan)
    values (${versionId}, ${journeyId}, ${workspaceId}, ${version}, ${db.sql.json(graph as never)}, ${db.sql.json(plan as never)})`;
  await db.sql`update journeys set current_version_id = ${versionId}, status = 'live' where id = ${journeyId}`;
  return versionId;
}

/** Stores events the way ingestion does and enrols them in the same transaction. */
export async function ingestEvents(
  db: Database,
  enrol: (tx: Queryable, events: StoredEvent[]) => Promise<number>,
  events: Omit<StoredEvent, 'messageId'>[],
): Promise<number> {
  const stored = events.map((e) => ({ ...e, messageId: randomUUID() }));
  return db.sql.begin(async (tx) => {
    for (const e of stored) {
      await tx`insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp)
        values (${e.workspaceId}, ${e.messageId}, 'track', ${e.customerId}, ${e.name}, ${tx.json(e.properties as never)}, ${e.timestamp})`;
    }
    return enrol(tx, stored);
  }) as Promise<number>;
}

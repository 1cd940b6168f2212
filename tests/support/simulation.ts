// Fixtures for simulation tests: a simulations row queued as the API queues one, and a
// fingerprint of every table a simulation must never touch.
import type { Database } from '@afterglow/db';
import type { SimulationResult, SimulationSpec, TraceEntry } from '@afterglow/engine';
import { compileGraph, type JourneyGraph } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { randomUUID } from 'node:crypto';

export async function queueSimulation(
  db: Database, registry: NodeRegistry, ws: string, journeyId: string, graph: JourneyGraph, settings: unknown, spec: SimulationSpec,
): Promise<string> {
  const id = `sim_${randomUUID()}`;
  const plan = compileGraph(graph, registry, settings);
  await db.sql`insert into simulations (id, workspace_id, journey_id, plan, spec, draft_revision)
    values (${id}, ${ws}, ${journeyId}, ${db.sql.json(plan as never)}, ${db.sql.json(spec as never)}, 'test')`;
  return id;
}

export async function simulationRow(db: Database, id: string) {
  const [row] = await db.sql<{ status: string; progress: number; error: string | null; result: SimulationResult | null }[]>`
    select status, progress, error, result from simulations where id = ${id}`;
  return row;
}

/** A digest of every table's rows (the simulations table and Agenda's own excepted). */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await db.sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('simulations', 'agenda_jobs', 'agenda_logs', '__drizzle_migrations') order by 1`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.sql<{ digest: string }[]>`
      select count(*) || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as digest from ${db.sql(name)} x`;
    out[name] = row.digest;
  }
  return out;
}

export const stepCount = (trace: TraceEntry[], kind: TraceEntry['kind']) => trace.filter((e) => e.kind === kind).length;

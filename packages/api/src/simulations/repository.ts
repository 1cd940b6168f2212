// Simulations as the API sees them: queued here (the engine's `simulations:run` job replays
// them), read with their progress, result and whether the draft has changed since, cancelled.
import { followCustomer, type SimulationResult, type SimulationSpec, type TraceEntry } from '@afterglow/engine';
import { randomBytes } from 'node:crypto';
import { notFound } from '../journeys/errors';
import { appUrl, type ApiDeps } from '../trpc/deps';
import { planToSimulate, revisionSql } from './plan';
import { periodOf, type FollowInput, type StartInput } from './schema';

export interface SimulationView {
  id: string;
  journeyId: string;
  /** The version simulated; null for the draft. */
  versionId: string | null;
  status: 'queued' | 'running' | 'done' | 'cancelled' | 'failed';
  progress: number;
  /** A draft's simulation whose draft has changed since. */
  stale: boolean;
  spec: SimulationSpec;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export async function startSimulation(deps: ApiDeps, workspaceId: string, userId: string, input: StartInput): Promise<{ simulationId: string }> {
  const { sql } = deps.database;
  const simulated = await planToSimulate(deps, workspaceId, input.journeyId, input.source);
  const spec: SimulationSpec = { ...periodOf(input.period, deps.clock.now()), population: input.population, sampleCustomerIds: input.sampleCustomerIds };
  const id = `sim_${randomBytes(9).toString('base64url')}`;
  await sql`insert into simulations (id, workspace_id, journey_id, version_id, draft_revision, plan, spec, requested_by)
    values (${id}, ${workspaceId}, ${input.journeyId}, ${simulated.versionId}, ${simulated.draftRevision},
      ${sql.json(simulated.plan as never)}, ${sql.json(spec as never)}, ${userId})`;
  // The worker's simulations:run job finds it within 2 seconds.
  return { simulationId: id };
}

const columns = (deps: ApiDeps) => deps.database.sql`
  s.id, s.journey_id as "journeyId", s.version_id as "versionId", s.status, s.progress, s.spec, s.error,
  s.created_at as "createdAt", s.finished_at as "finishedAt",
  (s.version_id is null and s.draft_revision is distinct from (select ${deps.database.sql.unsafe(revisionSql)} from journeys j where j.id = s.journey_id)) as stale`;

export async function getSimulation(deps: ApiDeps, workspaceId: string, id: string): Promise<SimulationView & { result: SimulationResult | null }> {
  const [row] = await deps.database.sql<(SimulationView & { result: SimulationResult | null })[]>`
    select ${columns(deps)}, s.result from simulations s where s.id = ${id} and s.workspace_id = ${workspaceId}`;
  if (!row) throw notFound('simulation', id, 'simulationId');
  return row;
}

/** A journey's latest simulations (newest first, without results): to compare two, or find the one still running. */
export async function listSimulations(deps: ApiDeps, workspaceId: string, journeyId: string): Promise<SimulationView[]> {
  return deps.database.sql<SimulationView[]>`
    select ${columns(deps)} from simulations s where s.journey_id = ${journeyId} and s.workspace_id = ${workspaceId}
    order by s.created_at desc limit 20`;
}

/** A queued simulation is cancelled at once; a running one at its next progress write. */
export async function cancelSimulation(deps: ApiDeps, workspaceId: string, id: string): Promise<{ status: string }> {
  const [row] = await deps.database.sql<{ status: string }[]>`
    update simulations set cancel_requested = true,
      status = case when status = 'queued' then 'cancelled' else status end,
      finished_at = case when status = 'queued' then now() else finished_at end
    where id = ${id} and workspace_id = ${workspaceId} returning status`;
  if (!row) throw notFound('simulation', id, 'simulationId');
  return row;
}

export async function followOne(deps: ApiDeps, workspaceId: string, input: FollowInput): Promise<{ trace: TraceEntry[]; entered: number }> {
  const [customer] = await deps.database.sql`select 1 from customers where workspace_id = ${workspaceId} and id = ${input.customerId}`;
  if (!customer) throw notFound('customer', input.customerId, 'customerId');
  const simulated = await planToSimulate(deps, workspaceId, input.journeyId, input.source);
  const { trace, result } = await followCustomer(
    { database: deps.database, registry: deps.registry, clock: deps.clock, fromAddress: 'shop@afterglow.local', publicUrl: () => appUrl(deps) },
    { workspaceId, journeyId: input.journeyId, versionId: simulated.versionId, plan: simulated.plan, ...periodOf(input.period, deps.clock.now()), customerId: input.customerId },
  );
  return { trace, entered: result.entries.total };
}

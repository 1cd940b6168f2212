// The `simulations:run` job: takes the oldest queued simulation of a workspace that has none
// running (one at a time per workspace; others wait their turn), replays it, and stores progress,
// then the result, in its `simulations` row, the only row a simulation writes. A cancel is asked
// through the row and seen at the next progress write. A simulation whose process died (no
// heartbeat for a minute) is queued again: it wrote nothing elsewhere, so starting over is safe.
import type { Database } from '@afterglow/db';
import { mapPlanSecrets, type JourneyPlan } from '@afterglow/journey-core';
import type { Logger, NodeRegistry } from '@afterglow/node-sdk';
import type { Clock } from '../clock';
import { replay } from './replay';
import type { SimulationSpec } from './types';

export interface SimulationJobDeps {
  database: Database;
  registry: NodeRegistry;
  clock: Clock;
  fromAddress: string;
  publicUrl: () => string;
  log: Logger;
}

interface Claimed { id: string; workspaceId: string; journeyId: string; versionId: string | null; plan: JourneyPlan; spec: SimulationSpec }

class Cancelled extends Error {}

/** How often progress (and the heartbeat) is written while a simulation runs. */
const PROGRESS_EVERY_MS = 1000;

async function claim(deps: SimulationJobDeps): Promise<Claimed | null> {
  return deps.database.sql.begin(async (tx) => {
    // Claims are serialised, so two workers cannot start two simulations of one workspace.
    await tx`select pg_advisory_xact_lock(hashtextextended('simulations:claim', 0))`;
    await tx`update simulations set status = 'queued' where status = 'running' and heartbeat_at < now() - interval '1 minute'`;
    const [row] = await tx<Claimed[]>`
      update simulations set status = 'running', progress = 0, started_at = now(), heartbeat_at = now()
      where id = (
        select s.id from simulations s
        where s.status = 'queued' and not exists (select 1 from simulations r where r.workspace_id = s.workspace_id and r.status = 'running')
        order by s.created_at limit 1)
      returning id, workspace_id as "workspaceId", journey_id as "journeyId", version_id as "versionId", plan, spec`;
    return row ?? null;
  }) as Promise<Claimed | null>;
}

async function runOne(deps: SimulationJobDeps, sim: Claimed): Promise<void> {
  const { sql, secrets } = deps.database;
  let last = 0;
  const progress = async (percent: number) => {
    if (Date.now() - last < PROGRESS_EVERY_MS) return;
    last = Date.now();
    const [row] = await sql<{ cancel: boolean }[]>`
      update simulations set progress = ${percent}, heartbeat_at = now() where id = ${sim.id} returning cancel_requested as cancel`;
    if (!row || row.cancel) throw new Cancelled();
  };
  try {
    const plan = mapPlanSecrets(sim.plan, deps.registry, (value) => secrets.open(value));
    const { result } = await replay({ sql, registry: deps.registry, secrets, workspaceId: sim.workspaceId, journeyId: sim.journeyId,
      versionId: sim.versionId, plan, spec: sim.spec, fromAddress: deps.fromAddress, publicUrl: deps.publicUrl, now: deps.clock.now(), progress });
    await sql`update simulations set status = 'done', progress = 100, result = ${sql.json(result as never)}, finished_at = now()
      where id = ${sim.id} and status = 'running'`;
  } catch (err) {
    const cancelled = err instanceof Cancelled;
    if (!cancelled) deps.log.error('simulation failed', { simulationId: sim.id, error: err instanceof Error ? err.message : String(err) });
    await sql`update simulations set status = ${cancelled ? 'cancelled' : 'failed'}, finished_at = now(),
      error = ${cancelled ? null : err instanceof Error ? err.message : String(err)}
      where id = ${sim.id} and status = 'running'`;
  }
}

/** Runs queued simulations until none can start; returns how many ran. */
export async function runQueuedSimulations(deps: SimulationJobDeps): Promise<number> {
  let ran = 0;
  for (let sim = await claim(deps); sim; sim = await claim(deps)) {
    await runOne(deps, sim);
    ran++;
  }
  return ran;
}

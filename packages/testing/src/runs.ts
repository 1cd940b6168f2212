// Where each run of a journey is and what it did: journey_runs (status, node, due time) and the
// steps it took (the run_steps view over run_walks, the run timeline's source).
import type { Queryable } from '@afterglow/db';

export type RunStatus = 'active' | 'waiting' | 'completed' | 'exited' | 'failed';

export interface RunStep {
  node: string;
  /** 'next' | 'sleep' | 'resume' | 'exit' | 'end' | 'error' | 'retry' | 'goal' | 'defer' */
  outcome: string;
  branch: string | null;
  detail: Record<string, unknown> | null;
  at: Date;
}

export interface JourneyRun {
  id: string;
  customerId: string;
  versionId: string;
  status: RunStatus;
  /** The node it is at (waiting, active, failed) or ended in. */
  nodeId: string;
  /** When it steps next (a wait's end, a held send's release); null once it has ended. */
  dueAt: Date | null;
  exitReason: string | null;
  error: string | null;
  enteredAt: Date;
  steps: RunStep[];
}

/** The journey's runs (every version), oldest entry first; at the same moment by customer, then entry key (e.g. the order id). */
export async function runsOf(sql: Queryable, journeyId: string): Promise<JourneyRun[]> {
  const runs = await sql<Omit<JourneyRun, 'steps'>[]>`
    select id, customer_id as "customerId", version_id as "versionId", status, node_id as "nodeId", due_at as "dueAt",
      exit_reason as "exitReason", last_error as error, entered_at as "enteredAt"
    from journey_runs where journey_id = ${journeyId} order by entered_at, customer_id, entry_key, id`;
  if (runs.length === 0) return [];
  const steps = await sql<(RunStep & { runId: string })[]>`
    select s.run_id as "runId", s.node_id as node, s.outcome, s.branch, s.detail, s.at
    from run_steps s join journey_runs r on r.id = s.run_id
    where r.journey_id = ${journeyId} order by s.run_id, s.step_no`;
  const byRun = new Map<string, RunStep[]>();
  for (const { runId, ...step } of steps) byRun.set(runId, [...(byRun.get(runId) ?? []), step]);
  return runs.map((r) => ({ ...r, steps: byRun.get(r.id) ?? [] }));
}

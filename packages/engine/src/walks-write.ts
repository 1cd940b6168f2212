// A batch's steps, written as one run_walks row per run: the steps the run took in this
// batch, in order, as one JSON array. One row per run instead of one per step is most of
// what keeps a batch's writes cheap (the `run_steps` view still lists them one per row).
import { pgArray, type Queryable, type WalkStep } from '@afterglow/db';
import type { StepRow } from './walk';

/** The stored form of a step: keys only when they have a value, so the view reads them as null. */
function toWalkStep(step: StepRow): WalkStep {
  const stored: WalkStep = { node: step.node_id, outcome: step.outcome };
  if (step.branch) stored.branch = step.branch;
  if (step.detail) stored.detail = step.detail;
  return stored;
}

/** `walks`: each run's steps of this batch, in order (never empty); all taken at `now`. */
export async function writeWalks(tx: Queryable, walks: StepRow[][], now: Date): Promise<void> {
  if (walks.length === 0) return;
  const first = walks.map((w) => w[0]);
  // The steps go as one JSON document (no escaping of every quote in an array literal),
  // matched to the other columns by position.
  await tx`
    insert into run_walks (run_id, first_step, workspace_id, version_id, steps, at)
    select v.run_id, v.first_step, v.workspace_id, v.version_id, s.steps, ${now}
    from unnest(${pgArray(first.map((s) => s.run_id))}::uuid[], ${pgArray(first.map((s) => s.step_no))}::int[],
      ${pgArray(first.map((s) => s.workspace_id))}::text[], ${pgArray(first.map((s) => s.version_id))}::text[])
      with ordinality as v(run_id, first_step, workspace_id, version_id, i)
    join jsonb_array_elements(${tx.json(walks.map((w) => w.map(toWalkStep)) as never)}) with ordinality as s(steps, i) on s.i = v.i
    on conflict do nothing`;
}

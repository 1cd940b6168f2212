// The experiments a batch's runs joined: the journey's own holdout at entry ('entry:holdout:in'
// or ':out'), a Holdout step keeps a run treated ('holdout:<node>:in') or holds it out
// ('holdout:<node>:out'); an A/B split sends it down an arm ('arm:<node>:<branch>').
// Stored per run (run_groups: ingestion adds the customer's orders within the journey's lift
// window) and counted per group (journey_group_totals), in the batch's transaction, so the
// report compares groups from a few rows. A run joins a group once (a step executed again after
// a crash decides the same way and adds nothing).
import { ATTRIBUTION_DEFAULTS, type JourneyPlan } from '@afterglow/journey-core';
import type { Queryable } from '@afterglow/db';
import { entryGroupOf } from './journey-holdout';
import type { RunRow } from './types';
import type { StepRow } from './walk';

const HOLDOUT = 'core/holdout';
const AB_SPLIT = 'core/ab-split';

export interface GroupRow {
  run_id: string;
  grp: string;
  workspace_id: string;
  customer_id: string;
  journey_id: string;
  version_id: string;
}

/** The groups `steps` (one run's walk in this batch) put the run in. */
export function groupsOf(run: RunRow, plan: JourneyPlan, steps: StepRow[]): GroupRow[] {
  const rows: GroupRow[] = [];
  const base = { run_id: run.id, workspace_id: run.workspaceId, customer_id: run.customerId, journey_id: run.journeyId, version_id: run.versionId };
  // The journey's own holdout, decided as the run entered (journey-holdout.ts).
  const entry = entryGroupOf(run, plan);
  if (entry) rows.push({ ...base, grp: entry });
  for (const step of steps) {
    if (step.outcome !== 'next' || !step.branch) continue;
    const type = plan.nodes[step.node_id]?.type;
    if (type === HOLDOUT) rows.push({ ...base, grp: `holdout:${step.node_id}:${step.detail?.held_out === true ? 'out' : 'in'}` });
    else if (type === AB_SPLIT) rows.push({ ...base, grp: `arm:${step.node_id}:${step.branch}` });
  }
  return rows;
}

export async function writeGroups(tx: Queryable, rows: GroupRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx`
    with joined as (
      insert into run_groups (run_id, grp, workspace_id, customer_id, journey_id, version_id, since, until)
      select v.run_id, v.grp, v.workspace_id, v.customer_id, v.journey_id, v.version_id, ${now}::timestamptz,
        ${now}::timestamptz + make_interval(days => coalesce((j.settings -> 'attribution' ->> 'liftDays')::int, ${ATTRIBUTION_DEFAULTS.liftDays}))
      from jsonb_to_recordset(${tx.json(rows as never)}) as v(run_id uuid, grp text, workspace_id text, customer_id text, journey_id text, version_id text)
      left join journeys j on j.id = v.journey_id
      on conflict (run_id, grp) do nothing
      returning journey_id, version_id, grp
    )
    insert into journey_group_totals (journey_id, version_id, grp, runs)
    select journey_id, version_id, grp, count(*) from joined group by 1, 2, 3 order by 1, 2, 3
    on conflict (journey_id, version_id, grp) do update set runs = journey_group_totals.runs + excluded.runs`;
}

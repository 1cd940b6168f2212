// Customers waiting at a step that a new version no longer has, handled as the marketer chose
// when deleting it (journey-core's `waitingMoves`): moved to a step of the new version, due at
// once, or exited. Without a choice they stay on the version they are walking, which still
// has the step. Done in the publishing transaction, so the version and the moves commit
// together; a run a batch is stepping right now is waited for, then re-checked: if it has left
// the step meanwhile, it is not moved.
import type { Queryable } from '@afterglow/db';

export interface WaitingMove { from: string; to: string | null }

export const STEP_REMOVED_REASON = 'step removed';

export async function applyWaitingMoves(tx: Queryable, opts: {
  journeyId: string; versionId: string; moves: WaitingMove[]; now: Date;
}): Promise<{ moved: number; exited: number }> {
  if (opts.moves.length === 0) return { moved: 0, exited: 0 };
  const { journeyId, versionId, now } = opts;
  const rows = await tx<{ exited: boolean }[]>`
    with choice as (
      select * from unnest(${opts.moves.map((m) => m.from)}::text[], ${opts.moves.map((m) => m.to)}::text[]) as m(from_node, to_node)),
    picked as (
      select r.id, r.version_id as old_version, c.from_node, c.to_node
      from journey_runs r join choice c on r.node_id = c.from_node
      where r.journey_id = ${journeyId} and r.status in ('active', 'waiting')
      for update of r),
    changed as (
      update journey_runs r set
        version_id = case when p.to_node is null then r.version_id else ${versionId} end,
        node_id = coalesce(p.to_node, r.node_id),
        status = case when p.to_node is null then 'exited' else 'active' end,
        exit_reason = case when p.to_node is null then ${STEP_REMOVED_REASON} end,
        due_at = case when p.to_node is null then null else ${now}::timestamptz end,
        wait = null, step_count = r.step_count + 1, updated_at = ${now}
      from picked p
      where r.id = p.id and r.node_id = p.from_node and r.status in ('active', 'waiting')
      returning r.id, r.step_count, r.workspace_id, p.old_version, p.from_node, p.to_node),
    walked as (
      insert into run_walks (run_id, first_step, workspace_id, version_id, steps, at)
      select id, step_count, workspace_id, old_version, jsonb_build_array(case when to_node is null
        then jsonb_build_object('node', from_node, 'outcome', 'exit', 'detail', jsonb_build_object('reason', ${STEP_REMOVED_REASON}::text))
        else jsonb_build_object('node', from_node, 'outcome', 'moved', 'detail', jsonb_build_object('to', to_node, 'version', ${versionId}::text)) end),
        ${now}
      from changed
      on conflict do nothing)
    select to_node is null as exited from changed`;
  const exited = rows.filter((r) => r.exited).length;
  return { moved: rows.length - exited, exited };
}

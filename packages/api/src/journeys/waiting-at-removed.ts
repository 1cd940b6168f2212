// Steps of a journey's published versions that its draft no longer has, where customers are
// waiting now: what the publish dialog asks about (move them, let them exit, or let them finish
// on their version; engine/waiting-moves.ts). Read from the place counts, not from the runs.
import type { ApiDeps } from '../trpc/deps';
import { getJourney } from './repository';

export interface WaitingAtRemovedStep {
  nodeId: string;
  /** The step as the newest version that has it: its type and the marketer's name for it. */
  type: string;
  label: string | null;
  waiting: number;
}

export async function waitingAtRemovedSteps(deps: ApiDeps, workspaceId: string, journeyId: string): Promise<WaitingAtRemovedStep[]> {
  const journey = await getJourney(deps, workspaceId, journeyId);
  const kept = new Set(journey.draft.nodes.map((n) => n.id));
  const rows = await deps.database.sql<{ nodeId: string; waiting: number; node: { type?: string; label?: string } | null }[]>`
    select p.node_id as "nodeId", sum(p.n)::int as waiting,
      (array_agg(jsonb_path_query_first(v.graph, '$.nodes[*] ? (@.id == $id)', jsonb_build_object('id', p.node_id))
        order by v.version desc))[1] as node
    from journey_versions v join journey_places_now p on p.version_id = v.id
    where v.journey_id = ${journeyId} and v.workspace_id = ${workspaceId} and p.status in ('active', 'waiting')
    group by p.node_id
    having sum(p.n) > 0
    order by p.node_id`;
  return rows.filter((r) => !kept.has(r.nodeId))
    .map((r) => ({ nodeId: r.nodeId, type: r.node?.type ?? '', label: r.node?.label ?? null, waiting: r.waiting }));
}

// The path funnel of a version: for each step with more than one way out (condition, split,
// holdout), how many runs went down each branch (the canvas's counters) and the conversions and
// revenue credited to the steps only that branch leads to (journey_daily over the version's
// life): a step two branches both reach is in neither's figures.
import type { JourneyPlan } from '@afterglow/journey-core';
import type { Queryable } from '@afterglow/db';

export interface FunnelBranch { branch: string; runs: number; conversions: number; revenue: number; conversionRate: number | null }
/** The step's type, version and config: for naming it and its branches as the canvas does (branching steps hold no secrets). */
export interface FunnelStep { nodeId: string; type: string; typeVersion: number; config: Record<string, unknown>; branches: FunnelBranch[] }

function reachable(plan: JourneyPlan, start: string | null): Set<string> {
  const seen = new Set<string>();
  const queue = start ? [start] : [];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id) || !plan.nodes[id]) continue;
    seen.add(id);
    for (const next of Object.values(plan.nodes[id].next)) if (next) queue.push(next);
  }
  return seen;
}

export async function reportFunnel(sql: Queryable, journeyId: string, versionId: string, plan: JourneyPlan): Promise<FunnelStep[]> {
  const [counts, credited] = await Promise.all([
    sql<{ nodeId: string; metric: string; n: number }[]>`
      select node_id as "nodeId", metric, n::float8 as n from journey_node_counts where version_id = ${versionId} and metric like 'branch:%'`,
    sql<{ nodeId: string; metric: string; n: number }[]>`
      select node_id as "nodeId", metric, sum(n)::float8 as n from journey_daily
      where journey_id = ${journeyId} and version_id = ${versionId} and metric in ('conversions', 'revenue') group by 1, 2`,
  ]);
  const runs = new Map(counts.map((c) => [`${c.nodeId}/${c.metric.slice('branch:'.length)}`, c.n]));
  const ofNode = (nodeId: string, metric: string) => credited.find((c) => c.nodeId === nodeId && c.metric === metric)?.n ?? 0;
  return Object.entries(plan.nodes).filter(([, n]) => Object.keys(n.next).length > 1).map(([nodeId, node]) => {
    const reach = Object.entries(node.next).map(([branch, next]) => ({ branch, nodes: reachable(plan, next) }));
    return {
      nodeId, type: node.type, typeVersion: node.typeVersion, config: node.config,
      branches: reach.map(({ branch, nodes }) => {
        const only = [...nodes].filter((id) => id !== nodeId && reach.every((r) => r.branch === branch || !r.nodes.has(id)));
        const conversions = only.reduce((sum, id) => sum + ofNode(id, 'conversions'), 0);
        const taken = runs.get(`${nodeId}/${branch}`) ?? 0;
        return {
          branch, runs: taken, conversions,
          revenue: Math.round(only.reduce((sum, id) => sum + ofNode(id, 'revenue'), 0) * 100) / 100,
          conversionRate: taken > 0 ? conversions / taken : null,
        };
      }),
    };
  });
}

// Treated vs held out (each Holdout step) and A/B arms (each A/B split, every arm against the
// first), from journey_group_totals: customers who reached the step, those who then ordered
// within the lift window, and their revenue, with the intervals of @afterglow/journey-core lift.
import { compareGroups, type Comparison, type GroupTotals, type JourneyPlan } from '@afterglow/journey-core';
import type { Queryable } from '@afterglow/db';

export interface GroupFigures extends GroupTotals {
  /** 'in' / 'out' for a Holdout step, the arm's id for an A/B split. */
  id: string;
  /** The arm's name as the marketer wrote it; null for the holdout's two groups. */
  name: string | null;
  rate: number | null;
  revenuePerCustomer: number | null;
}

export interface Experiment {
  nodeId: string;
  kind: 'holdout' | 'ab';
  groups: GroupFigures[];
  /** Each group against the baseline: held out for a holdout, the first arm for a split. */
  comparisons: (Comparison & { group: string; baseline: string })[];
}

const parse = (grp: string) => {
  const kind = grp.slice(0, grp.indexOf(':'));
  const rest = grp.slice(kind.length + 1);
  const cut = rest.lastIndexOf(':');
  return { kind: kind === 'arm' ? 'ab' as const : 'holdout' as const, nodeId: rest.slice(0, cut), id: rest.slice(cut + 1) };
};

const figures = (id: string, name: string | null, t: GroupTotals): GroupFigures => ({
  id, name, ...t,
  rate: t.customers > 0 ? t.converted / t.customers : null,
  revenuePerCustomer: t.customers > 0 ? Math.round((t.revenue / t.customers) * 100) / 100 : null,
});

export async function reportExperiments(sql: Queryable, journeyId: string, versions: string[], plan: JourneyPlan | null): Promise<Experiment[]> {
  const rows = await sql<{ grp: string; customers: number; converted: number; revenue: number; revenueSq: number }[]>`
    select grp, sum(runs)::float8 as customers, sum(converted)::float8 as converted, sum(revenue)::float8 as revenue,
      sum(revenue_sq)::float8 as "revenueSq"
    from journey_group_totals where journey_id = ${journeyId} and version_id = any(${sql.array(versions)}::text[])
    group by 1 order by 1`;
  const byNode = new Map<string, { kind: 'holdout' | 'ab'; groups: Map<string, GroupTotals> }>();
  for (const r of rows) {
    const g = parse(r.grp);
    const entry = byNode.get(g.nodeId) ?? { kind: g.kind, groups: new Map() };
    entry.groups.set(g.id, { customers: r.customers, converted: r.converted, revenue: r.revenue, revenueSq: r.revenueSq });
    byNode.set(g.nodeId, entry);
  }
  const none: GroupTotals = { customers: 0, converted: 0, revenue: 0, revenueSq: 0 };
  return [...byNode.entries()].map(([nodeId, { kind, groups }]) => {
    if (kind === 'holdout') {
      const treated = groups.get('in') ?? none;
      const held = groups.get('out') ?? none;
      return {
        nodeId, kind,
        groups: [figures('in', null, treated), figures('out', null, held)],
        comparisons: [{ group: 'in', baseline: 'out', ...compareGroups(treated, held) }],
      };
    }
    // Arms in the order the step lists them (the first is the baseline), then any no longer listed.
    const arms = (plan?.nodes[nodeId]?.config.arms ?? []) as { id: string; name: string }[];
    const ids = [...arms.map((a) => a.id), ...[...groups.keys()].filter((id) => !arms.some((a) => a.id === id))];
    const list = ids.map((id) => figures(id, arms.find((a) => a.id === id)?.name ?? null, groups.get(id) ?? none));
    const [baseline, ...others] = list;
    return {
      nodeId, kind,
      groups: list,
      comparisons: others.map((o) => ({ group: o.id, baseline: baseline.id, ...compareGroups(o, baseline) })),
    };
  });
}

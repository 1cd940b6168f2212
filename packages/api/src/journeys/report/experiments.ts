// Treated vs held out (the journey's own holdout at entry, each Holdout step) and A/B arms (each A/B split, every arm against the
// first), from journey_group_totals: customers who reached the step, those who then ordered
// within the lift window, and their revenue, with the intervals of @afterglow/journey-core lift.
import { compareGroups, JOURNEY_HOLDOUT_GROUP, type Comparison, type GroupTotals, type JourneyPlan } from '@afterglow/journey-core';
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
  /** The step, or null for the journey's own holdout (settings.holdout). */
  nodeId: string | null;
  /** 'journey': the journey's holdout at entry; 'holdout': a Holdout step; 'ab': an A/B split. */
  kind: 'journey' | 'holdout' | 'ab';
  /** An A/B split the live version still has: one of its arms can be made the winner. */
  inLiveVersion: boolean;
  groups: GroupFigures[];
  /** Each group against the baseline: held out for a holdout, the first arm for a split. */
  comparisons: (Comparison & { group: string; baseline: string })[];
}

type Kind = Experiment['kind'];
/** The journey's own holdout is listed under this key, which no step id can take (they have no colon). */
const JOURNEY_KEY = JOURNEY_HOLDOUT_GROUP;

const parse = (grp: string): { kind: Kind; key: string; id: string } => {
  if (grp.startsWith(`${JOURNEY_HOLDOUT_GROUP}:`)) return { kind: 'journey', key: JOURNEY_KEY, id: grp.slice(JOURNEY_HOLDOUT_GROUP.length + 1) };
  const kind = grp.slice(0, grp.indexOf(':'));
  const rest = grp.slice(kind.length + 1);
  const cut = rest.lastIndexOf(':');
  return { kind: kind === 'arm' ? 'ab' : 'holdout', key: rest.slice(0, cut), id: rest.slice(cut + 1) };
};

const figures = (id: string, name: string | null, t: GroupTotals): GroupFigures => ({
  id, name, ...t,
  rate: t.customers > 0 ? t.converted / t.customers : null,
  revenuePerCustomer: t.customers > 0 ? Math.round((t.revenue / t.customers) * 100) / 100 : null,
});

/** `plans`: the shown versions', oldest first (an arm is named as the newest of them has it); `live`: the current version's. */
export async function reportExperiments(
  sql: Queryable, journeyId: string, versions: string[], plans: JourneyPlan[], live: JourneyPlan | null,
): Promise<Experiment[]> {
  const rows = await sql<{ grp: string; customers: number; converted: number; revenue: number; revenueSq: number }[]>`
    select grp, sum(runs)::float8 as customers, sum(converted)::float8 as converted, sum(revenue)::float8 as revenue,
      sum(revenue_sq)::float8 as "revenueSq"
    from journey_group_totals where journey_id = ${journeyId} and version_id = any(${sql.array(versions)}::text[])
    group by 1 order by 1`;
  const byKey = new Map<string, { kind: Kind; groups: Map<string, GroupTotals> }>();
  for (const r of rows) {
    const g = parse(r.grp);
    const entry = byKey.get(g.key) ?? { kind: g.kind, groups: new Map() };
    entry.groups.set(g.id, { customers: r.customers, converted: r.converted, revenue: r.revenue, revenueSq: r.revenueSq });
    byKey.set(g.key, entry);
  }
  // The journey's own holdout first: it answers what the whole journey adds.
  const ordered = [...byKey.entries()].sort(([a], [b]) => Number(b === JOURNEY_KEY) - Number(a === JOURNEY_KEY));
  const none: GroupTotals = { customers: 0, converted: 0, revenue: 0, revenueSq: 0 };
  return ordered.map(([key, { kind, groups }]): Experiment => {
    const nodeId = kind === 'journey' ? null : key;
    if (kind !== 'ab') {
      const treated = groups.get('in') ?? none;
      const held = groups.get('out') ?? none;
      return {
        nodeId, kind, inLiveVersion: false,
        groups: [figures('in', null, treated), figures('out', null, held)],
        comparisons: [{ group: 'in', baseline: 'out', ...compareGroups(treated, held) }],
      };
    }
    // Arms in the order the step lists them (the first is the baseline), then any no longer listed.
    const plan = plans.findLast((p) => p.nodes[key]);
    const arms = (plan?.nodes[key]?.config.arms ?? []) as { id: string; name: string }[];
    const ids = [...arms.map((a) => a.id), ...[...groups.keys()].filter((id) => !arms.some((a) => a.id === id))];
    const list = ids.map((id) => figures(id, arms.find((a) => a.id === id)?.name ?? null, groups.get(id) ?? none));
    const [baseline, ...others] = list;
    return {
      nodeId, kind, inLiveVersion: Boolean(live?.nodes[key]),
      groups: list,
      comparisons: others.map((o) => ({ group: o.id, baseline: baseline.id, ...compareGroups(o, baseline) })),
    };
  });
}

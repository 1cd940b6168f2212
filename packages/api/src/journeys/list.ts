// The journey list, one page at a time: searched, filtered and sorted in SQL, so 500 journeys
// cost the browser one page. Counts come from what is already kept per version (where runs are
// now: journey_places_now, a few rows per version) and from the conversions of the page's
// journeys only; no request walks runs or steps.
import { diffGraphs, journeyGraphSchema, readJourneySettings, type JourneyGraph } from '@afterglow/journey-core';
import type { ApiDeps } from '../trpc/deps';
import { iso } from '../trpc/time';
import { graphForReader } from './redact';

export const JOURNEY_STATUSES = ['draft', 'live', 'paused', 'archived'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export interface JourneyListQuery {
  search?: string;
  /** 'current': every status but archived. */
  status: JourneyStatus | 'current';
  sort: 'name' | 'updated' | 'entries';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface JourneySummary {
  id: string;
  name: string;
  status: string;
  currentVersion: number | null;
  updatedAt: string;
  runs: { active: number; total: number };
  conversions: number;
  /** Revenue of the conversions, per currency (goal events carry their own). */
  revenue: { currency: string | null; amount: number }[];
  /** The draft (steps, their settings, connections, or the journey's settings) differs from the live version. */
  unpublishedChanges: boolean;
}

export interface JourneyPage {
  journeys: JourneySummary[];
  /** Journeys matching the search and filter, on every page. */
  total: number;
  /** Customers walking any of the workspace's journeys now. */
  walking: number;
}

type Row = Omit<JourneySummary, 'runs' | 'conversions' | 'revenue' | 'unpublishedChanges' | 'updatedAt'> & {
  updatedAt: Date | string; active: number; entries: number; maybeChanged: boolean; count: number; walking: number;
};

/** LIKE's wildcards in a search are literal characters. */
const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listJourneys(deps: ApiDeps, workspaceId: string, query: JourneyListQuery): Promise<JourneyPage> {
  const { sql } = deps.database;
  const statusFilter = query.status === 'current' ? sql`j.status <> 'archived'` : sql`j.status = ${query.status}`;
  const searchFilter = query.search ? sql`and j.name ilike ${likePattern(query.search)}` : sql``;
  const dir = query.direction === 'asc' ? sql`asc` : sql`desc`;
  const where = sql`j.workspace_id = ${workspaceId} and ${statusFilter} ${searchFilter}`;
  const order = { name: sql`lower(j.name) ${dir}, j.name ${dir}`, updated: sql`j.updated_at ${dir}`, entries: sql`entries ${dir}` }[query.sort];
  const rows = await sql<Row[]>`
    with runs as (
      select v.journey_id, sum(p.n) filter (where p.status in ('active', 'waiting')) as active, sum(p.n) as total
      from journey_places_now p join journey_versions v on v.id = p.version_id
      where v.workspace_id = ${workspaceId}
      group by v.journey_id)
    select j.id, j.name, j.status, cv.version as "currentVersion", j.updated_at as "updatedAt",
      coalesce(r.active, 0)::int as active, coalesce(r.total, 0)::int as entries,
      (cv.id is not null and (j.draft is distinct from cv.graph or j.settings is distinct from cv.plan -> 'settings')) as "maybeChanged",
      count(*) over ()::int as count, (select coalesce(sum(active), 0) from runs)::int as walking
    from journeys j
    left join journey_versions cv on cv.id = j.current_version_id
    left join runs r on r.journey_id = j.id
    where ${where}
    order by ${order}, j.id
    limit ${query.limit} offset ${query.offset}`;
  const ids = rows.map((r) => r.id);
  const [goals, changed] = await Promise.all([conversionsOf(deps, ids), changedDrafts(deps, rows.filter((r) => r.maybeChanged).map((r) => r.id))]);
  const journeys = rows.map((j): JourneySummary => {
    const mine = goals.filter((g) => g.journeyId === j.id);
    return {
      id: j.id, name: j.name, status: j.status, currentVersion: j.currentVersion, updatedAt: iso(j.updatedAt),
      runs: { active: j.active, total: j.entries },
      conversions: mine.reduce((sum, g) => sum + g.n, 0),
      revenue: mine.filter((g) => g.amount > 0).map(({ currency, amount }) => ({ currency, amount })),
      unpublishedChanges: changed.has(j.id),
    };
  });
  // Past the last page there are no rows to carry the count: ask for it alone.
  const total = rows[0]?.count
    ?? (query.offset > 0 ? (await sql<{ n: number }[]>`select count(*)::int as n from journeys j where ${where}`)[0]?.n ?? 0 : 0);
  return { journeys, total, walking: rows[0]?.walking ?? 0 };
}

/** Conversions of the page's journeys, by currency (the journey index finds them). */
function conversionsOf(deps: ApiDeps, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return deps.database.sql<{ journeyId: string; currency: string | null; n: number; amount: number }[]>`
    select journey_id as "journeyId", currency, count(*)::int as n, coalesce(sum(revenue), 0)::float8 as amount
    from conversions where journey_id = any(${ids}::text[])
    group by journey_id, currency order by amount desc`;
}

/**
 * Of the journeys whose stored draft is not byte-for-byte the live graph, those that really
 * differ: moving a step on the canvas is not a change, nor is a secret sealed afresh (both
 * sides are compared with their secrets hidden).
 */
async function changedDrafts(deps: ApiDeps, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await deps.database.sql<{ id: string; draft: unknown; graph: unknown; settings: unknown; live: unknown }[]>`
    select j.id, j.draft, v.graph, j.settings, v.plan -> 'settings' as live
    from journeys j join journey_versions v on v.id = j.current_version_id where j.id = any(${ids}::text[])`;
  const hidden = (graph: unknown): JourneyGraph | null => {
    const parsed = journeyGraphSchema.safeParse(graph);
    return parsed.success ? graphForReader(parsed.data, deps.registry, deps.database.secrets, false) : null;
  };
  const changed = rows.filter((row) => {
    const [draft, live] = [hidden(row.draft), hidden(row.graph)];
    if (!draft || !live) return true;
    const settingsDiffer = JSON.stringify(readJourneySettings(row.settings)) !== JSON.stringify(readJourneySettings(row.live));
    return settingsDiffer || !diffGraphs(live, draft).empty;
  });
  return new Set(changed.map((r) => r.id));
}

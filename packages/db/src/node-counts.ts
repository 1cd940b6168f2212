// Per-node counters of journey versions (journey_node_counts): what the canvas cards show.
import { pgArray } from './pg-array';
import type { Queryable } from './client';

export interface CountRow { version: string; node: string; metric: string; n: number }

/**
 * Adds to per-node counters: the one write of every counter (a batch's steps, a service's
 * outcomes, an email delivered). Rows are taken in one order (sorted keys), so writers side by
 * side never deadlock; each holds them only until its commit.
 */
export async function addNodeCounts(tx: Queryable, counts: Iterable<CountRow>): Promise<void> {
  const merged = new Map<string, CountRow>();
  for (const c of counts) {
    const key = `${c.version}\u0000${c.node}\u0000${c.metric}`;
    const hit = merged.get(key);
    if (hit) hit.n += c.n;
    else merged.set(key, { ...c });
  }
  const rows = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  if (rows.length === 0) return;
  await tx`
    insert into journey_node_counts (version_id, node_id, metric, n)
    select * from unnest(${pgArray(rows.map((r) => r.version))}::text[], ${pgArray(rows.map((r) => r.node))}::text[],
      ${pgArray(rows.map((r) => r.metric))}::text[], ${pgArray(rows.map((r) => r.n))}::bigint[])
    on conflict (version_id, node_id, metric) do update set n = journey_node_counts.n + excluded.n`;
}

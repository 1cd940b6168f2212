// The check behind the canvas's "where runs are" counts: journey_places_now (kept by triggers
// on journey_runs) against a plain count of the runs.
import type { Queryable } from '@afterglow/db';

export interface PlaceOff { version_id: string; node_id: string; status: string; counted: number | null; runs: number | null }

/** Every (version, node, status) whose kept count differs from a count of the runs; [] when exact. */
export async function placesOffRuns(sql: Queryable): Promise<PlaceOff[]> {
  const rows = await sql<PlaceOff[]>`
    select version_id, node_id, status, p.n::int as counted, r.n::int as runs
    from (select version_id, node_id, status, n from journey_places_now where n <> 0) p
    full join (select version_id, node_id, status, count(*) as n from journey_runs group by 1, 2, 3) r
      using (version_id, node_id, status)
    where p.n is distinct from r.n
    order by 1, 2, 3`;
  return [...rows];
}

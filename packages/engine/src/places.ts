// Where runs are, per version, node and status: journey_runs' triggers append each
// statement's moves to journey_place_deltas; this folds them into journey_places. Readers use
// the journey_places_now view (both added up), so a count is exact whether folded or not.
import type { Queryable } from '@afterglow/db';

/**
 * Moves the deltas into the counts, in one statement. Rows appended meanwhile stay for the
 * next fold; two folds at once each take their own rows (a deleted row is skipped) and update
 * counts in key order, so they cannot deadlock.
 */
export async function foldPlaceDeltas(sql: Queryable): Promise<void> {
  await sql`
    with moved as (delete from journey_place_deltas returning version_id, node_id, status, n)
    insert into journey_places (version_id, node_id, status, n)
    select version_id, node_id, status, sum(n) from moved group by 1, 2, 3 order by 1, 2, 3
    on conflict (version_id, node_id, status) do update set n = journey_places.n + excluded.n`;
}

import type { Queryable } from '@afterglow/db';

/**
 * Puts failed runs of a version (optionally only those failed at one node) back to work at
 * the node where they failed; the next sweep runs that node again.
 */
export async function retryFailedRuns(sql: Queryable, versionId: string, nodeId: string | null, now: Date): Promise<number> {
  const rows = await sql`
    update journey_runs set status = 'active', due_at = ${now}, wait = null, last_error = null, updated_at = ${now}
    where version_id = ${versionId} and status = 'failed' and (${nodeId}::text is null or node_id = ${nodeId})
    returning id`;
  return rows.length;
}

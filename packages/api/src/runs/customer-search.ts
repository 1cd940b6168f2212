// The customers a run explorer search names: an exact id or email first (two index probes, the
// usual case: a pasted address), else any whose email or name contains the words, which reads
// the workspace's customers once, set-based. A list then reads only their runs.
import type { Queryable } from '@afterglow/db';

/** At most this many customers are looked at for one search: a search names a few people. */
const SEARCH_MATCHES = 500;

/** `%` and `_` typed in a search are letters, not wildcards. */
const likeLiteral = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A subquery of the ids of the customers matching `q` (`subquery`: a fragment to put after `in`;
 * wrapped, since a fragment is a thenable an async function would run).
 */
export async function matchingCustomers(sql: Queryable, workspaceId: string, q: string) {
  const exact = await sql<{ id: string }[]>`
    select id from customers where workspace_id = ${workspaceId} and (id = ${q} or email = ${q} or email = ${q.toLowerCase()})
    limit ${SEARCH_MATCHES}`;
  if (exact.length > 0) return { subquery: sql`(select unnest(${exact.map((c) => c.id)}::text[]))` };
  const contains = `%${likeLiteral(q.toLowerCase())}%`;
  return { subquery: sql`(
    select c.id from customers c
    where c.workspace_id = ${workspaceId}
      and (lower(c.email) like ${contains} or lower(concat_ws(' ', c.first_name, c.last_name)) like ${contains})
    limit ${SEARCH_MATCHES})` };
}

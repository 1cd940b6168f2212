// The customers a run explorer search names: an exact id, or an email or name containing the
// words. Set-based over the workspace's customers; a list then reads only their runs.
import type { Queryable } from '@afterglow/db';

/** At most this many customers are looked at for one search: a search names a few people. */
export const SEARCH_MATCHES = 500;

/** `%` and `_` typed in a search are letters, not wildcards. */
const likeLiteral = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A subquery of the ids of the customers matching `q` (a fragment to put after `in`). */
export function matchingCustomers(sql: Queryable, workspaceId: string, q: string) {
  const contains = `%${likeLiteral(q.toLowerCase())}%`;
  return sql`(
    select c.id from customers c
    where c.workspace_id = ${workspaceId}
      and (c.id = ${q} or lower(c.email) like ${contains}
        or lower(concat_ws(' ', c.first_name, c.last_name)) like ${contains})
    limit ${SEARCH_MATCHES})`;
}

// Segment evaluation: one set-based query per call, whatever the number of customers.
import type postgres from 'postgres';
import type { Queryable } from '../client';
import { resolveSegmentRefs, segmentTiers } from './resolve';
import type { SegmentRule } from './rule';
import { compileSegmentQuery, type SegmentQuery } from './subject';

type Sql = Queryable;

export interface SegmentSampleMember {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

// Returned wrapped: a postgres.js fragment is a thenable, and an async function would run it.
async function condition(sql: Sql, workspaceId: string, rule: SegmentRule, now: Date): Promise<{ q: SegmentQuery }> {
  const refs = await resolveSegmentRefs(sql, workspaceId, rule);
  return { q: compileSegmentQuery(sql, rule, now, refs, await segmentTiers(sql, workspaceId, rule, refs)) };
}

/**
 * Runs a whole-workspace segment query with the memory such a query needs: its hash joins hold
 * hundreds of thousands of customer ids, and the default 4 MB work_mem spills them to disk. The
 * setting is local to the transaction (the caller's, or one opened here).
 */
export async function withSegmentMemory<T>(sql: Sql, run: (tx: Sql) => Promise<T>): Promise<T> {
  const setting = (tx: Sql) => tx`select set_config('work_mem', '64MB', true)`;
  if ('savepoint' in sql) {
    await setting(sql);
    return run(sql);
  }
  return (sql as postgres.Sql).begin(async (tx) => {
    await setting(tx);
    return run(tx);
  }) as Promise<T>;
}

/** Which of `customerIds` are in the segment (one query for the whole batch). */
export async function segmentMembers(
  sql: Sql, workspaceId: string, rule: SegmentRule, customerIds: string[], now: Date,
): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const { q } = await condition(sql, workspaceId, rule, now);
  const rows = await sql<{ id: string }[]>`
    select c.id from ${q.from}
    where c.workspace_id = ${workspaceId} and c.id = any(${customerIds}::text[]) and ${q.where}`;
  return new Set(rows.map((r) => r.id));
}

export async function countSegment(sql: Sql, workspaceId: string, rule: SegmentRule, now: Date): Promise<number> {
  const { q } = await condition(sql, workspaceId, rule, now);
  const [row] = await withSegmentMemory(sql, (tx) => tx<{ count: number }[]>`
    select count(*)::int as count from ${q.from} where c.workspace_id = ${workspaceId} and ${q.where}`);
  return row.count;
}

/** A few members, in id order, for previews. */
export async function sampleSegment(
  sql: Sql, workspaceId: string, rule: SegmentRule, now: Date, limit = 10,
): Promise<SegmentSampleMember[]> {
  const { q } = await condition(sql, workspaceId, rule, now);
  const rows = await sql<{ id: string }[]>`
    select c.id from ${q.from} where c.workspace_id = ${workspaceId} and ${q.where}
    order by c.id limit ${Math.max(1, Math.min(limit, 100))}`;
  if (rows.length === 0) return [];
  // The driving table may not be customers: the few members' profiles are read by key.
  return sql<SegmentSampleMember[]>`
    select c.id, c.email, c.first_name as "firstName", c.last_name as "lastName" from customers c
    where c.workspace_id = ${workspaceId} and c.id = any(${rows.map((r) => r.id)}::text[]) order by c.id`;
}

// Segment evaluation: one set-based query per call, whatever the number of customers.
import type { Queryable } from '../client';
import { compileSegmentRule } from './compile';
import type { SegmentRule } from './rule';

type Sql = Queryable;

export interface SegmentSampleMember {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** Which of `customerIds` are in the segment (one query for the whole batch). */
export async function segmentMembers(
  sql: Sql, workspaceId: string, rule: SegmentRule, customerIds: string[], now: Date,
): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const condition = compileSegmentRule(sql, rule, now);
  const rows = await sql<{ id: string }[]>`
    select c.id from customers c
    where c.workspace_id = ${workspaceId} and c.id = any(${customerIds}::text[]) and ${condition}`;
  return new Set(rows.map((r) => r.id));
}

export async function countSegment(sql: Sql, workspaceId: string, rule: SegmentRule, now: Date): Promise<number> {
  const condition = compileSegmentRule(sql, rule, now);
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from customers c where c.workspace_id = ${workspaceId} and ${condition}`;
  return row.count;
}

/** A few members, in id order, for previews. */
export async function sampleSegment(
  sql: Sql, workspaceId: string, rule: SegmentRule, now: Date, limit = 10,
): Promise<SegmentSampleMember[]> {
  const condition = compileSegmentRule(sql, rule, now);
  return sql<SegmentSampleMember[]>`
    select c.id, c.email, c.first_name as "firstName", c.last_name as "lastName"
    from customers c where c.workspace_id = ${workspaceId} and ${condition}
    order by c.id limit ${Math.max(1, Math.min(limit, 100))}`;
}

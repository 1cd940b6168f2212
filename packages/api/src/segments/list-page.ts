// What segment lists show: each segment's member count as the engine last stored it (the
// materialised memberships), and when it was computed. No request evaluates a rule: a segment
// not yet counted under its current rule says so (memberCount null), and the engine's next
// sweep counts it in the background (processSegmentChanges re-checks every changed rule).
import { segmentRuleSchema, storedMembershipCounts, type Queryable } from '@afterglow/db';
import { containsPattern, pageInput } from '../trpc/paging';
import { iso } from '../trpc/time';

interface SegmentRow { id: string; name: string; description: string; rule: unknown; updatedAt: Date | string }

export const segmentPageInput = pageInput(['name', 'updated'] as const, 24);
type SegmentPageInput = ReturnType<typeof segmentPageInput.parse>;

/** A stored rule that no longer parses is reported by the list (parsing costs no query). */
const ruleErrorOf = (rule: unknown) => {
  const parsed = segmentRuleSchema.safeParse(rule);
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join('; ');
};

export async function withStoredCounts(sql: Queryable, workspaceId: string, rows: SegmentRow[]) {
  const stored = await storedMembershipCounts(sql, workspaceId, rows);
  return rows.map((s) => {
    const kept = stored.get(s.id);
    const current = kept?.current === true;
    return {
      id: s.id, name: s.name, description: s.description, updatedAt: iso(s.updatedAt),
      memberCount: current ? kept.count : null, countedAt: current ? iso(kept.fullAt) : null, ruleError: ruleErrorOf(s.rule),
    };
  });
}

export async function segmentPage(sql: Queryable, workspaceId: string, input: SegmentPageInput) {
  const matches = input.search
    ? sql`and lower(name || ' ' || description) like ${containsPattern(input.search)}` : sql``;
  const order = input.sort === 'updated' ? sql`updated_at desc, id` : sql`lower(name), id`;
  const [rows, [{ total }]] = await Promise.all([
    sql<SegmentRow[]>`
      select id, name, description, rule, updated_at as "updatedAt" from segments
      where workspace_id = ${workspaceId} ${matches}
      order by ${order} limit ${input.limit} offset ${input.offset}`,
    sql<{ total: number }[]>`select count(*)::int as total from segments where workspace_id = ${workspaceId} ${matches}`,
  ]);
  return { items: await withStoredCounts(sql, workspaceId, rows), total };
}

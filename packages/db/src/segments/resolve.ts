// Segment references ("is in segment X"): loaded once per evaluation, checked for cycles,
// and handed to the compiler, which inlines them.
import type { Queryable as Sql } from '../client';
import type { SegmentRefs } from './compile';
import { referencedSegments, SegmentRuleError, segmentRuleSchema, type SegmentRule } from './rule';

/** Every segment `rule` refers to, transitively; throws naming the id on a missing segment or a cycle. */
export async function resolveSegmentRefs(
  sql: Sql, workspaceId: string, rule: SegmentRule, selfId?: string,
): Promise<SegmentRefs> {
  const refs = new Map<string, SegmentRule>();
  if (referencedSegments(rule).length === 0) return refs;
  const rows = await sql<{ id: string; rule: unknown }[]>`select id, rule from segments where workspace_id = ${workspaceId}`;
  const stored = new Map(rows.map((r) => [r.id, r.rule]));
  const visit = (current: SegmentRule, path: string[]) => {
    for (const id of referencedSegments(current)) {
      if (id === selfId || path.includes(id)) {
        throw new SegmentRuleError([{ field: 'segmentId', message: `Segment ${id} would refer to itself (${[...path, id].join(' → ')})` }]);
      }
      if (!stored.has(id)) throw new SegmentRuleError([{ field: 'segmentId', message: `Segment ${id} does not exist` }]);
      if (!refs.has(id)) {
        const parsed = segmentRuleSchema.safeParse(stored.get(id));
        if (!parsed.success) throw new SegmentRuleError([{ field: 'segmentId', message: `Segment ${id} has an invalid rule` }]);
        refs.set(id, parsed.data);
      }
      visit(refs.get(id)!, [...path, id]);
    }
  };
  visit(rule, selfId ? [selfId] : []);
  return refs;
}

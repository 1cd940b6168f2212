// Segment references ("is in segment X"): loaded once per evaluation, checked for cycles,
// and handed to the compiler, which inlines them.
import type { Queryable as Sql } from '../client';
import { findTier, loadLoyaltySettings, type TierSettings } from '../loyalty';
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

function tierConditions(rule: SegmentRule): string[] {
  if (rule.kind === 'tier') return [rule.tier];
  return rule.kind === 'group' ? rule.rules.flatMap(tierConditions) : [];
}

/**
 * The workspace's loyalty tiers when `rule` (or a segment it refers to) has a tier condition,
 * else undefined (no query). Throws naming the field for a tier the settings do not have.
 */
export async function segmentTiers(sql: Sql, workspaceId: string, rule: SegmentRule, refs: SegmentRefs): Promise<TierSettings | undefined> {
  const named = [rule, ...refs.values()].flatMap(tierConditions);
  if (named.length === 0) return undefined;
  const { tiers } = await loadLoyaltySettings(sql, workspaceId);
  const unknown = named.filter((t) => findTier(tiers, t) < 0);
  if (unknown.length > 0) {
    throw new SegmentRuleError([{ field: 'tier', message: `No loyalty tier "${unknown[0]}" (tiers: ${tiers.list.map((t) => t.id).join(', ')})` }]);
  }
  return tiers;
}

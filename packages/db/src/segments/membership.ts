// Incremental segment membership. Triggers queue every customer whose orders, events,
// attributes, points or email engagement changed (segment_dirty_customers); a check
// re-evaluates only those customers against every segment of their workspace, and diffs
// the result against segment_memberships. Rules that depend on time alone ("no order in
// 30 days") change without any write, so each segment is also fully re-checked on a schedule
// and whenever its rule changes. All of it runs inside the caller's transaction, so the
// membership rows and whatever the caller does with the changes commit together.
import { createHash } from 'node:crypto';
import type { Queryable as Sql } from '../client';
import type { SqlCondition } from './compile';
import { withSegmentMemory } from './query';
import { resolveSegmentRefs, segmentTiers } from './resolve';
import { segmentRuleSchema } from './rule';
import { compileSegmentQuery } from './subject';

export interface MembershipChange {
  workspaceId: string;
  segmentId: string;
  segmentName: string;
  customerId: string;
  change: 'entered' | 'left';
}

export interface MembershipCheckOptions {
  /** How often every segment is fully re-evaluated (time-based rules). Default 1 hour. */
  fullEveryMs?: number;
  /**
   * false: fully re-evaluate only segments whose rule changed (or never checked), leaving the
   * time-based re-check to its own schedule (the engine's hourly job). Default true.
   */
  timeBased?: boolean;
  /** At most this many customer marks per check (a customer may be marked twice); the rest wait for the next. */
  batchSize?: number;
}

export interface MembershipCheck {
  changes: MembershipChange[];
  touched: number;
  fullRefreshes: number;
  /** Segments whose stored rule no longer evaluates (named, never fatal). */
  errors: { segmentId: string; message: string }[];
}

interface SegmentRow { id: string; workspaceId: string; name: string; rule: unknown; ruleHash: string | null; fullAt: Date | null }

const hashOf = (rule: unknown) => createHash('sha256').update(JSON.stringify(rule)).digest('hex').slice(0, 32);

export async function checkSegmentMemberships(tx: Sql, now: Date, opts: MembershipCheckOptions = {}): Promise<MembershipCheck> {
  // Not time-based: no full check ever falls due by age, only by a changed rule.
  const fullEveryMs = opts.timeBased === false ? Number.POSITIVE_INFINITY : opts.fullEveryMs ?? 3_600_000;
  // A constant of ours when never due: postgres.js would read a timestamptz parameter as a Date.
  const dueBefore = Number.isFinite(fullEveryMs)
    ? tx`${new Date(now.getTime() - fullEveryMs).toISOString()}::timestamptz` : tx`'-infinity'::timestamptz`;
  // Claimed marks are deleted; a concurrent checker skips them and takes others. The queue has
  // no unique key (writers never wait on it), so a customer may be marked more than once.
  const touchedRows = await tx<{ workspaceId: string; customerId: string }[]>`
    delete from segment_dirty_customers d where d.ctid = any(array(
      select ctid from segment_dirty_customers limit ${opts.batchSize ?? 20_000} for update skip locked))
    returning d.workspace_id as "workspaceId", d.customer_id as "customerId"`;
  const marked = new Map<string, Set<string>>();
  for (const r of touchedRows) {
    if (!marked.has(r.workspaceId)) marked.set(r.workspaceId, new Set());
    marked.get(r.workspaceId)!.add(r.customerId);
  }
  const touched = new Map([...marked].map(([ws, ids]) => [ws, [...ids].sort()]));

  const segments = await tx<SegmentRow[]>`
    select s.id, s.workspace_id as "workspaceId", s.name, s.rule, st.rule_hash as "ruleHash", st.full_at as "fullAt"
    from segments s left join segment_refresh_state st on st.workspace_id = s.workspace_id and st.segment_id = s.id
    order by s.workspace_id, s.id`;
  const result: MembershipCheck = { changes: [], touched: [...touched.values()].reduce((n, ids) => n + ids.length, 0), fullRefreshes: 0, errors: [] };

  for (const segment of segments) {
    const hash = hashOf(segment.rule);
    const due = segment.ruleHash !== hash || !segment.fullAt || now.getTime() - new Date(segment.fullAt).getTime() >= fullEveryMs;
    const ids = touched.get(segment.workspaceId);
    if (!due && !ids) continue;
    let where: SqlCondition;
    let from: SqlCondition;
    try {
      const rule = segmentRuleSchema.parse(segment.rule);
      const refs = await resolveSegmentRefs(tx, segment.workspaceId, rule, segment.id);
      ({ where, from } = compileSegmentQuery(tx, rule, now, refs, await segmentTiers(tx, segment.workspaceId, rule, refs)));
    } catch (err) {
      result.errors.push({ segmentId: segment.id, message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    if (due) {
      // Take the full refresh (only one checker does it); the first one for a segment sets the
      // baseline silently, so saving a segment does not flood "enters segment" journeys.
      const claimed = await tx`
        insert into segment_refresh_state (workspace_id, segment_id, rule_hash, full_at)
        values (${segment.workspaceId}, ${segment.id}, ${hash}, ${now.toISOString()}::timestamptz)
        on conflict (workspace_id, segment_id) do update set rule_hash = excluded.rule_hash, full_at = excluded.full_at
        where segment_refresh_state.rule_hash is distinct from excluded.rule_hash
           or segment_refresh_state.full_at <= ${dueBefore}
        returning 1`;
      if (claimed.length > 0) {
        result.fullRefreshes++;
        const changes = await withSegmentMemory(tx, (t) => diff(t, segment, { where, from }, null, now));
        if (segment.ruleHash !== null) result.changes.push(...changes);
        continue;
      }
    }
    if (ids) result.changes.push(...(await diff(tx, segment, { where, from }, ids, now)));
  }
  return result;
}

/** One statement: who is in now (among `ids`, or everyone), inserted and deleted against the stored rows. */
async function diff(tx: Sql, segment: SegmentRow, { where, from }: { where: SqlCondition; from: SqlCondition }, ids: string[] | null, now: Date): Promise<MembershipChange[]> {
  const ws = segment.workspaceId;
  const onlyCustomers = ids ? tx`and c.id = any(${ids}::text[])` : tx``;
  const onlyMembers = ids ? tx`and m.customer_id = any(${ids}::text[])` : tx``;
  const rows = await tx<{ change: 'entered' | 'left'; customerId: string }[]>`
    with cur as materialized (
      select c.id from ${from} where c.workspace_id = ${ws} ${onlyCustomers} and ${where}),
    ins as (
      insert into segment_memberships (workspace_id, segment_id, customer_id, entered_at)
      select ${ws}, ${segment.id}, cur.id, ${now.toISOString()}::timestamptz from cur
      on conflict do nothing returning customer_id),
    del as (
      delete from segment_memberships m where m.workspace_id = ${ws} and m.segment_id = ${segment.id} ${onlyMembers}
        and not exists (select 1 from cur where cur.id = m.customer_id)
      returning customer_id)
    select 'entered' as change, customer_id as "customerId" from ins
    union all select 'left', customer_id from del`;
  return rows.map((r) => ({ workspaceId: ws, segmentId: segment.id, segmentName: segment.name, customerId: r.customerId, change: r.change }));
}

export interface StoredMembershipCount {
  count: number;
  /** When the segment was last fully re-checked. */
  fullAt: Date;
  /** False when the rule changed since: the stored members belong to the old rule. */
  current: boolean;
}

/**
 * Member counts from the materialised memberships (kept by checkSegmentMemberships), per
 * segment that has been checked at least once: no rule is evaluated.
 */
export async function storedMembershipCounts(
  sql: Sql, workspaceId: string, segments: { id: string; rule: unknown }[],
): Promise<Map<string, StoredMembershipCount>> {
  const rows = await sql<{ segmentId: string; ruleHash: string; fullAt: Date; count: number }[]>`
    select st.segment_id as "segmentId", st.rule_hash as "ruleHash", st.full_at as "fullAt",
      (select count(*)::int from segment_memberships m where m.workspace_id = st.workspace_id and m.segment_id = st.segment_id) as count
    from segment_refresh_state st where st.workspace_id = ${workspaceId} and st.segment_id = any(${segments.map((s) => s.id)}::text[])`;
  const rules = new Map(segments.map((s) => [s.id, s.rule]));
  return new Map(rows.map((r) => [r.segmentId, {
    count: r.count, fullAt: new Date(r.fullAt), current: r.ruleHash === hashOf(rules.get(r.segmentId)),
  }]));
}

// Bulk enrolment: a whole segment enters a journey with one INSERT ... SELECT over the
// compiled segment rule (never a loop of inserts), idempotent through the runs' unique
// entry index. Broadcast versions are enrolled once, marked in `broadcasts`.
import {
  compileSegmentRule, parseSegmentRule, resolveSegmentRefs, segmentSource, segmentTiers, type Sql,
} from '@afterglow/db';
import type { Fragment, TransactionSql } from 'postgres';
import { publishedDefinitionOf, type JourneyPlan } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { insertUnlessPresent } from './insert-unless-present';
import type { Logger } from './types';

export interface SegmentEnrolment {
  /**
   * No run of this journey can have this entry key yet (a journey's first broadcast): nobody is
   * looked up. The look-up is a correlated probe per customer, and on a journey_runs table that
   * was empty or small when last analysed the planner makes each probe a scan of the table, the
   * statement's own new rows included: 20,000 customers took 6 s, a million would take hours.
   */
  fresh?: boolean;
  workspaceId: string;
  journeyId: string;
  versionId: string;
  triggerNodeId: string;
  entryKey: string;
  segmentId: string;
}

/**
 * Enrols every current member of the segment; returns how many runs were created. Runs in a
 * transaction (`tx`): the fast path is a savepoint.
 */
export async function enrolSegment(tx: TransactionSql, e: SegmentEnrolment, now: Date): Promise<number> {
  const [segment] = await tx<{ rule: unknown }[]>`select rule from segments where workspace_id = ${e.workspaceId} and id = ${e.segmentId}`;
  if (!segment) throw new Error(`Segment ${e.segmentId} does not exist`);
  const rule = parseSegmentRule(segment.rule);
  const refs = await resolveSegmentRefs(tx, e.workspaceId, rule);
  const where = compileSegmentRule(tx as unknown as Sql, rule, now, refs, { tiers: await segmentTiers(tx, e.workspaceId, rule, refs) });
  const insert = (via: TransactionSql, onConflict: Fragment) => via`
    insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id, due_at,
      context, entered_at, updated_at)
    select c.workspace_id, c.id, ${e.journeyId}, ${e.versionId}, ${e.entryKey}, 'active', ${e.triggerNodeId}, ${now},
      ${tx.json({ segmentId: e.segmentId } as never)}, ${now}, ${now}
    from ${segmentSource(tx as unknown as Sql)}
    where c.workspace_id = ${e.workspaceId} and ${where}
      ${e.fresh ? tx`` : tx`and not exists (select 1 from journey_runs r where r.workspace_id = c.workspace_id and r.customer_id = c.id
        and r.journey_id = ${e.journeyId} and r.entry_key = ${e.entryKey})`}
    ${onConflict}`;
  // A run with the same key is there only if an event enrolled the customer concurrently.
  return insertUnlessPresent(tx, insert, tx`on conflict (workspace_id, journey_id, customer_id, entry_key) do nothing`);
}

interface LiveBroadcast {
  journeyId: string;
  workspaceId: string;
  versionId: string;
  plan: JourneyPlan;
}

/** Enrols the audience of every live broadcast version whose start has come, once each. */
export async function runDueBroadcasts(sql: Sql, registry: NodeRegistry, now: Date, log: Logger): Promise<number> {
  const candidates = await sql<LiveBroadcast[]>`
    select j.id as "journeyId", j.workspace_id as "workspaceId", v.id as "versionId", v.plan
    from journeys j join journey_versions v on v.id = j.current_version_id
    left join broadcasts b on b.version_id = v.id
    where j.status = 'live' and b.version_id is null and v.plan->>'triggerEvent' is null`;
  let enrolled = 0;
  for (const c of candidates) {
    const node = c.plan.nodes[c.plan.triggerNodeId];
    const audience = publishedDefinitionOf(registry, node)?.trigger?.audience?.(node?.config as never);
    if (!audience || (audience.startAt && audience.startAt > now)) continue;
    try {
      enrolled += await sql.begin(async (tx) => {
        // The marker row is the lock: of several workers, one inserts it and enrols.
        const [mark] = await tx`
          insert into broadcasts (version_id, workspace_id, journey_id, enrolled, at)
          values (${c.versionId}, ${c.workspaceId}, ${c.journeyId}, 0, ${now})
          on conflict do nothing returning version_id`;
        if (!mark) return 0;
        // Only an earlier version's broadcast can have enrolled anyone with this entry key.
        const [earlier] = await tx`select 1 from broadcasts where journey_id = ${c.journeyId} and version_id <> ${c.versionId} limit 1`;
        const count = await enrolSegment(tx, { workspaceId: c.workspaceId, journeyId: c.journeyId, versionId: c.versionId, fresh: !earlier,
          triggerNodeId: c.plan.triggerNodeId, entryKey: 'broadcast', segmentId: audience.segmentId }, now);
        await tx`update broadcasts set enrolled = ${count} where version_id = ${c.versionId}`;
        return count;
      }) as number;
    } catch (err) {
      log.warn('broadcast enrolment failed; the next sweep retries', { versionId: c.versionId, error: String(err) });
    }
  }
  return enrolled;
}

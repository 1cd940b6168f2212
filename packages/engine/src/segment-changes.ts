// Segment membership changes become events: each customer who entered or left a saved
// segment gets a `segment_entered` / `segment_left` event (stored like any other, so it shows
// on the customer's timeline), and those events go through the same enrolment path as
// ingested ones, where "Enters segment" / "Leaves segment" triggers pick them up. The check,
// the events and the enrolments commit in one transaction.
import { checkSegmentMemberships, type Queryable, type Sql } from '@afterglow/db';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { enrolEvents } from './enrol';
import type { Logger, StoredEvent } from './types';

export const SEGMENT_ENTERED = 'segment_entered';
export const SEGMENT_LEFT = 'segment_left';

export interface SegmentChangeOptions {
  fullEveryMs?: number;
  /** false: only segments whose rule changed are fully re-checked (see recheckAllSegments). */
  timeBased?: boolean;
  /** Touched customers taken per call (0: none, only full re-checks). */
  batchSize?: number;
  log?: Logger;
}

export async function processSegmentChanges(
  sql: Sql, registry: NodeRegistry, now: Date, opts: SegmentChangeOptions = {},
): Promise<{ changes: number; enrolled: number }> {
  return sql.begin(async (raw) => {
    const tx = raw as unknown as Queryable;
    const check = await checkSegmentMemberships(tx, now, { fullEveryMs: opts.fullEveryMs, timeBased: opts.timeBased, batchSize: opts.batchSize });
    for (const e of check.errors) opts.log?.warn('segment membership check skipped a segment', e);
    if (check.changes.length === 0) return { changes: 0, enrolled: 0 };
    const events: StoredEvent[] = check.changes.map((c) => ({
      workspaceId: c.workspaceId,
      messageId: `segment:${c.segmentId}:${c.change}:${c.customerId}:${now.toISOString()}`,
      name: c.change === 'entered' ? SEGMENT_ENTERED : SEGMENT_LEFT,
      customerId: c.customerId,
      properties: { segmentId: c.segmentId, segmentName: c.segmentName },
      timestamp: now,
    }));
    await tx`
      insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp, received_at)
      select v.workspace_id, v.message_id, 'track', v.customer_id, v.name, v.properties, v.ts, v.ts
      from jsonb_to_recordset(${tx.json(events.map((e) => ({
        workspace_id: e.workspaceId, message_id: e.messageId, customer_id: e.customerId, name: e.name,
        properties: e.properties, ts: now.toISOString(),
      })) as never)}) as v(workspace_id text, message_id text, customer_id text, name text, properties jsonb, ts timestamptz)
      on conflict do nothing`;
    return { changes: events.length, enrolled: await enrolEvents(tx, registry, events, now) };
  }) as Promise<{ changes: number; enrolled: number }>;
}

/**
 * The scheduled full re-check (the engine's own Agenda job, hourly by default): rules that
 * depend on time alone ("no order in 30 days") change membership without any write, so every
 * segment is re-evaluated whole. Touched customers are left to the sweep.
 */
export function recheckAllSegments(sql: Sql, registry: NodeRegistry, now: Date, log?: Logger) {
  return processSegmentChanges(sql, registry, now, { fullEveryMs: 0, batchSize: 0, log });
}

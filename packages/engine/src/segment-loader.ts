// Batches segment membership checks: every run of a batch that asks about the same segment
// in the same tick is answered by one SQL query (`customer id = any(...)`), not one each.
// `beforeQuery` writes what the batch has changed so far that a rule may read (profile
// updates: a tag added a step earlier counts), in the same transaction.
import { segmentMembers, segmentRuleSchema, type Queryable as Sql } from '@afterglow/db';
import { NodeError } from '@afterglow/node-sdk';

interface Pending {
  customerIds: Set<string>;
  waiters: { customerId: string; resolve: (v: boolean) => void; reject: (e: unknown) => void }[];
}

export interface SegmentLoader {
  isMember(workspaceId: string, segmentId: string, customerId: string): Promise<boolean>;
}

export function createSegmentLoader(sql: Sql, now: Date, beforeQuery: () => Promise<void> = async () => {}): SegmentLoader {
  const pending = new Map<string, Pending>();
  const rules = new Map<string, Promise<unknown>>();
  let scheduled = false;

  const ruleOf = (workspaceId: string, segmentId: string) => {
    const key = `${workspaceId}/${segmentId}`;
    if (!rules.has(key)) {
      rules.set(key, (async () => {
        const [row] = await sql`select rule from segments where workspace_id = ${workspaceId} and id = ${segmentId}`;
        if (!row) throw new NodeError(`Segment ${segmentId} does not exist`, { code: 'config', field: 'segmentId' });
        return segmentRuleSchema.parse(row.rule);
      })());
    }
    return rules.get(key)!;
  };

  const flush = async () => {
    scheduled = false;
    const batches = [...pending.entries()];
    pending.clear();
    try {
      await beforeQuery();
    } catch (err) {
      for (const [, batch] of batches) for (const w of batch.waiters) w.reject(err);
      return;
    }
    await Promise.all(batches.map(async ([key, batch]) => {
      const [workspaceId, segmentId] = key.split('\u0000');
      try {
        const rule = (await ruleOf(workspaceId, segmentId)) as Parameters<typeof segmentMembers>[2];
        const members = await segmentMembers(sql as never, workspaceId, rule, [...batch.customerIds], now);
        for (const w of batch.waiters) w.resolve(members.has(w.customerId));
      } catch (err) {
        for (const w of batch.waiters) w.reject(err);
      }
    }));
  };

  return {
    isMember(workspaceId, segmentId, customerId) {
      return new Promise((resolve, reject) => {
        const key = `${workspaceId}\u0000${segmentId}`;
        const batch = pending.get(key) ?? { customerIds: new Set(), waiters: [] };
        batch.customerIds.add(customerId);
        batch.waiters.push({ customerId, resolve, reject });
        pending.set(key, batch);
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}

// Batches the questions steps ask about customers: segment membership and purchases. Every run
// of a batch that asks the same question in the same tick is answered by one SQL query
// (`customer id = any(...)`), not one each. A purchase question is a segment rule of its own
// (`bought`), so both go through the segment compiler and its customer_purchases index.
// When a customer will buy again (replenishment waits) is batched the same way
// (prediction-batch.ts).
// `beforeQuery` writes what the batch has changed so far that a rule may read (profile
// updates: a tag added a step earlier counts), in the same transaction.
import { segmentMembers, segmentRuleSchema, type Queryable as Sql, type SegmentRule } from '@afterglow/db';
import { NodeError, type PurchaseFilter } from '@afterglow/node-sdk';
import { createPredictionBatch, type PredictNextPurchase } from './prediction-batch';

interface Pending {
  rule: () => Promise<SegmentRule>;
  customerIds: Set<string>;
  waiters: { customerId: string; resolve: (v: boolean) => void; reject: (e: unknown) => void }[];
}

export interface SegmentLoader {
  isMember(workspaceId: string, segmentId: string, customerId: string): Promise<boolean>;
  hasBought(workspaceId: string, filter: PurchaseFilter, customerId: string): Promise<boolean>;
  predictNextPurchase: PredictNextPurchase;
}

/**
 * `rules` caches the segments' rules by workspace and id: per batch by default; a simulation
 * shares one across its windows (its segments are read as stored today).
 */
export function createSegmentLoader(
  sql: Sql, now: Date, beforeQuery: () => Promise<void> = async () => {}, rules = new Map<string, Promise<SegmentRule>>(),
): SegmentLoader {
  const pending = new Map<string, Pending>();
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
      const workspaceId = key.split('\u0000')[1];
      try {
        const members = await segmentMembers(sql as never, workspaceId, await batch.rule(), [...batch.customerIds], now);
        for (const w of batch.waiters) w.resolve(members.has(w.customerId));
      } catch (err) {
        for (const w of batch.waiters) w.reject(err);
      }
    }));
  };

  const ask = (key: string, rule: Pending['rule'], customerId: string) => new Promise<boolean>((resolve, reject) => {
    const batch = pending.get(key) ?? { rule, customerIds: new Set(), waiters: [] };
    batch.customerIds.add(customerId);
    batch.waiters.push({ customerId, resolve, reject });
    pending.set(key, batch);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => void flush());
    }
  });

  return {
    predictNextPurchase: createPredictionBatch(sql, now),
    isMember: (workspaceId, segmentId, customerId) =>
      ask(`segment\u0000${workspaceId}\u0000${segmentId}`, () => ruleOf(workspaceId, segmentId), customerId),
    hasBought(workspaceId, filter, customerId) {
      const rule: SegmentRule = { kind: 'bought', what: filter.what, value: filter.value.trim(), ...(filter.withinDays ? { withinDays: filter.withinDays } : {}) };
      return ask(`bought\u0000${workspaceId}\u0000${JSON.stringify(rule)}`, async () => rule, customerId);
    },
  };
}

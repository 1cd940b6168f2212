// What a round of deliveries leaves behind, written in the transaction that claimed the
// effects: every effect's new state in one statement, and the counters its outcome names in
// the per-node counts (addNodeCounts), so an outcome and its count commit together.
import { addNodeCounts, type CountRow, type Queryable } from '@afterglow/db';
import type { Logger, NodeRegistry } from '@afterglow/node-sdk';
import type { ClaimedEffect, Outcome } from './attempt';

/**
 * A provider's id names one effect of a service (the unique index that settles callbacks by
 * it). A second effect answered with the same id keeps none, with the reason: stored, the
 * duplicate would abort the whole round, and every effect of it would be delivered again.
 */
function oneEffectPerProviderId(rows: Map<string, ClaimedEffect>, outcomes: Outcome[]): Outcome[] {
  const seen = new Set<string>();
  return outcomes.map((o) => {
    if (o.external_id === null) return o;
    const key = `${rows.get(o.id)!.service_id}\u0000${o.external_id}`;
    if (!seen.has(key)) {
      seen.add(key);
      return o;
    }
    return { ...o, external_id: null, error: `the provider's id ${o.external_id} already names another effect` };
  });
}

/** The counters outcomes name, for the node that queued each effect; a counter the service does not declare is not counted. */
function countsOf(rows: Map<string, ClaimedEffect>, outcomes: Outcome[], registry: NodeRegistry, log: Logger): CountRow[] {
  const counts: CountRow[] = [];
  for (const o of outcomes) {
    if (o.count === null) continue;
    const row = rows.get(o.id)!;
    const declared = registry.service(row.service_id)?.counters ?? [];
    if (!declared.includes(o.count)) {
      log.warn('service outcome names a counter the service does not declare; not counted', { service: row.service_id, counter: o.count });
    } else if (row.version_id && row.node_id) {
      counts.push({ version: row.version_id, node: row.node_id, metric: o.count, n: 1 });
    }
  }
  return counts;
}

export async function writeOutcomes(
  tx: Queryable, claimed: ClaimedEffect[], outcomes: Outcome[], now: Date, registry: NodeRegistry, log: Logger,
): Promise<void> {
  const rows = new Map(claimed.map((r) => [r.id, r]));
  const unique = oneEffectPerProviderId(rows, outcomes);
  await tx`
    update service_effects as e set
      status = r.status,
      attempts = r.attempts,
      next_attempt_at = coalesce(r.next_attempt_at, e.next_attempt_at),
      external_id = case when r.external_id is null or taken.id is not null then e.external_id else r.external_id end,
      last_error = case when taken.id is not null then 'the provider''s id ' || r.external_id || ' already names another effect'
        else r.error end,
      payload = coalesce(r.scrubbed, e.payload),
      settled_at = case when r.status in ('delivered', 'failed') then ${now}::timestamptz else e.settled_at end
    from jsonb_to_recordset(${tx.json(unique.map((o) => ({ ...o, service_id: rows.get(o.id)!.service_id })) as never)})
      as r(id uuid, service_id text, status text, attempts int, next_attempt_at timestamptz, external_id text, error text, scrubbed jsonb)
    left join lateral (select o.id from service_effects o
      where o.service_id = r.service_id and o.external_id = r.external_id and o.id <> r.id limit 1) as taken on true
    where e.id = r.id`;
  await addNodeCounts(tx, countsOf(rows, unique, registry, log));
}

// "Checkout Abandoned": a checkout (kept by ingestion in `checkouts`) that was not completed,
// and after which its customer placed no order, once it has been quiet for the workspace's
// abandonment delay. One statement per batch marks the due checkouts and stores their events;
// the events then go where ingested ones go (goals, waits, triggers) in the same transaction.
// Exactly once per checkout under retries and any number of workers: rows are claimed with
// SKIP LOCKED and re-checked when marked, and the event's message id is the checkout's.
import { ABANDONED_AFTER_MINUTES_DEFAULT } from '@afterglow/journey-core';
import type { Queryable, Sql } from '@afterglow/db';
import type { StoredEvent } from './types';

export const CHECKOUT_ABANDONED = 'Checkout Abandoned';
const BATCH = 2_000;

/**
 * Past its due time by more than this, a checkout is history (a backfill of old checkouts, or
 * workers stopped for days): it is never announced, so nobody gets an email about last month's cart.
 */
const STALE_AFTER = '1 day';

interface Emitted {
  workspaceId: string;
  messageId: string;
  customerId: string;
  properties: Record<string, unknown>;
}

/** Marks and stores one batch of due checkouts' events; hands them to `deliver` in the same transaction. */
async function emitBatch(sql: Sql, now: Date, deliver: (tx: Queryable, events: StoredEvent[]) => Promise<unknown>): Promise<number> {
  return sql.begin(async (tx) => {
    // The delay as stored, bounded as the settings form bounds it; a value not a number is the default.
    const delay = tx`make_interval(mins => case when jsonb_typeof(w.settings #> '{checkouts,abandonedAfterMinutes}') = 'number'
      then least(greatest((w.settings #>> '{checkouts,abandonedAfterMinutes}')::numeric, 10), 10080)::int
      else ${ABANDONED_AFTER_MINUTES_DEFAULT}::int end)`;
    const rows = await tx<Emitted[]>`
      with due as (
        select c.workspace_id, c.id
        from workspaces w
        join checkouts c on c.workspace_id = w.id and c.completed_at is null and c.abandoned_at is null
          and c.updated_at <= ${now}::timestamptz - ${delay}
          and c.updated_at > ${now}::timestamptz - ${delay} - ${STALE_AFTER}::interval
        where (select 1 from orders o where o.workspace_id = c.workspace_id and o.customer_id = c.customer_id
          and o.placed_at >= c.started_at limit 1) is null
        order by c.workspace_id, c.id
        limit ${BATCH}
        for update of c skip locked),
      marked as (
        update checkouts c set abandoned_at = ${now}
        from due where c.workspace_id = due.workspace_id and c.id = due.id and c.abandoned_at is null and c.completed_at is null
        returning c.workspace_id, c.id, c.customer_id, c.started_at, c.properties)
      insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp, received_at)
      select workspace_id, 'checkout-abandoned:' || id, 'track', customer_id, ${CHECKOUT_ABANDONED},
        (properties - 'completed') || jsonb_build_object('checkout_id', id, 'started_at', started_at), ${now}, ${now}
      from marked
      on conflict (workspace_id, message_id) do nothing
      returning workspace_id as "workspaceId", message_id as "messageId", customer_id as "customerId", properties`;
    const events = rows.map((r) => ({ ...r, name: CHECKOUT_ABANDONED, timestamp: now }));
    if (events.length > 0) await deliver(tx as unknown as Queryable, events);
    return rows.length;
  }) as Promise<number>;
}

/** Emits every due checkout's "Checkout Abandoned", batch by batch; returns how many. */
export async function emitAbandonedCheckouts(sql: Sql, now: Date, deliver: (tx: Queryable, events: StoredEvent[]) => Promise<unknown>): Promise<number> {
  let emitted = 0;
  for (;;) {
    const batch = await emitBatch(sql, now, deliver);
    emitted += batch;
    if (batch < BATCH) return emitted;
  }
}

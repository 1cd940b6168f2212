// "Checkout Abandoned": a checkout (kept by ingestion in `checkouts`) that was not completed,
// and after which its customer placed no order, once it has been quiet for the workspace's
// abandonment delay. One statement per batch settles the due checkouts (a later order of the
// customer completes one; the others are marked abandoned) and stores the abandoned ones' events;
// the events then go where ingested ones go (goals, waits, triggers) in the same transaction.
// Exactly once per checkout under retries and any number of workers: rows are claimed with
// SKIP LOCKED and re-checked when marked, and the event's message id is the checkout's.
import { ABANDONED_AFTER_MINUTES_DEFAULT } from '@afterglow/journey-core';
import { recordEventNames, type Queryable, type Sql } from '@afterglow/db';
import type { StoredEvent } from './types';

export const CHECKOUT_ABANDONED = 'Checkout Abandoned';
const BATCH = 2_000;

/**
 * Past its due time by more than this, a checkout is history (a backfill of old checkouts, or
 * workers stopped for days): it is never announced, so nobody gets an email about last month's cart.
 */
const STALE_AFTER = '1 day';

interface Row {
  /** Checkouts this statement settled: abandoned, or completed by a later order of the customer. */
  claimed: number;
  workspaceId: string | null;
  messageId: string | null;
  customerId: string;
  properties: Record<string, unknown>;
}

/**
 * The workspace's abandonment delay as an interval over `workspaces w`: the value as stored,
 * bounded as the settings form bounds it; a value that is not a number is the default. The test
 * harness asks the same expression when the next checkout falls due.
 */
export function abandonmentDelay(sql: Queryable) {
  return sql`make_interval(mins => case when jsonb_typeof(w.settings #> '{checkouts,abandonedAfterMinutes}') = 'number'
    then least(greatest((w.settings #>> '{checkouts,abandonedAfterMinutes}')::numeric, 10), 10080)::int
    else ${ABANDONED_AFTER_MINUTES_DEFAULT}::int end)`;
}

/**
 * Settles one batch of due checkouts: one followed by an order of its customer is completed by
 * it (so it is never looked at again), the others are marked abandoned and their events stored;
 * hands those events to `deliver` in the same transaction. Returns how many were settled and emitted.
 */
async function settleBatch(sql: Sql, now: Date, deliver: (tx: Queryable, events: StoredEvent[]) => Promise<unknown>)
  : Promise<{ claimed: number; emitted: number }> {
  return sql.begin(async (tx) => {
    const delay = abandonmentDelay(tx);
    const rows = await tx<Row[]>`
      with due as (
        select c.workspace_id, c.id, (select o.placed_at from orders o where o.workspace_id = c.workspace_id
          and o.customer_id = c.customer_id and o.placed_at >= c.started_at order by o.placed_at limit 1) as ordered_at
        from workspaces w
        join checkouts c on c.workspace_id = w.id and c.completed_at is null and c.abandoned_at is null
          and c.updated_at <= ${now}::timestamptz - ${delay}
          and c.updated_at > ${now}::timestamptz - ${delay} - ${STALE_AFTER}::interval
        order by c.workspace_id, c.id
        limit ${BATCH}
        for update of c skip locked),
      settled as (
        update checkouts c set completed_at = due.ordered_at, abandoned_at = case when due.ordered_at is null then ${now}::timestamptz end
        from due where c.workspace_id = due.workspace_id and c.id = due.id and c.abandoned_at is null and c.completed_at is null
        returning c.workspace_id, c.id, c.customer_id, c.started_at, c.properties, c.abandoned_at is not null as abandoned),
      stored as (
        insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp, received_at)
        select workspace_id, 'checkout-abandoned:' || id, 'track', customer_id, ${CHECKOUT_ABANDONED},
          (properties - 'completed') || jsonb_build_object('checkout_id', id, 'started_at', started_at), ${now}, ${now}
        from settled where abandoned
        on conflict (workspace_id, message_id) do nothing
        returning workspace_id, message_id, customer_id, properties)
      select (select count(*)::int from settled) as claimed, s.workspace_id as "workspaceId", s.message_id as "messageId",
        s.customer_id as "customerId", s.properties
      from (select 1) one left join stored s on true`;
    const events = rows.filter((r) => r.messageId !== null).map((r) => ({
      workspaceId: r.workspaceId!, messageId: r.messageId!, customerId: r.customerId, properties: r.properties,
      name: CHECKOUT_ABANDONED, timestamp: now,
    }));
    if (events.length > 0) await deliver(tx as unknown as Queryable, events);
    // Counted where the event picker reads, as ingested events are.
    for (const workspaceId of new Set(events.map((e) => e.workspaceId))) {
      await recordEventNames(tx as unknown as Queryable, workspaceId, events.filter((e) => e.workspaceId === workspaceId), now);
    }
    return { claimed: rows[0].claimed, emitted: events.length };
  }) as Promise<{ claimed: number; emitted: number }>;
}

/** Emits every due checkout's "Checkout Abandoned", batch by batch; returns how many. */
export async function emitAbandonedCheckouts(sql: Sql, now: Date, deliver: (tx: Queryable, events: StoredEvent[]) => Promise<unknown>): Promise<number> {
  let emitted = 0;
  for (;;) {
    const batch = await settleBatch(sql, now, deliver);
    emitted += batch.emitted;
    if (batch.claimed < BATCH) return emitted;
  }
}

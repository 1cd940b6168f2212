// Checkouts kept for the engine's abandonment job (engine/abandoned-checkouts.ts). Every newly
// stored "Checkout Started" or "checkout_updated" naming a checkout_id writes its checkout
// (earliest start, latest activity, the latest message's properties); one marked completed
// (Shopify's checkouts/update once paid) or an order event naming it (Shopify's
// checkout_token, Segment's checkout_id on "Order Completed") completes it. Two statements,
// whatever the batch size, folded per checkout first as ON CONFLICT needs.
import { normalizeEventName } from '@afterglow/node-sdk';
import type postgres from 'postgres';
import { orderStatusOf } from './order-schema';

/** A newly stored track event of a known customer. */
export interface TrackedEvent {
  customerId: string;
  name: string;
  properties: Record<string, unknown>;
  /** ISO source timestamp */
  at: string;
}

interface CheckoutRow {
  id: string;
  customer_id: string;
  started_at: string;
  at: string;
  completed_at: string | null;
  properties: Record<string, unknown>;
}

const CHECKOUT_EVENTS = new Set(['checkout_started', 'checkout_updated']);
const ms = (iso: string) => new Date(iso).getTime();

/** A checkout id as an event names it; one longer than a key may be (200) names none. */
function checkoutIdOf(value: unknown): string | null {
  const id = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  return id.length > 0 && id.length <= 200 ? id : null;
}

/** One row per checkout: the latest message's customer and properties over the earlier ones'. */
function foldCheckouts(events: TrackedEvent[]): CheckoutRow[] {
  const byId = new Map<string, CheckoutRow>();
  // Most events name no checkout: only those that do are sorted.
  for (const e of events.filter((x) => x.properties.checkout_id !== undefined).sort((a, b) => ms(a.at) - ms(b.at))) {
    const id = checkoutIdOf(e.properties.checkout_id);
    if (!id || !CHECKOUT_EVENTS.has(normalizeEventName(e.name))) continue;
    const prev = byId.get(id);
    byId.set(id, {
      id, customer_id: e.customerId, started_at: prev?.started_at ?? e.at, at: e.at,
      completed_at: prev?.completed_at ?? (e.properties.completed === true ? e.at : null),
      properties: { ...prev?.properties, ...e.properties },
    });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The checkouts the batch's placed orders complete, with when. */
function completions(events: TrackedEvent[]): { id: string; at: string }[] {
  return events.flatMap((e) => {
    if (orderStatusOf(e.name, e.properties) !== 'placed') return [];
    const id = checkoutIdOf(e.properties.checkout_token) ?? checkoutIdOf(e.properties.checkout_id);
    return id ? [{ id, at: e.at }] : [];
  });
}

export function recordCheckouts(tx: postgres.TransactionSql, workspaceId: string, events: TrackedEvent[]): Promise<unknown> {
  const rows = foldCheckouts(events);
  const completed = completions(events);
  const upsert = tx`
    insert into checkouts as c (workspace_id, id, customer_id, started_at, updated_at, completed_at, properties)
    select ${workspaceId}, u.id, u.customer_id, u.started_at, u.at, u.completed_at, u.properties
    from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as u(
      id text, customer_id text, started_at timestamptz, at timestamptz, completed_at timestamptz, properties jsonb)
    order by u.id
    on conflict (workspace_id, id) do update set
      started_at = least(c.started_at, excluded.started_at),
      customer_id = case when excluded.updated_at >= c.updated_at then excluded.customer_id else c.customer_id end,
      properties = case when excluded.updated_at >= c.updated_at then c.properties || excluded.properties
        else excluded.properties || c.properties end,
      updated_at = greatest(c.updated_at, excluded.updated_at),
      completed_at = coalesce(c.completed_at, excluded.completed_at)`;
  const complete = tx`
    update checkouts c set completed_at = x.at
    from (select id, min(at) as at from jsonb_to_recordset(${JSON.stringify(completed)}::text::jsonb) as x(id text, at timestamptz)
      group by id) x
    where c.workspace_id = ${workspaceId} and c.id = x.id and c.completed_at is null`;
  // Created in this order, so sent and run in this order (an order completing a checkout started in the same batch).
  return Promise.all([rows.length ? upsert : null, completed.length ? complete : null]);
}

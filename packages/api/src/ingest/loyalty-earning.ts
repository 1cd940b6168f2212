// The loyalty programme's earning rules, applied as a request's messages are stored: points for
// completed orders, taken back (in proportion) by refunds, for signing up and for reviews. A few
// set-based statements per request, whatever its size; each entry carries an effect key unique
// in the ledger, so a replayed message, a redelivered webhook or a retried request grants nothing twice.
import { ERASED_CUSTOMER_ID } from '@afterglow/db';
import type { LoyaltySettings } from '@afterglow/journey-core';
import type postgres from 'postgres';
import { eventClaimOf, refundClaimOf, type EventClaim, type RefundClaim } from './loyalty-claims';
import { customPlanned } from './custom-plan';
import type { OrderUpdate } from './order-schema';
import type { StoredOrder } from './records';

/** What a request may earn or take back: the orders it touched, its refunds, its sign-ups and reviews. */
export interface LoyaltyClaims {
  orderIds: string[];
  refunds: RefundClaim[];
  events: EventClaim[];
}

/** An order is worth at most this many points (a ledger entry is a 4-byte integer). */
const MAX_ORDER_POINTS = 1_000_000_000;

/** Adds what one newly stored track event claims. */
export function addClaims(claims: LoyaltyClaims, e: { customerId: string; event: string; properties: Record<string, unknown>; at: string;
  messageId: string; order: OrderUpdate | null }): void {
  if (e.order) claims.orderIds.push(e.order.orderId);
  const refund = refundClaimOf(e.event, e.properties, e.at, e.messageId);
  if (refund) claims.refunds.push(refund);
  const earned = eventClaimOf(e.customerId, e.event, e.properties);
  if (earned) claims.events.push(earned);
}

export const hasClaims = (c: LoyaltyClaims) => c.orderIds.length + c.refunds.length + c.events.length > 0;

/**
 * Orders placed (or already on their way) earn floor(total × points per unit), once per order
 * (effect key `order:<id>`), to the order's customer; a cancelled or refunded one earns nothing.
 * The orders this request wrote come as written (`stored`); any other (a partial refund's) is read.
 */
function grantOrders(tx: postgres.TransactionSql, workspaceId: string, ids: string[], stored: StoredOrder[], settings: LoyaltySettings, at: string) {
  const { enabled, pointsPerUnit } = settings.earning.orders;
  if (!enabled || pointsPerUnit <= 0 || ids.length === 0) return [];
  const wanted = new Set(ids);
  const known = stored.filter((o) => wanted.has(o.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const others = [...wanted].filter((id) => !known.some((o) => o.id === id)).sort();
  const grant = (orders: postgres.PendingQuery<postgres.Row[]>) => tx`
    insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, order_id, effect_key, created_at)
    select ${workspaceId}, o.customer_id, x.points, 'Order ' || o.id, 'order', o.id, 'order:' || o.id, ${at}::timestamptz
    from (${orders}) o cross join lateral (select least(floor(o.total * ${pointsPerUnit}::numeric), ${MAX_ORDER_POINTS})::int as points) x
    where o.status in ('placed', 'shipped', 'delivered') and o.customer_id <> ${ERASED_CUSTOMER_ID} and x.points > 0
    order by o.id
    on conflict (workspace_id, effect_key) where effect_key is not null do nothing`;
  return [
    known.length > 0 ? grant(tx`select * from jsonb_to_recordset(${JSON.stringify(known)}::text::jsonb)
      as k(id text, customer_id text, status text, total numeric)`).execute() : null,
    others.length > 0 ? customPlanned(tx, grant(tx`select o.id, o.customer_id, o.status, o.total from orders o
      where o.workspace_id = ${workspaceId} and o.id = any(${tx.array(others)}::text[])`)) : null,
  ];
}

/**
 * Refunds take back the order's grant in proportion to the money given back (all of it for a
 * full refund or a cancellation), never more than is left of it however many partial refunds
 * come: the request's refunds of one order are counted in time order against what earlier ones
 * left. The orders are locked first, so concurrent requests refunding one order take turns and
 * each sees what the other took (each statement reads what committed before it began).
 */
function takeBackRefunds(tx: postgres.TransactionSql, workspaceId: string, refunds: RefundClaim[], at: string) {
  if (refunds.length === 0) return [];
  const ids = [...new Set(refunds.map((r) => r.orderId))].sort();
  const lock = tx`select 1 from orders where workspace_id = ${workspaceId} and id = any(${tx.array(ids)}::text[]) order by id for update`;
  const rows = JSON.stringify(refunds.map((r, n) => ({ order_id: r.orderId, effect_key: `refund:${r.orderId}:${r.key}`, amount: r.amount, at: r.at, n })));
  const insert = tx`
    with r as (
      select x.* from jsonb_to_recordset(${rows}::text::jsonb) as x(order_id text, effect_key text, amount numeric, at timestamptz, n int)
      where not exists (select 1 from loyalty_ledger e where e.workspace_id = ${workspaceId} and e.effect_key = x.effect_key)),
    grants as (
      select g.order_id, g.customer_id, g.points as granted, o.total,
        g.points + coalesce((select sum(t.points) from loyalty_ledger t where t.workspace_id = ${workspaceId}
          and t.customer_id = g.customer_id and t.kind = 'refund' and t.order_id = g.order_id), 0) as remaining
      from (select distinct order_id from r) d
      join loyalty_ledger g on g.workspace_id = ${workspaceId} and g.effect_key = 'order:' || d.order_id
      left join orders o on o.workspace_id = ${workspaceId} and o.id = d.order_id),
    shares as (
      select r.order_id, r.effect_key, g.customer_id, g.remaining, s.share,
        sum(s.share) over (partition by r.order_id order by r.at, r.n) as upto
      from r join grants g on g.order_id = r.order_id
      cross join lateral (select case when r.amount is null or g.total is null or g.total <= 0 or r.amount >= g.total then g.granted
        else round(g.granted * r.amount / g.total)::int end as share) s)
    insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, order_id, effect_key, created_at)
    select ${workspaceId}, customer_id, -x.taken, 'Refund of order ' || order_id, 'refund', order_id, effect_key, ${at}::timestamptz
    from shares cross join lateral (select greatest(least(remaining, upto) - least(remaining, upto - share), 0)::int as taken) x
    where x.taken > 0
    on conflict (workspace_id, effect_key) where effect_key is not null do nothing`;
  return [lock.execute(), insert.execute()];
}

/** Sign-ups and reviews: the rule's points, once per effect key, when the rule is on. */
function grantEvents(tx: postgres.TransactionSql, workspaceId: string, claims: EventClaim[], settings: LoyaltySettings, at: string) {
  const rules = { signup: settings.earning.signUp, review: settings.earning.review };
  const rows = [...new Map(claims.filter((c) => rules[c.kind].enabled && rules[c.kind].points > 0)
    .map((c) => [c.effectKey, { ...c, points: rules[c.kind].points }])).values()];
  if (rows.length === 0) return null;
  return tx`
    insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, effect_key, created_at)
    select ${workspaceId}, x."customerId", x.points, x.reason, x.kind, x."effectKey", ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as x("customerId" text, points int, reason text, kind text, "effectKey" text)
    on conflict (workspace_id, effect_key) where effect_key is not null do nothing`.execute();
}

/**
 * Sent at once, in this order, on the transaction's connection, after the order records the
 * caller created before (a grant reads the order as this request left it).
 */
export function earnPoints(tx: postgres.TransactionSql, workspaceId: string, claims: LoyaltyClaims, settings: LoyaltySettings, now: Date,
  stored: StoredOrder[]): Promise<unknown> {
  const at = now.toISOString();
  return Promise.all([
    ...grantOrders(tx, workspaceId, claims.orderIds, stored, settings, at),
    ...takeBackRefunds(tx, workspaceId, claims.refunds, at),
    grantEvents(tx, workspaceId, claims.events, settings, at),
  ]);
}

// Attribution of placed orders (docs/analytics.md), in the ingestion transaction, after the
// orders and their coupons are stored: two set-based statements per request, whatever the
// number of orders. An order is credited once in the workspace (order_attributions' key):
//  1. to the journey that issued a coupon it used, whenever it is placed (the coupon wins);
//  2. else, last touch: to the journey and step of the customer's marketing email touched
//     latest before the order (its last open or click by a person, else its sending), when the
//     order falls within that journey's window (settings.attribution.windowDays, default 5).
// Journeys whose conversion is 'none' take no credit. Separately, each order counts once for
// the experiments (run_groups) of every Holdout or A/B step the customer passed within the
// journey's lift window, attributed or not: held-out customers get no email to credit.
import type postgres from 'postgres';
import { ATTRIBUTION_DEFAULTS } from '@afterglow/journey-core';
import type { Redemption } from './coupon-redemptions';
import type { OrderUpdate } from './order-schema';
import type { StoredOrder } from './records';

/** The longest window a journey may set (attributionSchema): emails older than this never count. */
const MAX_WINDOW_DAYS = 90;

export interface PlacedOrder {
  orderId: string;
  /** Codes the order named (upper case). */
  codes: string[];
}

/** The placed orders among a request's order updates, with the codes each named. */
export function placedOrders(orders: OrderUpdate[], redemptions: Redemption[]): PlacedOrder[] {
  return orders.filter((o) => o.status === 'placed').map((o) => ({
    orderId: o.orderId, codes: redemptions.filter((r) => r.orderId === o.orderId).map((r) => r.code),
  }));
}

export async function attributeOrders(tx: postgres.TransactionSql, workspaceId: string, placed: PlacedOrder[], stored: StoredOrder[]): Promise<void> {
  if (placed.length === 0) return;
  const ids = new Set(placed.map((p) => p.orderId));
  const codes = [...new Set(placed.flatMap((p) => p.codes))].sort();
  const window = ATTRIBUTION_DEFAULTS.windowDays;
  // The orders as this request wrote them, of a customer still known (an erased customer's
  // orders credit no one): from the upsert's own result, so no lookup of orders by id.
  const rows = stored.filter((o) => ids.has(o.id) && o.customer_id !== '').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (rows.length === 0) return;
  const orders = tx`
    select o.id, o.customer_id, o.total, o.currency, o.placed_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as o(id text, customer_id text, total numeric, currency text, placed_at timestamptz)`;
  await Promise.all([
    tx`
      with placed as (${orders}),
      by_coupon as (
        select distinct on (p.id) p.id, c.journey_id, c.version_id, c.node_id, c.run_id, c.code
        from placed p join coupons c on c.workspace_id = ${workspaceId} and c.code = any(${tx.array(codes)}::text[])
          and c.redeemed_order_id = p.id and c.journey_id is not null and c.version_id is not null and c.node_id is not null
        join journeys j on j.id = c.journey_id
        where coalesce(j.settings -> 'attribution' ->> 'conversion', 'order') = 'order'
        order by p.id, c.created_at desc, c.code
      ),
      by_touch as (
        select distinct on (p.id) p.id, e.journey_id, e.version_id, e.node_id, e.run_id, e.id as outbox_id
        from placed p
        join email_outbox e on e.workspace_id = ${workspaceId} and e.customer_id = p.customer_id
          and e.journey_id is not null and e.sent_at is not null
          and e.sent_at <= p.placed_at and e.sent_at > p.placed_at - make_interval(days => ${MAX_WINDOW_DAYS})
        join journeys j on j.id = e.journey_id
        cross join lateral (
          select greatest(e.sent_at, (select max(ev.at) from email_events ev
            where ev.workspace_id = e.workspace_id and ev.outbox_id = e.id and ev.type in ('open', 'click')
              and not ev.bot and ev.at <= p.placed_at)) as at
        ) touch
        where e.kind = 'marketing' and e.version_id is not null and e.node_id is not null
          and coalesce(j.settings -> 'attribution' ->> 'conversion', 'order') = 'order'
          and p.placed_at <= touch.at + make_interval(days => coalesce((j.settings -> 'attribution' ->> 'windowDays')::int, ${window}))
        order by p.id, touch.at desc, e.sent_at desc, e.id
      )
      insert into order_attributions (workspace_id, order_id, customer_id, journey_id, version_id, node_id, run_id, rule,
        outbox_id, coupon_code, revenue, currency, placed_at)
      select ${workspaceId}, p.id, p.customer_id, coalesce(c.journey_id, t.journey_id), coalesce(c.version_id, t.version_id),
        coalesce(c.node_id, t.node_id), case when c.id is not null then c.run_id else t.run_id end,
        case when c.id is not null then 'coupon' else 'last_touch' end,
        case when c.id is null then t.outbox_id end, c.code, p.total, p.currency, p.placed_at
      from placed p left join by_coupon c on c.id = p.id left join by_touch t on t.id = p.id
      where c.id is not null or t.id is not null
      order by p.id
      on conflict (workspace_id, order_id) do nothing`.execute(),
    tx`
      with placed as (${orders}),
      hits as (
        select g.run_id, g.grp, p.id as order_id, p.total from placed p
        join run_groups g on g.workspace_id = ${workspaceId} and g.customer_id = p.customer_id
          and g.since <= p.placed_at and p.placed_at <= g.until
      ),
      fresh as (
        insert into lift_orders (workspace_id, order_id)
        select distinct ${workspaceId}, order_id from hits order by 2
        on conflict do nothing returning order_id
      ),
      counted as (
        select h.run_id, h.grp, count(*) as n, sum(h.total) as amount
        from hits h where h.order_id in (select order_id from fresh) group by 1, 2
      ),
      moved as (
        update run_groups g set orders = g.orders + c.n, revenue = g.revenue + c.amount
        from counted c where g.run_id = c.run_id and g.grp = c.grp
        returning g.journey_id, g.version_id, g.grp, old.orders as was_orders, old.revenue as was, new.revenue as now
      )
      insert into journey_group_totals (journey_id, version_id, grp, converted, revenue, revenue_sq)
      select journey_id, version_id, grp, count(*) filter (where was_orders = 0), sum(now - was), sum(now * now - was * was)
      from moved group by 1, 2, 3 order by 1, 2, 3
      on conflict (journey_id, version_id, grp) do update set converted = journey_group_totals.converted + excluded.converted,
        revenue = journey_group_totals.revenue + excluded.revenue, revenue_sq = journey_group_totals.revenue_sq + excluded.revenue_sq`
      .execute(),
  ]);
}

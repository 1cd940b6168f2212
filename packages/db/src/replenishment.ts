// When will a customer buy a product (or from a category) again? One query answers any number
// of such questions at once (the engine's batch of replenishment waits, the customer page), so
// the cost is one round trip, whatever the number of runs. Prediction order, first that applies:
//   1. own_history: the customer's own rhythm, once they bought it at least three times;
//   2. product_cycle: the product's buying cycle (products.buying_cycle_*_days);
//   3. category_cycle: the most specific category cycle above the product (category_buying_cycles);
//   4. fallback: the number of days the caller gives (a node's config), if any.
// The prediction is counted from the last purchase (or `now` for something never bought).
import { pgArray } from './pg-array';
import type { Queryable } from './client';

export type PredictionRule = 'own_history' | 'product_cycle' | 'category_cycle' | 'fallback';

export interface PredictionAsk {
  workspaceId: string;
  customerId: string;
  what: 'product' | 'category';
  /** A product id, or a category as the shop names it (sub-categories included, case ignored). */
  value: string;
}

/** What the database knows for one ask; `choosePrediction` turns it into a date. */
export interface PredictionFacts {
  /** Distinct purchases (orders, one a day at most), cancelled and refunded orders left out. */
  purchases: number;
  lastAt: Date | null;
  /** The median of the latest intervals, with at least MIN_INTERVALS of them; else null. */
  ownDays: number | null;
  productDays: number | null;
  categoryDays: number | null;
}

export interface Prediction {
  at: Date;
  rule: PredictionRule;
  /** The interval the prediction adds to the last purchase. */
  days: number;
  lastAt: Date | null;
}

/**
 * Own history needs two intervals (three purchases): one interval is as likely a stock-up or a
 * gift as a rhythm. Only the latest five count, so a habit that changed shows within a few buys.
 */
export const MIN_INTERVALS = 2;
export const RECENT_INTERVALS = 5;
const DAY_MS = 86_400_000;

/**
 * The facts for every ask, in the asks' order, with one statement. The estimate of the customer's
 * own rhythm is the MEDIAN of the latest intervals, not the mean: one odd interval (a forgotten
 * re-order of 200 days among 60s, or two orders a week apart when a parcel got lost) moves a mean
 * by weeks but a median not at all, and a reminder a month late is a lost sale. Two purchases
 * within a day are one (an order split in two); the interval is counted between orders.
 */
export async function predictionFacts(sql: Queryable, asks: readonly PredictionAsk[]): Promise<PredictionFacts[]> {
  if (asks.length === 0) return [];
  const rows = await sql<{ idx: string; purchases: number | null; lastAt: Date | null; ownDays: number | null; productDays: number | null; categoryDays: number | null }[]>`
    with ask as (
      select a.*, case when a.what = 'category' then a.value
        else (select p.category from products p where p.workspace_id = a.workspace_id and p.id = a.value) end as category
      from unnest(${pgArray(asks.map((a) => a.workspaceId))}::text[], ${pgArray(asks.map((a) => a.customerId))}::text[],
        ${pgArray(asks.map((a) => a.what))}::text[], ${pgArray(asks.map((a) => a.value.trim()))}::text[])
        with ordinality as a(workspace_id, customer_id, what, value, idx)
    ), bought as (
      select a.idx, o.placed_at from ask a
      join order_items i on i.workspace_id = a.workspace_id and i.customer_id = a.customer_id
        and case when a.what = 'product' then i.product_id = a.value
          else lower(i.category) = lower(a.value) or starts_with(lower(i.category), lower(a.value) || ' > ') end
      join orders o on o.workspace_id = i.workspace_id and o.id = i.order_id and o.status not in ('cancelled', 'refunded')
      group by a.idx, o.id, o.placed_at
    ), gaps as (
      select idx, placed_at, extract(epoch from placed_at - lag(placed_at) over (partition by idx order by placed_at)) / 86400 as gap
      from bought
    ), kept as (
      select idx, placed_at, gap from gaps where gap is null or gap >= 1
    ), recent as (
      select idx, gap, row_number() over (partition by idx order by placed_at desc) as n from kept where gap is not null
    ), own as (
      select idx, percentile_cont(0.5) within group (order by gap) as days from recent
      where n <= ${RECENT_INTERVALS} group by idx having count(*) >= ${MIN_INTERVALS}
    ), history as (
      select idx, count(*)::int as purchases, max(placed_at) as last_at from kept group by idx
    )
    select a.idx::text as idx, h.purchases, h.last_at as "lastAt", own.days::float8 as "ownDays",
      (select (p.buying_cycle_min_days + p.buying_cycle_max_days) / 2.0 from products p
        where a.what = 'product' and p.workspace_id = a.workspace_id and p.id = a.value)::float8 as "productDays",
      (select (c.min_days + c.max_days) / 2.0 from category_buying_cycles c
        where c.workspace_id = a.workspace_id and (lower(a.category) = lower(c.category) or starts_with(lower(a.category), lower(c.category) || ' > '))
        order by length(c.category) desc limit 1)::float8 as "categoryDays"
    from ask a left join history h on h.idx = a.idx left join own on own.idx = a.idx
    order by a.idx`;
  return rows.map((r) => ({
    purchases: r.purchases ?? 0, lastAt: r.lastAt, ownDays: r.ownDays, productDays: r.productDays, categoryDays: r.categoryDays,
  }));
}

/** The first rule that applies, counted from the last purchase (else `now`); null when none does. */
export function choosePrediction(facts: PredictionFacts, now: Date, fallbackDays?: number): Prediction | null {
  const rules: [PredictionRule, number | null | undefined][] = [
    ['own_history', facts.ownDays], ['product_cycle', facts.productDays], ['category_cycle', facts.categoryDays], ['fallback', fallbackDays],
  ];
  for (const [rule, days] of rules) {
    if (days === null || days === undefined) continue;
    const from = facts.lastAt ?? now;
    return { at: new Date(from.getTime() + Math.round(days * DAY_MS)), rule, days, lastAt: facts.lastAt };
  }
  return null;
}

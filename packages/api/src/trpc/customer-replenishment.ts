// When the customer will probably buy again, for the customer page: each product they bought
// (the 50 bought last) and each category of those, with the predicted next purchase and the rule
// that made it, as the Replenishment wait predicts (own rhythm, product cycle, category cycle).
// One statement lists the candidates and one predicts them all; no fallback here, so a product
// nothing predicts is left out.
import { choosePrediction, predictionFacts, type PredictionAsk } from '@afterglow/db';
import type { ApiDeps } from './deps';
import { iso } from './time';

const MAX_PRODUCTS = 50;

export async function replenishmentOf(deps: ApiDeps, workspaceId: string, customerId: string) {
  const { sql } = deps.database;
  const products = await sql<{ id: string; name: string; category: string | null }[]>`
    select i.product_id as id, (array_agg(coalesce(p.name, i.name) order by o.placed_at desc))[1] as name,
      (array_agg(coalesce(p.category, i.category) order by o.placed_at desc))[1] as category
    from order_items i
    join orders o on o.workspace_id = i.workspace_id and o.id = i.order_id
    left join products p on p.workspace_id = i.workspace_id and p.id = i.product_id
    where i.workspace_id = ${workspaceId} and i.customer_id = ${customerId} and o.status not in ('cancelled', 'refunded')
    group by i.product_id order by max(o.placed_at) desc, i.product_id limit ${MAX_PRODUCTS}`;
  const categories = [...new Set(products.map((p) => p.category?.trim()).filter((c): c is string => !!c))];
  const asks: (PredictionAsk & { name: string })[] = [
    ...products.map((p) => ({ workspaceId, customerId, what: 'product' as const, value: p.id, name: p.name })),
    ...categories.map((c) => ({ workspaceId, customerId, what: 'category' as const, value: c, name: c })),
  ];
  const facts = await predictionFacts(sql, asks);
  const now = deps.clock.now();
  return asks.flatMap((ask, i) => {
    const prediction = choosePrediction(facts[i], now);
    if (!prediction) return [];
    return [{
      what: ask.what, value: ask.value, name: ask.name, rule: prediction.rule, days: Math.round(prediction.days),
      purchases: facts[i].purchases, lastPurchaseAt: prediction.lastAt ? iso(prediction.lastAt) : null, predictedAt: iso(prediction.at),
    }];
  }).sort((a, b) => a.predictedAt.localeCompare(b.predictedAt) || a.name.localeCompare(b.name));
}

// services.orders.predictNextPurchase for a batch: every run of the batch that asks in the same
// tick is answered by one statement (predictionFacts over all their products and categories),
// however many runs and values, then each run gets the earliest of its values' predictions.
// It reads orders and the catalogue only, which no step changes, so nothing is written first.
import { choosePrediction, predictionFacts, type PredictionAsk, type Queryable as Sql } from '@afterglow/db';
import type { PurchasePrediction, PurchasePredictionRequest } from '@afterglow/node-sdk';

interface Waiter {
  asks: PredictionAsk[];
  request: PurchasePredictionRequest;
  resolve: (p: PurchasePrediction | null) => void;
  reject: (e: unknown) => void;
}

export type PredictNextPurchase = (workspaceId: string, customerId: string, request: PurchasePredictionRequest) => Promise<PurchasePrediction | null>;

export function createPredictionBatch(sql: Sql, now: Date): PredictNextPurchase {
  let pending: Waiter[] = [];

  const flush = async () => {
    const waiters = pending;
    pending = [];
    try {
      const facts = await predictionFacts(sql, waiters.flatMap((w) => w.asks));
      let i = 0;
      for (const w of waiters) {
        const mine = facts.slice(i, i + w.asks.length);
        i += w.asks.length;
        w.resolve(earliest(w, mine.map((f) => choosePrediction(f, now, w.request.fallbackDays))));
      }
    } catch (err) {
      for (const w of waiters) w.reject(err);
    }
  };

  const earliest = (w: Waiter, predictions: ReturnType<typeof choosePrediction>[]): PurchasePrediction | null => {
    let best: PurchasePrediction | null = null;
    predictions.forEach((p, i) => {
      if (p && (!best || p.at < best.at)) best = { at: p.at, rule: p.rule, value: w.asks[i].value, days: p.days, lastPurchaseAt: p.lastAt };
    });
    if (best || w.request.fallbackDays === undefined) return best;
    const days = w.request.fallbackDays;
    return { at: new Date(now.getTime() + days * 86_400_000), rule: 'fallback', value: null, days, lastPurchaseAt: null };
  };

  return (workspaceId, customerId, request) => new Promise((resolve, reject) => {
    const values = [...new Set(request.values.map((v) => v.trim()).filter(Boolean))];
    pending.push({ asks: values.map((value) => ({ workspaceId, customerId, what: request.what, value })), request, resolve, reject });
    if (pending.length === 1) setImmediate(() => void flush());
  });
}

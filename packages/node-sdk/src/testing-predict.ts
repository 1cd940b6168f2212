// The test context's answer to `services.orders.predictNextPurchase`, by the engine's rules on
// the purchases and buying cycles a test gives: the median of the latest five intervals (two at
// least; purchases within a day are one), else the product's cycle, else the most specific
// category's, else the fallback; the earliest over the values asked.
import type { PurchasePrediction, PurchasePredictionRequest } from './requests.js';

const DAY_MS = 86_400_000;

export interface TestPurchase { productId: string; category?: string; brand?: string; at: Date }
/** Buying cycles in days (the middle of a range), by product id and by category name. */
export interface TestBuyingCycles { products?: Record<string, number>; categories?: Record<string, number> }

const inCategory = (have: string | undefined, want: string) => {
  const h = have?.trim().toLowerCase();
  const w = want.trim().toLowerCase();
  return h !== undefined && (h === w || h.startsWith(`${w} > `));
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function ownDays(times: number[]): number | null {
  const kept: number[] = [];
  for (const t of [...times].sort((a, b) => a - b)) if (kept.length === 0 || t - kept[kept.length - 1] >= DAY_MS) kept.push(t);
  const gaps = kept.slice(1).map((t, i) => (t - kept[i]) / DAY_MS).slice(-5);
  return gaps.length >= 2 ? median(gaps) : null;
}

function categoryDays(category: string | undefined, cycles: Record<string, number>): number | null {
  const hits = Object.entries(cycles).filter(([name]) => inCategory(category, name)).sort(([a], [b]) => b.length - a.length);
  return hits[0]?.[1] ?? null;
}

export function predictFromTestData(
  purchases: TestPurchase[], cycles: TestBuyingCycles, r: PurchasePredictionRequest, now: Date,
): PurchasePrediction | null {
  const answers = r.values.map((value): PurchasePrediction | null => {
    const mine = purchases.filter((p) => (r.what === 'product' ? p.productId === value.trim() : inCategory(p.category, value)));
    const last = mine.length ? new Date(Math.max(...mine.map((p) => p.at.getTime()))) : null;
    const category = r.what === 'category' ? value : purchases.find((p) => p.productId === value.trim())?.category;
    const rules: [PurchasePrediction['rule'], number | null | undefined][] = [
      ['own_history', ownDays(mine.map((p) => p.at.getTime()))],
      ['product_cycle', r.what === 'product' ? cycles.products?.[value.trim()] : null],
      ['category_cycle', categoryDays(category, cycles.categories ?? {})],
      ['fallback', r.fallbackDays],
    ];
    const [rule, days] = rules.find(([, d]) => d !== null && d !== undefined) ?? [];
    if (rule === undefined || days === null || days === undefined) return null;
    return { at: new Date((last ?? now).getTime() + Math.round(days * DAY_MS)), rule, value, days, lastPurchaseAt: last };
  }).filter((p): p is PurchasePrediction => p !== null);
  if (answers.length) return answers.reduce((a, b) => (b.at < a.at ? b : a));
  if (r.fallbackDays === undefined) return null;
  return { at: new Date(now.getTime() + r.fallbackDays * DAY_MS), rule: 'fallback', value: null, days: r.fallbackDays, lastPurchaseAt: null };
}

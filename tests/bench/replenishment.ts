// Replenishment section of `pnpm bench`: a backtest of the purchase prediction. Purchase
// histories are generated with known cycles: each customer has a rhythm of their own around the
// product's nominal cycle (a cream of 70 days bought every 45 by one, every 100 by another), each
// interval jittered, now and then one skipped (twice as long). The last purchase of each history
// is held out; the rest goes into the database, and the real statement (predictionFacts, one for
// all) predicts it. Its mean absolute error in days is printed against a fixed-cycle baseline
// (the last purchase plus the product's nominal cycle), which the prediction must beat.
import { choosePrediction, ensureDatabase, openDatabase, pgArray, predictionFacts, runMigrations, type PredictionAsk } from '@afterglow/db';
import { testSecrets } from '../support/secrets';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

const WS = 'ws_replenish_bench';
const DAY = 86_400_000;
const START = Date.parse('2020-01-01T00:00:00Z');
// The products' nominal cycles (the middle of 8-12 weeks; of 12-14 months) and how far customers stray from them.
const PRODUCTS = [
  { id: 'cream', category: 'Cosmetics', min: 56, max: 84, spread: [0.6, 1.5] },
  { id: 'filter', category: 'Industrial', min: 365, max: 426, spread: [0.8, 1.25] },
] as const;

/** A small deterministic generator (mulberry32): the same histories on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface History { customerId: string; product: (typeof PRODUCTS)[number]; times: number[] }

function histories(customers: number): History[] {
  const next = random(20261202);
  const noise = () => (next() + next() + next() - 1.5) * 0.3; // about ±15%, bell-shaped
  const out: History[] = [];
  for (let c = 0; c < customers; c++) {
    for (const product of PRODUCTS) {
      const rhythm = ((product.min + product.max) / 2) * (product.spread[0] + next() * (product.spread[1] - product.spread[0]));
      const purchases = 2 + Math.floor(next() * 7); // 2-8: a third too few for a rhythm of their own
      const times = [START + next() * 60 * DAY];
      while (times.length < purchases) {
        const skipped = next() < 0.1 ? 2 : 1;
        times.push(times[times.length - 1] + rhythm * skipped * (1 + noise()) * DAY);
      }
      out.push({ customerId: `c${c}`, product, times });
    }
  }
  return out;
}

export async function replenishmentBench(adminUrl: string, quick: boolean, report: Report, target: Target) {
  const url = await ensureDatabase(adminUrl, 'bench_replenishment');
  await runMigrations(url);
  const db = openDatabase(url, { max: 4, secrets: testSecrets() });
  try {
    const all = histories(quick ? 2_000 : 20_000);
    await db.sql`insert into products (workspace_id, id, name, category, buying_cycle_min_days, buying_cycle_max_days)
      select ${WS}, p.id, p.id, p.category, p.min, p.max
      from jsonb_to_recordset(${JSON.stringify(PRODUCTS)}::text::jsonb) as p(id text, category text, min int, max int)`;
    // Every purchase but the last of each history: one order of one line.
    const known = all.flatMap((h, n) => h.times.slice(0, -1).map((at, i) => ({ id: `o${n}_${i}`, customer: h.customerId, product: h.product.id, at: new Date(at) })));
    await db.sql`insert into orders (workspace_id, id, customer_id, status, total, placed_at)
      select ${WS}, o.id, o.customer, 'delivered', 10, o.at
      from unnest(${pgArray(known.map((o) => o.id))}::text[], ${pgArray(known.map((o) => o.customer))}::text[], ${pgArray(known.map((o) => o.at))}::timestamptz[])
        as o(id, customer, at)`;
    await db.sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, category, price)
      select ${WS}, o.id, 1, o.customer, o.product, o.product, p.category, 10
      from unnest(${pgArray(known.map((o) => o.id))}::text[], ${pgArray(known.map((o) => o.customer))}::text[], ${pgArray(known.map((o) => o.product))}::text[])
        as o(id, customer, product)
      join products p on p.workspace_id = ${WS} and p.id = o.product`;
    await db.sql`vacuum analyze orders, order_items`;

    const asks: PredictionAsk[] = all.map((h) => ({ workspaceId: WS, customerId: h.customerId, what: 'product', value: h.product.id }));
    const started = performance.now();
    const facts = await predictionFacts(db.sql, asks);
    const seconds = (performance.now() - started) / 1000;
    let smart = 0;
    let fixed = 0;
    let own = 0;
    const byProduct = new Map<string, { n: number; smart: number; fixed: number }>();
    all.forEach((h, i) => {
      const actual = h.times[h.times.length - 1];
      const last = h.times[h.times.length - 2];
      const prediction = choosePrediction(facts[i], new Date(last));
      if (!prediction) throw new Error(`replenishment bench: no prediction for ${h.customerId}/${h.product.id}`);
      if (prediction.rule === 'own_history') own++;
      const errors = [Math.abs(prediction.at.getTime() - actual) / DAY, Math.abs(last + ((h.product.min + h.product.max) / 2) * DAY - actual) / DAY];
      smart += errors[0];
      fixed += errors[1];
      const mine = byProduct.get(h.product.category) ?? { n: 0, smart: 0, fixed: 0 };
      byProduct.set(h.product.category, { n: mine.n + 1, smart: mine.smart + errors[0], fixed: mine.fixed + errors[1] });
    });
    const smartMae = smart / all.length;
    const fixedMae = Math.round((fixed / all.length) * 10) / 10;
    report(`replenishment predictions (${all.length.toLocaleString('en')}, one statement)`, `${seconds.toFixed(2)} s, ${(all.length / seconds).toFixed(0)} /s`);
    report('  predicted from the customer’s own history', `${((own / all.length) * 100).toFixed(0)}%`);
    report('replenishment error, smart / fixed cycle (days)', `${smartMae.toFixed(1)} / ${fixedMae.toFixed(1)}`);
    for (const [category, e] of byProduct) report(`  ${category}`, `${(e.smart / e.n).toFixed(1)} / ${(e.fixed / e.n).toFixed(1)}`);
    // The goal is the fixed-cycle baseline's own error, measured on the same histories.
    target('replenishment-mae-days', smartMae, fixedMae, ' days', false);
  } finally {
    await db.close();
  }
}

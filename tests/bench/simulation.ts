// Simulation section of `pnpm bench`: 90 days of a shop's events (two deliveries, a page view and
// an order per customer) replayed through a five-step journey (trigger, a segment condition, a
// marketing email under a weekly cap, a 3-day wait, points) for 100,000 customers (--quick: 10,000),
// as the worker's job runs it. Prints the time, the goal of 60 s and the process's peak memory.
import { ensureDatabase, openDatabase, runMigrations } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import { compileGraph, type JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { testSecrets } from '../support/secrets';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

const WS = 'ws_sim_bench';
const DAY = 86_400_000;
const END = new Date('2026-06-01T00:00:00Z');
const START = new Date(END.getTime() - 90 * DAY);
const at = { x: 0, y: 0 };
const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';

const graph: JourneyGraph = {
  nodes: [
    { id: 't', type: 'core/trigger-event', position: at, config: { event: 'Order Delivered', filters: [], entryKeyProperty: 'orderId' } },
    { id: 'cond', type: 'core/segment-condition', position: at, config: { segmentId: 'seg_buyers' } },
    { id: 'mail', type: 'core/send-email', position: at, config: { templateId: '', subject: 'Hi', preheader: '', body, kind: 'marketing', whenCapped: 'skip' } },
    { id: 'wait', type: 'core/wait', position: at, config: { mode: 'duration', amount: 3, unit: 'days', weekday: -1, hour: 10 } },
    { id: 'points', type: 'core/grant-points', position: at, config: { amount: 5, reason: 'bench' } },
  ],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'out', target: 'cond' },
    { id: 'e2', source: 'cond', sourceHandle: 'yes', target: 'mail' },
    { id: 'e3', source: 'cond', sourceHandle: 'no', target: 'wait' },
    { id: 'e4', source: 'mail', sourceHandle: 'out', target: 'wait' },
    { id: 'e5', source: 'wait', sourceHandle: 'out', target: 'points' },
  ],
};

export async function simulationBench(adminUrl: string, quick: boolean, report: Report, target: Target) {
  const n = quick ? 10_000 : 100_000;
  const url = await ensureDatabase(adminUrl, 'bench_simulation');
  await runMigrations(url);
  const db = openDatabase(url, { max: 6, secrets: testSecrets() });
  const registry = createRegistry();
  try {
    await db.sql`insert into workspaces (id, name, signing_secret, settings)
      values (${WS}, 'Bench', 's', ${db.sql.json({ frequencyCap: { enabled: true, maxEmails: 1, perDays: 7 } })})`;
    await db.sql`insert into customers (workspace_id, id, email, first_name)
      select ${WS}, 'c' || g, 'c' || g || '@example.com', 'C' || g from generate_series(1, ${n}) g`;
    await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
      select ${WS}, 'o' || g, 'c' || g, 20, ${START} from generate_series(1, ${n}, 2) g`;
    await db.sql`insert into segments (id, workspace_id, name, rule)
      values ('seg_buyers', ${WS}, 'Buyers', ${db.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1 })})`;
    await db.sql`insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp)
      select ${WS}, 'm' || g || '-' || k, 'track', 'c' || g,
        (array['Order Delivered', 'Order Delivered', 'Page Viewed', 'Order Completed'])[k],
        jsonb_build_object('orderId', 'o' || g || '-' || k), ${START}::timestamptz + ((g * 13 + k * 31) % 89) * interval '1 day' + (g % 86400) * interval '1 second'
      from generate_series(1, ${n}) g, generate_series(1, 4) k`;
    await db.sql`vacuum analyze`;
    const plan = compileGraph(graph, registry, { goal: { event: 'Order Completed' } });
    await db.sql`insert into simulations (id, workspace_id, journey_id, plan, spec) values ('sim_bench', ${WS}, 'j_bench',
      ${db.sql.json(plan as never)}, ${db.sql.json({ from: START.toISOString(), to: END.toISOString(), population: { kind: 'everyone' }, sampleCustomerIds: [] })})`;

    const engine = createEngine({ database: db, registry, clock: new ManualClock(END) });
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const started = performance.now();
    await engine.runSimulations();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const [row] = await db.sql<{ status: string; error: string | null; entries: number }[]>`
      select status, error, (result->'entries'->>'total')::int as entries from simulations where id = 'sim_bench'`;
    if (row.status !== 'done') throw new Error(`bench simulation ${row.status}: ${row.error}`);
    report(`simulate 90 days, ${n.toLocaleString('en')} customers (${row.entries.toLocaleString('en')} runs)`, `${seconds.toFixed(1)} s`);
    report('simulation peak memory (RSS, growth during the run)', `${(peak / 2 ** 20).toFixed(0)} MB (+${((peak - base) / 2 ** 20).toFixed(0)} MB)`);
    target(quick ? 'simulate-90d-10k' : 'simulate-90d-100k', seconds, quick ? 6 : 60, ' s', false);
  } finally {
    await db.close();
  }
}

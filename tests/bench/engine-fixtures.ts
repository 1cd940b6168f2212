// Bulk fixtures for the engine bench, written with set-based SQL: a shop of n customers (every
// odd one has an order), the bench journey, and a journey table of n runs of which `due` are
// due now at the trigger and the rest asleep in the journey's final wait.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { randomUUID } from 'node:crypto';
import { ingestEvents, publishGraph } from '../support/journeys';

export const WS = 'ws_bench';
const at = { x: 0, y: 0 };
const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';

/** trigger → condition → email → wait: four steps per run, one email. */
export function benchGraph(): JourneyGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'bench', filters: [], entryKeyProperty: '' } },
      { id: 'cond', type: 'core/segment-condition', position: at, config: { segmentId: 'seg_bench' } },
      { id: 'mail', type: 'core/send-email', position: at, config: { subject: 'Hi {{ customer.firstName }}', preheader: '', body, kind: 'marketing' } },
      { id: 'wait', type: 'core/wait', position: at, config: { mode: 'duration', amount: 3, unit: 'days', weekday: -1, hour: 10 } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'cond' },
      { id: 'e2', source: 'cond', sourceHandle: 'yes', target: 'mail' },
      { id: 'e3', source: 'cond', sourceHandle: 'no', target: 'mail' },
      { id: 'e4', source: 'mail', sourceHandle: 'out', target: 'wait' },
    ],
  };
}

export const STEPS_PER_RUN = 4;

export async function bulkCustomers(db: Database, n: number) {
  // No send-rate limit: the bench measures how fast the dispatcher can deliver.
  await db.sql`insert into workspaces (id, name, signing_secret, settings) values (${WS}, 'Bench', 's', ${db.sql.json({ emailsPerMinute: 0 })})
    on conflict do nothing`;
  await db.sql`insert into customers (workspace_id, id, email, first_name)
    select ${WS}, 'c' || g, 'c' || g || '@example.com', 'C' || g from generate_series(1, ${n}) g`;
  await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    select ${WS}, 'o' || g, 'c' || g, 20, now() - interval '10 days' from generate_series(1, ${n}, 2) g`;
  await db.sql`insert into segments (id, workspace_id, name, rule)
    values ('seg_bench', ${WS}, 'Buyers', ${db.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1 })}),
      ('seg_everyone', ${WS}, 'Everyone with an email', ${db.sql.json({ kind: 'attribute', field: 'email', op: 'exists' })})
    on conflict do nothing`;
}

/**
 * The engine bench database: n customers, n runs of the bench journey, `due` of them due at
 * the trigger ten minutes ago, the others asleep for three days. Returns the version id.
 */
export async function seedEngineBase(db: Database, registry: NodeRegistry, n: number, due: number, now: Date) {
  await bulkCustomers(db, n);
  const versionId = await publishGraph(db, registry, WS, 'j_bench', benchGraph());
  await db.sql`insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id,
      due_at, wait, context, entered_at, updated_at)
    select ${WS}, 'c' || g, 'j_bench', ${versionId}, 'bench',
      case when g <= ${due} then 'active' else 'waiting' end,
      case when g <= ${due} then 'trigger' else 'wait' end,
      case when g <= ${due} then ${new Date(now.getTime() - 600e3)}::timestamptz else ${new Date(now.getTime() + 3 * 86400e3)}::timestamptz end,
      case when g <= ${due} then null else '{"onTime":"out"}'::jsonb end,
      '{}', ${now}, ${now}
    from generate_series(1, ${n}) g`;
  // One sweep with the clock before anything is due: segment membership bookkeeping and
  // broadcasts happen now, so the measured sweeps only step runs.
  await createEngine({ database: db, registry, clock: new ManualClock(new Date(now.getTime() - 1200e3)) }).advanceUntilIdle();
  // A sweep checks at most 20,000 touched customers; the rest of the freshly loaded shop would
  // be checked at the start of the measured sweeps. No journey here listens to segment changes
  // (the condition reads its segment live), so the bench drops those marks instead.
  await db.sql`delete from segment_dirty_customers`;
  await db.sql`vacuum analyze`;
  return versionId;
}

/** Single events with the worker idle: time from commit to the email row in the outbox. */
export async function eventToOutboxLatency(db: Database, registry: NodeRegistry, samples: number) {
  await bulkCustomers(db, samples);
  const graph = benchGraph();
  graph.nodes.pop();
  graph.edges.pop();
  await publishGraph(db, registry, WS, 'j_latency', graph);
  const engine = createEngine({ database: db, registry, tickEvery: '1 hour' });
  await engine.start();
  const timings: number[] = [];
  for (let i = 1; i <= samples; i++) {
    await new Promise((r) => setTimeout(r, 20)); // let the worker go idle
    const started = performance.now();
    await ingestEvents(db, engine.enrolEvents, [{ workspaceId: WS, customerId: `c${i}`, name: 'bench', properties: { n: randomUUID() }, timestamp: new Date() }]);
    await engine.wake();
    for (;;) {
      const [row] = await db.sql`select 1 from email_outbox where customer_id = ${`c${i}`}`;
      if (row) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    timings.push(performance.now() - started);
  }
  await engine.stop();
  await db.close();
  timings.sort((a, b) => a - b);
  const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))];
  return { p50: pct(50), p99: pct(99) };
}

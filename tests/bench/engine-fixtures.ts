// Bulk fixtures for the engine bench, written with set-based SQL.
import type { Database } from '@afterglow/db';
import { createEngine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { randomUUID } from 'node:crypto';
import { ingestEvents, publishGraph } from '../support/journeys';

const at = { x: 0, y: 0 };
const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';

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

export async function bulkCustomers(db: Database, n: number) {
  await db.sql`insert into workspaces (id, name, signing_secret) values ('ws_bench', 'Bench', 's') on conflict do nothing`;
  await db.sql`insert into customers (workspace_id, id, email, first_name)
    select 'ws_bench', 'c' || g, 'c' || g || '@example.com', 'C' || g from generate_series(1, ${n}) g`;
  await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    select 'ws_bench', 'o' || g, 'c' || g, 20, now() - interval '10 days' from generate_series(1, ${n}, 2) g`;
  await db.sql`insert into segments (id, workspace_id, name, rule)
    values ('seg_bench', 'ws_bench', 'Buyers', ${db.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1 })})
    on conflict do nothing`;
}

export async function bulkRuns(db: Database, n: number, versionId: string) {
  await db.sql`insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id,
      due_at, context, entered_at, updated_at)
    select 'ws_bench', 'c' || g, 'j_bench', ${versionId}, 'bench', 'active', 'trigger', now() - interval '1 second',
      '{}', now(), now()
    from generate_series(1, ${n}) g`;
}

/** Single events with the worker idle: time from commit to the email row in the outbox. */
export async function eventToOutboxLatency(db: Database, registry: NodeRegistry, samples: number) {
  await bulkCustomers(db, samples);
  const graph = benchGraph();
  graph.nodes.pop();
  graph.edges.pop();
  await publishGraph(db, registry, 'ws_bench', 'j_latency', graph);
  const engine = createEngine({ database: db, registry, tickEvery: '1 hour' });
  await engine.start();
  const timings: number[] = [];
  for (let i = 1; i <= samples; i++) {
    await new Promise((r) => setTimeout(r, 20)); // let the worker go idle
    const started = performance.now();
    await ingestEvents(db, engine.enrolEvents, [{ workspaceId: 'ws_bench', customerId: `c${i}`, name: 'bench', properties: { n: randomUUID() }, timestamp: new Date() }]);
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

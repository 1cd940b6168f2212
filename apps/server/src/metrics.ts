// The process's Prometheus metrics (prom-client): counters the engine and ingestion move as
// they work, a histogram of stepping sweeps, Node's default process metrics, and the queue
// depths, read from the database only when scraped. Each startAfterglow has its own registry.
// docs/operations.md lists every metric with an example dashboard.
import type { Sql } from '@afterglow/db';
import type { EngineMetrics } from '@afterglow/engine';
import client from 'prom-client';

export interface ServerMetrics {
  registry: client.Registry;
  engine: EngineMetrics;
  /** Events stored by one ingestion request, by where they came from (api, shopify, loyalty, hooks, links). */
  ingested(source: string, count: number): void;
}

interface Depths {
  due_runs: string;
  emails_pending: string;
  services: Record<string, number>;
}

// Each count reads a partial index of rows in that state, never the table: due runs through
// (journey, due_at) of live runs one journey at a time, as the claim does; pending email and
// effects through their pending-only indexes. The cost follows the backlog, not the history.
async function readDepths(sql: Sql, now: Date): Promise<Depths> {
  const [row] = await sql<Depths[]>`
    select
      (select coalesce(sum(d.n), 0) from journeys j cross join lateral (
        select count(*) as n from journey_runs r where r.journey_id = j.id and r.status in ('active', 'waiting') and r.due_at <= ${now}) d
      ) as due_runs,
      (select count(*) from email_outbox where status = 'pending') as emails_pending,
      (select coalesce(json_object_agg(service_id, n), '{}') from (
        select service_id, count(*) as n from service_effects where status = 'pending' group by service_id) s
      ) as services`;
  return row;
}

export function createMetrics(opts: { sql: Sql; now: () => Date }): ServerMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const steps = new client.Counter({ name: 'afterglow_steps_total', help: 'Journey steps taken by this process', registers });
  const sweeps = new client.Histogram({
    name: 'afterglow_sweep_duration_seconds', help: 'Stepping sweeps of this process (due runs stepped until none is left)', registers,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  });
  const emails = new client.Counter({
    name: 'afterglow_emails_total', help: 'Emails through the dispatcher, by outcome (sent = accepted by the SMTP server)', labelNames: ['outcome'], registers,
  });
  const effects = new client.Counter({
    name: 'afterglow_service_effects_total', help: "Services' effects (Call webhook steps, plugins' gateways) through their dispatcher, by outcome",
    labelNames: ['outcome'], registers,
  });
  const ingested = new client.Counter({ name: 'afterglow_events_ingested_total', help: 'Track events stored, by source', labelNames: ['source'], registers });

  // The depths are read once per scrape (the first gauge collected reads them for all three).
  let depths: Promise<Depths | null> | null = null;
  const scrapeDepths = () => (depths ??= readDepths(opts.sql, opts.now()).catch(() => null).finally(() => setTimeout(() => (depths = null), 0)));
  new client.Gauge({
    name: 'afterglow_queue_depths_up', help: '1 when the queue depths below could be read from the database at this scrape', registers,
    async collect() { this.set((await scrapeDepths()) ? 1 : 0); },
  });
  new client.Gauge({
    name: 'afterglow_runs_due', help: 'Runs whose time to step has come (a backlog when it keeps growing)', registers,
    async collect() { const d = await scrapeDepths(); if (d) this.set(Number(d.due_runs)); },
  });
  new client.Gauge({
    name: 'afterglow_email_outbox_pending', help: 'Emails waiting to be sent (due, deferred by quiet hours or the rate limit, or retrying)', registers,
    async collect() { const d = await scrapeDepths(); if (d) this.set(Number(d.emails_pending)); },
  });
  new client.Gauge({
    name: 'afterglow_service_effects_pending', help: "Services' effects waiting to be delivered, by service (core/webhook: Call webhook steps)",
    labelNames: ['service'], registers,
    async collect() {
      const d = await scrapeDepths();
      this.reset();
      for (const [service, n] of Object.entries(d?.services ?? {})) this.set({ service }, Number(n));
    },
  });

  return {
    registry,
    engine: {
      sweep(seconds, count) {
        sweeps.observe(seconds);
        steps.inc(count);
      },
      emails(result) {
        for (const outcome of ['sent', 'retried', 'failed', 'suppressed'] as const) if (result[outcome]) emails.inc({ outcome }, result[outcome]);
      },
      services(result) {
        for (const outcome of ['delivered', 'accepted', 'retried', 'failed'] as const) if (result[outcome]) effects.inc({ outcome }, result[outcome]);
      },
    },
    ingested(source, count) {
      if (count > 0) ingested.inc({ source }, count);
    },
  };
}

// `pnpm bench [--quick]`: engine figures on an embedded PostgreSQL, measured in one run and
// printed with the verdict per target. Timings live here, never in tests.
import { ensureDatabase, openDatabase, runMigrations, startEmbeddedPostgres, type Database } from '@afterglow/db';
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publishGraph } from '../support/journeys';
import { benchGraph, bulkCustomers, bulkRuns, eventToOutboxLatency } from './engine-fixtures';
import { ingestThroughput } from './ingest';
import { segmentBench } from './segments';
import { emailBench } from './email';

const quick = process.argv.includes('--quick');
const scale = quick ? 0.1 : 1;
const DUE_RUNS = Math.round(50_000 * scale);
const registry = createRegistry();
const rows: [string, string][] = [];
const targets: string[] = [];

const report = (name: string, value: string) => {
  rows.push([name, value]);
  console.log(`  ${name.padEnd(46)} ${value}`);
};
const target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => {
  const pass = higherIsBetter ? measured >= goal : measured <= goal;
  targets.push(`target ${name}: ${measured.toFixed(1)}${unit} (goal ${higherIsBetter ? '≥' : '≤'} ${goal}${unit}) ${pass ? 'PASS' : 'MISS'}`);
};

async function freshDatabase(adminUrl: string, name: string): Promise<Database> {
  const url = await ensureDatabase(adminUrl, name);
  await runMigrations(url);
  return openDatabase(url, { max: 12 });
}

async function engineThroughput(adminUrl: string, loops: number): Promise<number> {
  const db = await freshDatabase(adminUrl, `bench_engine_${loops}`);
  await bulkCustomers(db, DUE_RUNS);
  const versionId = await publishGraph(db, registry, 'ws_bench', 'j_bench', benchGraph());
  await bulkRuns(db, DUE_RUNS, versionId);
  const engines = Array.from({ length: loops }, () => createEngine({ database: db, registry, batchSize: 500 }));
  const started = performance.now();
  const steps = (await Promise.all(engines.map((e) => e.advanceUntilIdle()))).reduce((a, b) => a + b, 0);
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return steps / seconds;
}

async function updateCeiling(adminUrl: string): Promise<number> {
  const db = await freshDatabase(adminUrl, 'bench_ceiling');
  await bulkCustomers(db, DUE_RUNS);
  await bulkRuns(db, DUE_RUNS, 'v_none');
  const ids = (await db.sql`select id from journey_runs`).map((r) => r.id as string);
  const started = performance.now();
  for (let i = 0; i < ids.length; i += 500) {
    await db.sql`update journey_runs set step_count = step_count + 1, updated_at = now() where id = any(${ids.slice(i, i + 500)}::uuid[])`;
  }
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return ids.length / seconds;
}

async function main() {
  console.log(`Afterglow bench${quick ? ' (quick: a tenth of the sizes)' : ''}: ${DUE_RUNS.toLocaleString()} due runs, trigger → condition → email → wait\n`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), fast: true });
  try {
    const ceiling = await updateCeiling(pg.url);
    report('batched UPDATE ceiling (rows/s)', ceiling.toFixed(0));
    let one = 0;
    for (const loops of [1, 2, 4]) {
      const rate = await engineThroughput(pg.url, loops);
      if (loops === 1) one = rate;
      report(`engine steps/s, ${loops} worker loop${loops > 1 ? 's' : ''}`, rate.toFixed(0));
    }
    // Each run takes 4 steps and the ceiling is one row write, so compare runs/s to rows/s.
    const share = (one / 4 / ceiling) * 100;
    report('engine runs/s as a share of the ceiling', `${share.toFixed(1)}%`);
    const latency = await eventToOutboxLatency(await freshDatabase(pg.url, 'bench_latency'), registry, quick ? 20 : 50);
    report('event → outbox latency p50 / p99 (ms)', `${latency.p50.toFixed(0)} / ${latency.p99.toFixed(0)}`);
    target('event-to-outbox-p50', latency.p50, 200, ' ms', false);
    if (!process.argv.includes('--no-ingest')) {
      // Segment batches of 100 (page views, identifies, orders with items) over 8 keep-alive connections.
      const ingestDb = await freshDatabase(pg.url, 'bench_ingest');
      const ingest = await ingestThroughput(ingestDb, { total: quick ? 20_000 : 100_000, batchSize: 100, connections: 8 });
      await ingestDb.close();
      report('ingested events/s through HTTP (batches of 100)', ingest.eventsPerSecond.toFixed(0));
      report('ingest request latency p50 / p99 (ms)', `${ingest.p50Ms.toFixed(0)} / ${ingest.p99Ms.toFixed(0)}`);
      target('ingest-events-per-s', ingest.eventsPerSecond, 5000, ' events/s', true);
    }
    if (!process.argv.includes('--no-segments')) await segmentBench(pg.url, quick, report, target);
    if (!process.argv.includes('--no-email')) await emailBench(quick, report, target);
    console.log('');
    for (const line of targets) console.log(line);
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);

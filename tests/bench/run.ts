// `pnpm bench [--quick]`: engine figures on an embedded PostgreSQL, measured in one run and
// printed with the verdict per target. Timings live here, never in tests.
import { ensureDatabase, openDatabase, runMigrations, startEmbeddedPostgres, type Database } from '@afterglow/db';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testSecrets } from '../support/secrets';
import { ingestThroughput } from './ingest';
import { segmentBench } from './segments';
import { emailBench } from './email';
import { complianceBench } from './compliance';
import { engineBench } from './engine';
import { calendarBench } from './calendar';
import { replenishmentBench } from './replenishment';
import { loyaltyExpiryBench } from './loyalty-expiry';
import { canvasBench } from './canvas';
import { simulationBench } from './simulation';
import { reportsBench } from './reports';
import { broadcastBench } from './broadcast';

const quick = process.argv.includes('--quick');
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
  return openDatabase(url, { max: 12, secrets: testSecrets() });
}

/** Runs one section and prints how long it took (the whole bench has 10 minutes here). */
async function section(flag: string, fn: () => Promise<void>) {
  if (process.argv.includes(`--no-${flag}`)) return;
  const started = performance.now();
  await fn();
  console.log(`  (${flag} section: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

async function main() {
  console.log(`Afterglow bench${quick ? ' (quick: a tenth of the sizes)' : ''}; skip a section with --no-engine, --no-email, …\n`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), fast: true });
  try {
    // Pure CPU, measured first, while Postgres is idle: after the engine section it goes on
    // dropping databases and writing dirty pages, and one core's figure sank by a third.
    await section('email', () => emailBench(quick, report, target));
    await section('compliance', () => complianceBench(quick, report, target));
    // The browser figures, also while the machine is otherwise idle (a drag is judged per frame).
    await section('canvas', () => canvasBench(pg.url, quick, report, target));
    await section('engine', () => engineBench(pg.url, quick, report, target));
    // The weekly promotion end to end: its own database, worker processes and SMTP server.
    await section('broadcast', () => broadcastBench(pg.url, quick, report, target));
    await section('ingest', async () => {
      // Segment batches of 100 (page views, identifies, orders with items) over 8 keep-alive connections.
      const ingestDb = await freshDatabase(pg.url, 'bench_ingest');
      const ingest = await ingestThroughput(ingestDb, { total: quick ? 20_000 : 100_000, batchSize: 100, connections: 8 });
      await ingestDb.close();
      report('ingested events/s through HTTP (batches of 100)', ingest.eventsPerSecond.toFixed(0));
      report('ingest request latency p50 / p99 (ms)', `${ingest.p50Ms.toFixed(0)} / ${ingest.p99Ms.toFixed(0)}`);
      target('ingest-events-per-s', ingest.eventsPerSecond, 10_000, ' events/s', true);
      // Bigger batches (as server-side pipelines send) amortise each request's fixed cost.
      const bigDb = await freshDatabase(pg.url, 'bench_ingest_250');
      const big = await ingestThroughput(bigDb, { total: quick ? 20_000 : 100_000, batchSize: 250, connections: 8 });
      await bigDb.close();
      report('ingested events/s through HTTP (batches of 250)', big.eventsPerSecond.toFixed(0));
    });
    await section('simulation', () => simulationBench(pg.url, quick, report, target));
    await section('calendar', () => calendarBench(pg.url, quick, report, target));
    await section('replenishment', () => replenishmentBench(pg.url, quick, report, target));
    await section('loyalty', () => loyaltyExpiryBench(pg.url, quick, report, target));
    // The analytics reads against 1M runs and 10M steps (its build takes a few minutes).
    await section('reports', () => reportsBench(pg.url, quick, report, target));
    // Last: after loading 10M orders, Postgres keeps vacuuming and checkpointing for minutes,
    // which would take CPU from any section measured after it.
    await section('segments', () => segmentBench(pg.url, quick, report, target));
    console.log('');
    for (const line of targets) console.log(line);
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);

// The chaos supervisor: its own embedded PostgreSQL (so restarting it disturbs no other
// test), an SMTP sink, and worker PROCESSES that it SIGKILLs at random moments and restarts,
// while customers keep entering the journey. Postgres is stopped the crash way (immediate
// mode) and started again. Then it waits for the journey to drain and measures the result.
import { ensureDatabase, openDatabase, runMigrations, startEmbeddedPostgres } from '@afterglow/db';
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testSecrets } from '../support/secrets';
import { scaledClock } from './clock';
import { enrolCustomers, seedChaosShop } from './fixture';
import { startChaosSink } from './sink';
import { verifyChaos, type ChaosVerdict } from './verify';

export interface ChaosOptions {
  customers: number;
  workers: number;
  kills: number;
  restarts: number;
  /** Clock speed-up: at 60, the journey's minute-long waits take a second. */
  speed: number;
  seed: number;
  /** How long the journey may take to drain after the last disruption. */
  drainTimeoutMs: number;
  log: (line: string) => void;
}

export interface ChaosResult extends ChaosVerdict {
  kills: number;
  restarts: number;
  /**
   * Workers that died without being killed, restarted as a process manager would. Known
   * cause: postgres.js 3.4.9 throws from a timer when its socket closes during a Postgres
   * restart (porsager/postgres#1154, #1208), which no caller can catch.
   */
  selfExits: string[];
  /** Unfinished work (runs not yet enrolled, walking or waiting, emails unsent) at each disruption. */
  remainingAtDisruption: number[];
  seconds: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Fails loudly instead of hanging the test when a step of the supervisor never completes. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`chaos: ${what} took over ${ms / 1000} s`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A small seeded generator (mulberry32): a failing run can be replayed with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosResult> {
  const rand = random(opts.seed);
  const started = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-chaos-'));
  chmodSync(dir, 0o755); // the server runs as the postgres OS user when we are root
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), fast: true });
  const sink = await startChaosSink();
  const workers: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  const crashes: string[] = [];
  let stopping = false;
  const stderrTail: string[] = [];
  const url = await ensureDatabase(pg.url, 'chaos');
  await runMigrations(url);
  let db = openDatabase(url, { max: 4, secrets: testSecrets() });
  try {
    const clock = scaledClock(started, opts.speed);
    const registry = createRegistry();
    await seedChaosShop(db, registry, opts.customers, clock.now());
    let engine = createEngine({ database: db, registry, clock }); // enrolment only, never started
    // After a Postgres restart the supervisor opens fresh connections: postgres.js 3.4.9 can
    // leave a connection that was cut mid-write unable to send again (porsager/postgres#1208).
    const reopen = async () => {
      await db.sql.end({ timeout: 0 }).catch(() => {});
      await db.close().catch(() => {});
      db = openDatabase(url, { max: 4, secrets: testSecrets() });
      engine = createEngine({ database: db, registry, clock });
    };

    const spawnWorker = (slot: number) => {
      const child = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', path.join(here, 'worker.ts')], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: url, SMTP_URL: sink.url, CHAOS_EPOCH: String(started), CHAOS_SPEED: String(opts.speed) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      ready[slot] = new Promise((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
      child.stderr!.on('data', (d: Buffer) => {
        stderrTail.push(...d.toString().trim().split('\n').map((l) => `worker ${slot}: ${l}`));
        stderrTail.splice(0, Math.max(0, stderrTail.length - 40));
      });
      // A worker that dies by itself (not by our SIGKILL) is a finding: record it, and restart
      // it as systemd or a container runtime would.
      child.once('exit', (code, signal) => {
        if (signal === 'SIGKILL' || workers[slot] !== child || stopping) return;
        crashes.push(`worker ${slot} exited by itself (code ${code}, signal ${signal}):\n${stderrTail.slice(-10).join('\n')}`);
        opts.log(crashes.at(-1)!);
        spawnWorker(slot);
      });
      workers[slot] = child;
    };
    for (let i = 0; i < opts.workers; i++) spawnWorker(i);

    // Runs not finished, and emails not sent or not yet released by their dispatch (which counts them then).
    const remaining = async () => {
      const [row] = await db.sql`select
        ${opts.customers}::int - (select count(*)::int from journey_runs)
        + (select count(*)::int from journey_runs where status in ('active', 'waiting'))
        + (select count(*)::int from email_outbox where status = 'pending' or claimed_by is not null) as n`;
      return row.n as number;
    };

    // Customers enter in parts, one after each disruption, so every disruption meets work in flight.
    const plan = [...Array(opts.kills).fill('kill'), ...Array(opts.restarts).fill('restart')] as ('kill' | 'restart')[];
    for (let i = plan.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [plan[i], plan[j]] = [plan[j], plan[i]];
    }
    const part = Math.ceil(opts.customers / (plan.length + 1));
    const enrolPart = (p: number) =>
      enrolCustomers(db, engine, p * part + 1, Math.min(opts.customers, (p + 1) * part), clock.now());
    await enrolPart(0);
    const remainingAtDisruption: number[] = [];
    let kills = 0;
    let restarts = 0;
    for (const [i, what] of plan.entries()) {
      // A kill before a worker has started would test nothing: the random moment counts from then.
      await within(Promise.all(ready), 150_000, 'waiting for the workers to start')
        .catch((err: Error) => { throw new Error(`${err.message}; workers said:\n${stderrTail.join('\n')}`); });
      await sleep(300 + rand() * 2200);
      remainingAtDisruption.push(await within(remaining(), 30_000, 'counting the work in flight'));
      if (what === 'kill') {
        const slot = Math.floor(rand() * opts.workers);
        const victim = workers[slot];
        const exited = victim.exitCode === null && victim.signalCode === null ? new Promise((r) => victim.once('exit', r)) : null;
        victim.kill('SIGKILL');
        await exited;
        kills++;
        opts.log(`kill ${kills}: worker ${slot} (pid ${victim.pid}) SIGKILLed at ${((Date.now() - started) / 1000).toFixed(1)} s`);
        spawnWorker(slot);
      } else {
        await pg.stopImmediately();
        await sleep(200 + rand() * 800);
        await within(pg.restart(), 60_000, 'restarting Postgres');
        await reopen();
        restarts++;
        opts.log(`restart ${restarts}: Postgres stopped immediately and restarted at ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      await within(enrolPart(i + 1), 60_000, 'enrolling customers');
    }

    const deadline = Date.now() + opts.drainTimeoutMs;
    for (let left = -1, polls = 0; left !== 0; polls++) {
      left = await within(remaining(), 30_000, 'counting the work left').catch(() => -1);
      if (polls % 20 === 19) opts.log(`${left} still to do at ${((Date.now() - started) / 1000).toFixed(0)} s`);
      if (Date.now() > deadline) {
        opts.log(`the journey did not drain in time; last worker output:\n${stderrTail.join('\n')}`);
        break;
      }
      if (left !== 0) await sleep(500);
    }
    stopping = true;
    await stopWorkers(workers);
    const verdict = await verifyChaos(db, sink.received, clock.now());
    return { ...verdict, kills, restarts, selfExits: crashes, remainingAtDisruption, seconds: (Date.now() - started) / 1000 };
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await db.close();
    await sink.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function stopWorkers(workers: ChildProcess[]) {
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
    if (w.exitCode !== null || w.signalCode !== null) return resolve();
    const force = setTimeout(() => w.kill('SIGKILL'), 20_000);
    w.once('exit', () => { clearTimeout(force); resolve(); });
    w.kill('SIGTERM');
  })));
}

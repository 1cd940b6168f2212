// Engine section of `pnpm bench`: on one journey table of 1,000,000 runs (200,000 due; a
// tenth with --quick), each figure on its own copy of the same database: the batched UPDATE
// ceiling, engine steps/s with 1, 2 and 4 worker processes, the one-Agenda-job-per-step
// baseline, bulk enrolment of every customer from a segment, and event → outbox latency.
import { ensureDatabase, openDatabase, runMigrations, type Database } from '@afterglow/db';
import { enrolSegment } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testSecrets } from '../support/secrets';
import { agendaStepsPerSecond } from './agenda-baseline';
import { dispatchPerSecond } from './dispatch';
import { eventToOutboxLatency, seedEngineBase, STEPS_PER_RUN, WS } from './engine-fixtures';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

const BASE = 'bench_engine_base';
const registry = createRegistry();

/** `fn` on a fresh copy of the base database (copied as files, seconds), dropped afterwards. */
async function onCopyOfBase<T>(adminUrl: string, name: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const admin = openDatabase(adminUrl, { max: 1, secrets: testSecrets() });
  await admin.sql.unsafe(`drop database if exists "${name}"`);
  await admin.sql.unsafe(`create database "${name}" template "${BASE}" strategy file_copy`);
  const db = openDatabase(new URL(`/${name}`, adminUrl).toString(), { max: 12, secrets: testSecrets() });
  try {
    return await fn(db);
  } finally {
    await db.close();
    await admin.sql.unsafe(`drop database "${name}" with (force)`);
    await admin.close();
  }
}

/**
 * Raw `UPDATE ... WHERE id = ANY($1)` over the due runs in batches of 500, one connection,
 * with the table's triggers off (they count where runs are; the engine pays for them, the raw
 * physical figure does not).
 */
async function updateCeiling(db: Database): Promise<number> {
  const ids = (await db.sql`select id from journey_runs where status = 'active' order by due_at`).map((r) => r.id as string);
  const connection = await db.sql.reserve();
  await connection`set session_replication_role = replica`;
  const started = performance.now();
  for (let i = 0; i < ids.length; i += 500) {
    await connection`update journey_runs set step_count = step_count + 1, updated_at = now() where id = any(${ids.slice(i, i + 500)}::uuid[])`;
  }
  const seconds = (performance.now() - started) / 1000;
  await connection`reset session_replication_role`;
  connection.release();
  return ids.length / seconds;
}

/** Steps committed so far: each run_walks row holds the steps of one run in one batch. */
async function stepsTaken(db: Database): Promise<number> {
  const [{ n }] = await db.sql`select coalesce(sum(jsonb_array_length(steps)), 0)::int as n from run_walks`;
  return n;
}

/**
 * `loops` engine processes (started with the V8 flag `pnpm start` uses) sweep the due runs for at most `windowMs` (so the bench's length
 * does not depend on the engine's speed): steps/s is the steps committed in that
 * time, or until all are idle if that comes first. Unfinished batches die with the process.
 */
async function engineStepsPerSecond(db: Database, loops: number, windowMs: number): Promise<number> {
  const script = fileURLToPath(new URL('./engine-loop.ts', import.meta.url));
  const children = Array.from({ length: loops }, () =>
    fork(script, [], { execArgv: ['--max-semi-space-size=32', '--import', 'tsx'], env: { ...process.env, BENCH_DATABASE_URL: db.url } }));
  await Promise.all(children.map((c) => new Promise((resolve, reject) => {
    c.once('message', resolve);
    c.once('exit', (code) => reject(new Error(`an engine loop process exited with code ${code} before it was ready`)));
  })));
  const before = await stepsTaken(db);
  const started = performance.now();
  const idle = Promise.all(children.map((c) => new Promise((resolve) => c.once('message', resolve))));
  for (const c of children) c.send('go');
  await Promise.race([idle, new Promise((r) => setTimeout(r, windowMs))]);
  const seconds = (performance.now() - started) / 1000;
  for (const c of children) c.kill('SIGKILL');
  return ((await stepsTaken(db)) - before) / seconds;
}

export async function engineBench(adminUrl: string, quick: boolean, report: Report, target: Target) {
  const runs = quick ? 100_000 : 1_000_000;
  const due = runs / 5;
  console.log(`engine: ${runs.toLocaleString()} runs, ${due.toLocaleString()} due, trigger → condition → email → wait`);
  const base = openDatabase(await ensureDatabase(adminUrl, BASE), { max: 4, secrets: testSecrets() });
  await runMigrations(base.url);
  await seedEngineBase(base, registry, runs, due, new Date());
  await base.close();

  const ceiling = await onCopyOfBase(adminUrl, 'bench_engine_ceiling', updateCeiling);
  report('batched UPDATE ceiling (rows/s, 1 connection)', ceiling.toFixed(0));

  const perLoops: number[] = [];
  for (const loops of [1, 2, 4]) {
    perLoops.push(await onCopyOfBase(adminUrl, `bench_engine_${loops}`, (db) => engineStepsPerSecond(db, loops, quick ? 8_000 : 20_000)));
    report(`engine steps/s, ${loops} worker process${loops > 1 ? 'es' : ''}`, perLoops.at(-1)!.toFixed(0));
  }

  const sample = quick ? 250 : 500;
  const agenda = await onCopyOfBase(adminUrl, 'bench_engine_agenda', async (db) => {
    const ids = (await db.sql`select id from journey_runs where status = 'active' limit ${sample}`).map((r) => r.id as string);
    return agendaStepsPerSecond(db, registry, ids);
  });
  report(`one Agenda job per step (${(sample * STEPS_PER_RUN).toLocaleString()} jobs), steps/s`, agenda.toFixed(0));
  const ratio = perLoops[0] / agenda;
  report('engine (1 process) ÷ Agenda per step', `${ratio.toFixed(0)}×`);
  // The issue measures the engine in steps/s, so its share of the ceiling is steps/s ÷ rows/s:
  // a naive engine writes at least one row per step. This engine writes one run row per run and
  // batch (four steps here), so steps/s can exceed the ceiling; runs/s ÷ rows/s, the stricter
  // reading, is printed beside it.
  const share = (perLoops[0] / ceiling) * 100;
  report('engine steps/s (1 process) as a share of the ceiling', `${share.toFixed(0)}%`);
  const runsShare = (perLoops[0] / STEPS_PER_RUN / ceiling) * 100;
  report('engine runs/s (1 process) ÷ ceiling rows/s (the stricter reading)', `${runsShare.toFixed(0)}%`);

  const dispatched = quick ? 2_000 : 3_000;
  const delivery = await onCopyOfBase(adminUrl, 'bench_engine_dispatch', (db) => dispatchPerSecond(db, registry, dispatched));
  report(`emails rendered + delivered over SMTP/s (${dispatched.toLocaleString()})`, delivery.toFixed(0));

  // enrolSegment is what a broadcast or segment-entry start runs: one INSERT ... SELECT.
  const { enrolled, enrolSeconds } = await onCopyOfBase(adminUrl, 'bench_engine_enrol', async (db) => {
    await db.sql`insert into journeys (id, workspace_id, name, draft, status) values ('j_enrol', ${WS}, 'Enrol', '{}', 'live')`;
    // A fresh file copy starts with cold caches; a live shop's customer table is read all day.
    await db.sql`select count(*) from customers where workspace_id = ${WS}`;
    await db.sql`select count(*) from journey_runs`;
    const started = performance.now();
    const count = await db.sql.begin((tx) => enrolSegment(tx as never, {
      workspaceId: WS, journeyId: 'j_enrol', versionId: 'j_enrol_v1', triggerNodeId: 'trigger', entryKey: 'broadcast', segmentId: 'seg_everyone',
    }, new Date()));
    return { enrolled: count, enrolSeconds: (performance.now() - started) / 1000 };
  });
  report(`bulk enrolment of ${enrolled.toLocaleString()} customers from a segment (s)`, enrolSeconds.toFixed(1));

  const latencyUrl = await ensureDatabase(adminUrl, 'bench_latency');
  await runMigrations(latencyUrl);
  const latency = await eventToOutboxLatency(openDatabase(latencyUrl, { max: 12, secrets: testSecrets() }), registry, quick ? 20 : 50);
  report('event → outbox latency p50 / p99 (ms), engine idle', `${latency.p50.toFixed(0)} / ${latency.p99.toFixed(0)}`);

  target('engine-vs-agenda-per-step', ratio, 100, '×', true);
  target('engine-share-of-update-ceiling', share, 40, '%', true);
  target('engine-runs-share-of-update-ceiling', runsShare, 50, '%', true);
  target(`enrolment-of-${quick ? '100k' : '1M'}`, enrolSeconds, quick ? 3 : 30, ' s', false);
  target('event-to-outbox-p50', latency.p50, 200, ' ms', false);
}

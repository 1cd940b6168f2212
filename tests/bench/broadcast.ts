// The broadcast figure of `pnpm bench`: a weekly promotion to every customer, end to end. From
// publishing a broadcast journey (segment of all customers → email) to the last email accepted
// by a local SMTP server (its own process), with the workspace's worker processes doing
// everything as `pnpm start --role=worker` would (Agenda tick, wake-ups, stepping, the email
// drain). The send-rate limit is off: the shop's relay is the limit in real life.
import { ensureDatabase, openDatabase, runMigrations, type Database } from '@afterglow/db';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testSecrets } from '../support/secrets';
import { publishGraph } from '../support/journeys';
import { bulkCustomers, WS } from './engine-fixtures';
import { postgresCpuMs } from './process-cpu';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

/** Worker processes, as a two-core machine would run them (see docs/operations.md). */
export const BROADCAST_WORKERS = 2;

const product = (n: number) => `
      <mj-column>
        <mj-image src="https://shop.example/img/offer-${n}.jpg" alt="Offer ${n}" href="https://shop.example/offers/${n}" />
        <mj-text align="center" font-weight="bold">Offer ${n}</mj-text>
        <mj-button href="https://shop.example/offers/${n}">Shop now</mj-button>
      </mj-column>`;

/** A weekly promotion as a marketer would build it: heading, personal intro, three offers, a button. */
const body = `<mjml>
  <mj-head><mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="15px" line-height="22px" color="#27272a" /><mj-button background-color="#7c3aed" border-radius="6px" /></mj-attributes></mj-head>
  <mj-body background-color="#f4f4f5">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="24px" font-weight="bold" line-height="30px">This week's offers</mj-text>
        <mj-text>Hi {{ customer.firstName | default: "there" }}, here is what we picked for you this week.</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff">${product(1)}${product(2)}${product(3)}
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column><mj-button href="{{ shop.url }}">See every offer</mj-button></mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

const registry = createRegistry();
const graph: JourneyGraph = {
  nodes: [
    { id: 'trigger', type: 'core/trigger-broadcast', position: { x: 0, y: 0 }, config: { segmentId: 'seg_everyone', startAt: '' } },
    { id: 'mail', type: 'core/send-email', position: { x: 0, y: 120 },
      config: { ...(registry.require('core/send-email').defaults as Record<string, unknown>), subject: 'This week for you, {{ customer.firstName }}', preheader: 'Three offers', body } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'mail' }],
};

const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const childArgs = { execArgv: ['--max-semi-space-size=32', '--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])] };

function firstMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`a bench child process exited with code ${code}`)));
  });
}

interface SinkState { accepted: number; first: number; last: number; cpuMs: number }

/** Stops the worker processes; returns the CPU time they used (ms). */
async function stopWorkers(workers: ChildProcess[]): Promise<number> {
  const running = workers.filter((w) => w.exitCode === null && w.connected);
  const used = running.map((w) => new Promise<number>((resolve) => {
    w.once('message', (m) => resolve((m as { cpuMs: number }).cpuMs));
    w.once('exit', () => resolve(0));
  }));
  for (const w of running) w.send('stop');
  return (await Promise.all(used)).reduce((a, b) => a + b, 0);
}

/** The goal: a million in ten minutes, and the same pace for the quick run's 20,000. */
const goalSeconds = (n: number) => (600 * n) / 1_000_000;

export async function broadcastBench(adminUrl: string, quick: boolean, report: Report, target: Target, size?: number) {
  const n = size ?? (quick ? 20_000 : 1_000_000);
  const url = await ensureDatabase(adminUrl, 'bench_broadcast');
  await runMigrations(url);
  const db: Database = openDatabase(url, { max: 4, secrets: testSecrets() });
  const sink = fork(script('./smtp-sink.ts'), [], childArgs);
  const workers: ChildProcess[] = [];
  try {
    await bulkCustomers(db, n);
    // A shop's customers are not all freshly imported when it publishes: the sweep's segment
    // bookkeeping for the load itself is not part of the figure (as in the engine section).
    await db.sql`delete from segment_dirty_customers`;
    await db.sql`vacuum analyze`;
    const { port } = await firstMessage<{ port: number }>(sink);
    const env = { ...process.env, BENCH_DATABASE_URL: url, BENCH_SMTP_URL: `smtp://127.0.0.1:${port}` };
    for (let i = 0; i < BROADCAST_WORKERS; i++) workers.push(fork(script('./broadcast-worker.ts'), [], { ...childArgs, env }));
    await Promise.all(workers.map((w) => firstMessage(w)));
    const askSink = () => new Promise<SinkState>((resolve) => {
      sink.once('message', (m) => resolve(m as SinkState));
      sink.send('count');
    });

    const databaseCpu = await postgresCpuMs(db.sql);
    const published = Date.now();
    await publishGraph(db, registry, WS, 'j_broadcast', graph);
    let enrolledAt = 0;
    let state: SinkState;
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      if (!enrolledAt) {
        const [mark] = await db.sql`select enrolled from broadcasts where journey_id = 'j_broadcast' and enrolled > 0`;
        if (mark) enrolledAt = Date.now();
      }
      state = await askSink();
      if (state.accepted >= n) break;
      // A million past the goal: the verdict is known, so the bench stops there and projects the
      // rest (the whole bench has minutes, not hours). Smaller runs go to the end, within reason.
      const stopAfter = (n >= 1_000_000 ? 1 : 10) * goalSeconds(n) * 1000;
      if (Date.now() - published > stopAfter && state.accepted > 0) break;
    }
    const [queued] = await db.sql<{ first: Date; last: Date }[]>`select min(created_at) as first, max(created_at) as last from email_outbox`;
    const [sweep] = await db.sql<{ at: Date }[]>`select at from broadcasts where journey_id = 'j_broadcast'`;
    const seconds = (from: number, to: number) => (to - from) / 1000;
    const deliverySeconds = seconds(state.first, state.last);
    const done = state.accepted >= n;
    // Unfinished at the goal: the time so far plus the rest at the delivery stage's pace.
    const total = done ? seconds(published, state.last) : seconds(published, state.last) + (n - state.accepted) / (state.accepted / deliverySeconds);
    report(`broadcast of ${n.toLocaleString()} end to end, ${BROADCAST_WORKERS} worker processes (s)`,
      done ? total.toFixed(0) : `${total.toFixed(0)} projected (${state.accepted.toLocaleString()} accepted when stopped at the goal)`);
    report('  enrol: publish → everyone enrolled (s)', `${seconds(published, enrolledAt).toFixed(1)} (the sweep began after ${seconds(published, sweep.at.getTime()).toFixed(1)})`);
    report('  step: first → last email queued (s)', seconds(queued.first.getTime(), queued.last.getTime()).toFixed(1));
    report('  render + deliver: first → last accepted (s)', deliverySeconds.toFixed(1));
    report('  delivery stage emails/s', (state.accepted / deliverySeconds).toFixed(0));
    const workerCpu = await stopWorkers(workers);
    const postgres = (await postgresCpuMs(db.sql)) - databaseCpu;
    report('  CPU per email: workers / PostgreSQL / SMTP server (ms)', [workerCpu, postgres, state.cpuMs].map((ms) => (ms / state.accepted).toFixed(2)).join(' / '));
    target(`broadcast-${n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`}-end-to-end`, total, goalSeconds(n), ' s', false);
    target('delivery-emails-per-s', state.accepted / deliverySeconds, 2_000, '/s', true);
  } finally {
    await stopWorkers(workers);
    sink.kill();
    await db.close();
  }
}

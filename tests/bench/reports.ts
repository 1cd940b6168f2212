// Reports section of `pnpm bench`: every analytics read a manager makes, timed through the API
// over HTTP (signed in, permission-checked, as the browser asks) against 1,000,000 runs and
// about 10.5M steps of one journey (reports-fixture.ts; --quick: a tenth). Each is asked once to
// warm the caches, then five times; the median is judged against the goal of 200 ms.
// The funnel and the lift are also timed alone (the report answers them with its series).
import { ensureDatabase, openDatabase, runMigrations } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import type { JourneyPlan } from '@afterglow/journey-core';
import { reportExperiments } from '../../packages/api/src/journeys/report/experiments';
import { reportFunnel } from '../../packages/api/src/journeys/report/funnel';
import { seedUser, signIn, startApiServer, unusedTemplateSandbox } from '../support/api-client';
import { testSecrets } from '../support/secrets';
import { buildReportWorld, END, JOURNEY, runIdOf, WS } from './reports-fixture';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

const GOAL_MS = 200;
const day = (daysBefore: number) => new Date(END.getTime() - daysBefore * 86_400_000).toISOString().slice(0, 10);

async function median(ask: () => Promise<unknown>): Promise<number> {
  await ask();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await ask();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}

export async function reportsBench(adminUrl: string, quick: boolean, report: Report, target: Target) {
  const url = await ensureDatabase(adminUrl, 'bench_reports');
  await runMigrations(url);
  const db = openDatabase(url, { max: 6, secrets: testSecrets() });
  const registry = createRegistry();
  const server = await startApiServer({
    database: db, registry, clock: new ManualClock(END), templateSandbox: unusedTemplateSandbox,
    engine: { stats: async () => ({}) as never, wake: async () => {}, retryFailed: async () => 0 },
  });
  try {
    const started = performance.now();
    const world = await buildReportWorld(db, registry, quick ? 100_000 : 1_000_000);
    report(`reports world: ${world.runs.toLocaleString('en')} runs, ${world.steps.toLocaleString('en')} steps`,
      `built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    await seedUser(db, { id: 'u_bench', workspaceId: WS, email: 'manager@bench.test', password: 'pw-bench', role: 'manager' });
    const api = await signIn(server.url, 'manager@bench.test', 'pw-bench');
    const { sql } = db;
    // Cursors deep into the lists, as a reader paging on would hold them.
    const [waitingDeep] = await sql<{ at: Date; id: string }[]>`
      select due_at as at, id from journey_runs where journey_id = ${JOURNEY} and node_id = 'wait1' and status in ('active', 'waiting', 'failed')
      order by due_at, id offset ${Math.floor(world.runs * 0.025)} limit 1`;
    const [passedDeep] = await sql<{ at: Date; id: string }[]>`
      select at, run_id as id from journey_node_passes where workspace_id = ${WS} and journey_id = ${JOURNEY} and node_id = 'mail2'
      order by at desc, run_id desc offset ${Math.floor(world.runs / 2)} limit 1`;
    const cursor = (row: { at: Date; id: string }) => `${row.at.toISOString()}|${row.id}`;
    const [{ plan }] = await sql<{ plan: JourneyPlan }[]>`select plan from journey_versions where id = ${world.versions[1]}`;
    const [run] = await sql<{ id: string }[]>`select ${runIdOf(sql, 1)}::text as id`;
    const step = { journeyId: JOURNEY, limit: 50 } as const;

    const asks: [string, string, () => Promise<unknown>][] = [
      ['journey', 'journey report, 90 days by day', () => api.journeys.report.query({ journeyId: JOURNEY, from: day(90), to: day(0), bucket: 'day' })],
      ['journey-year', 'journey report, a year by week', () => api.journeys.report.query({ journeyId: JOURNEY, from: day(365), to: day(0), bucket: 'week' })],
      ['versions', 'journey report, two versions side by side', () => api.journeys.report.query({
        journeyId: JOURNEY, from: day(90), to: day(0), bucket: 'day', versions: world.versions })],
      ['funnel', 'path funnel (alone)', () => reportFunnel(sql, JOURNEY, world.versions[1], plan)],
      ['lift', 'A/B lift with intervals (alone)', () => reportExperiments(sql, JOURNEY, world.versions, [plan, plan], plan)],
      ['explorer-first', 'run explorer: waiting at a step, first page', () => api.journeys.stepCustomers.query({ ...step, nodeId: 'wait1', mode: 'waiting' })],
      ['explorer-deep', 'run explorer: waiting, a page deep in', () => api.journeys.stepCustomers.query({
        ...step, nodeId: 'wait1', mode: 'waiting', cursor: cursor(waitingDeep) })],
      ['steps-first', 'step list: passed a step, first page', () => api.journeys.stepCustomers.query({ ...step, nodeId: 'mail2', mode: 'passed' })],
      ['steps-deep', 'step list: passed, a page deep in', () => api.journeys.stepCustomers.query({
        ...step, nodeId: 'mail2', mode: 'passed', cursor: cursor(passedDeep) })],
      ['steps-failed', 'step list: failed ones only', () => api.journeys.stepCustomers.query({ ...step, nodeId: 'mail2', mode: 'waiting', status: 'failed' })],
      ['steps-search', 'step list: search by email', () => api.journeys.stepCustomers.query({
        ...step, nodeId: 'mail2', mode: 'passed', search: 'c777@example.com' })],
      ['timeline', 'a run\'s timeline', () => api.journeys.runTimeline.query({ runId: run.id })],
      ['customer-journeys', 'a customer\'s journeys', () => api.journeys.customerRuns.query({ customerId: 'c2' })],
      ['dashboard', 'workspace dashboard, 90 days', () => api.dashboard.get.query({ days: 90 })],
    ];
    for (const [name, label, ask] of asks) {
      const ms = await median(ask);
      report(`report: ${label} (median of 5)`, `${ms.toFixed(1)} ms`);
      target(`report-${name}`, ms, GOAL_MS, ' ms', false);
    }
  } finally {
    await server.close();
    await db.close();
  }
}

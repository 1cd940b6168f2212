// Calendar section of `pnpm bench`: 1,000,000 customers (a tenth with --quick) with today's
// birthday across five time zones, all past 09:00 local, enrolled by the calendar job's one
// INSERT … SELECT; then the same job again (a second worker, a retry), which enrols no one.
import { ensureDatabase, openDatabase, runMigrations, type Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { testSecrets } from '../support/secrets';
import { publishGraph } from '../support/journeys';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

const WS = 'ws_calendar_bench';
// 14:00 UTC on 15 June: 16:00 in Belgrade and Ljubljana, 17:00 in Moscow, 10:00 in New York,
// 23:00 in Tokyo; the 15th everywhere, and past every customer's 09:00.
const NOW = new Date('2027-06-15T14:00:00Z');
const ZONES = ['Europe/Belgrade', 'Europe/Ljubljana', 'Europe/Moscow', 'America/New_York', 'Asia/Tokyo'];

async function seed(db: Database, customers: number) {
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Bench shop', 's')`;
  await db.sql`insert into customers (workspace_id, id, email, timezone, birthday, created_at, updated_at)
    select ${WS}, 'c' || g, 'c' || g || '@example.com', (${ZONES}::text[])[1 + g % 5],
      make_date(1950 + g % 56, 6, 15), '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'
    from generate_series(1, ${customers}) g`;
  await db.sql`vacuum analyze customers`;
  // As autovacuum leaves a young shop: runs analysed while there were none (enrolment must not
  // then probe each customer by scanning the table).
  await db.sql`analyze journey_runs`;
  const registry = createRegistry();
  const versionId = await publishGraph(db, registry, WS, 'j_birthday', {
    nodes: [
      { id: 't', type: 'core/trigger-date', position: { x: 0, y: 0 }, config: { ...(registry.get('core/trigger-date')!.defaults as object), hour: 9 } },
      { id: 'exit', type: 'core/exit', position: { x: 0, y: 0 }, config: registry.get('core/exit')!.defaults as Record<string, unknown> },
    ],
    edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'exit' }],
  });
  await db.sql`update journey_versions set published_at = ${new Date(NOW.getTime() - 86400e3)} where id = ${versionId}`;
  return registry;
}

export async function calendarBench(adminUrl: string, quick: boolean, report: Report, target: Target) {
  const customers = quick ? 100_000 : 1_000_000;
  const url = await ensureDatabase(adminUrl, 'bench_calendar');
  await runMigrations(url);
  const db = openDatabase(url, { max: 4, secrets: testSecrets() });
  try {
    const registry = await seed(db, customers);
    const engine = createEngine({ database: db, registry, clock: new ManualClock(NOW) });
    let started = performance.now();
    const enrolled = await engine.runCalendarTriggers();
    const seconds = (performance.now() - started) / 1000;
    if (enrolled !== customers) throw new Error(`calendar bench enrolled ${enrolled} of ${customers} birthdays`);
    started = performance.now();
    const again = await engine.runCalendarTriggers();
    const rerun = (performance.now() - started) / 1000;
    if (again !== 0) throw new Error(`calendar bench: the second run enrolled ${again}`);
    report(`birthdays enrolled (${customers.toLocaleString('en')}, one statement)`, `${seconds.toFixed(1)} s, ${(enrolled / seconds).toFixed(0)} runs/s`);
    report('calendar job run again (enrols no one)', `${rerun.toFixed(1)} s`);
    target(`calendar-birthdays-${quick ? '100k' : '1M'}`, seconds, quick ? 3 : 30, ' s', false);
  } finally {
    await db.close();
  }
}

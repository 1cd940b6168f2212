// Loyalty expiry section of `pnpm bench`: 200,000 loyalty members (a tenth with --quick) with two
// ledger entries each, a tenth of them quiet past their reminder moment (12 months less 14 days),
// and a journey live on Points Expiring. The job runs as the hourly worker runs it: once to remind
// the quiet tenth (events stored and delivered, a run each), fourteen days later to expire them
// (one ledger entry and one event each), and again at once (a second worker, a retry: nothing).
import { ensureDatabase, openDatabase, runMigrations, type Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { testSecrets } from '../support/secrets';
import { publishGraph } from '../support/journeys';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

const WS = 'ws_expiry_bench';
const NOW = new Date('2027-06-15T12:00:00Z');
const DAY = 86_400_000;

async function seed(db: Database, members: number) {
  await db.sql`insert into workspaces (id, name, signing_secret, settings) values (${WS}, 'Bench shop', 's',
    ${db.sql.json({ loyalty: { expiry: { enabled: true, monthsInactive: 12, remindDaysBefore: 14 } } })})`;
  await db.sql`insert into customers (workspace_id, id, email, created_at, updated_at)
    select ${WS}, 'c' || g, 'c' || g || '@example.com', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z' from generate_series(1, ${members}) g`;
  // Every tenth member last earned 1-10 days before their reminder moment; the rest within 300 days.
  // One statement, so the ledger trigger keeps loyalty_members as it does for any insert.
  await db.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, created_at)
    select ${WS}, 'c' || g, p.points, 'Order', 'order', last.at - p.before
    from generate_series(1, ${members}) g
    cross join lateral (select case when g % 10 = 0
      then ${NOW}::timestamptz - interval '12 months' + interval '14 days' - make_interval(days => 1 + (g / 10) % 10)
      else ${NOW}::timestamptz - make_interval(days => g % 300) end as at) last
    cross join (values (100, interval '30 days'), (50, interval '0 days')) p(points, before)`;
  await db.sql`vacuum analyze customers, loyalty_ledger, loyalty_members`;
  const registry = createRegistry();
  await publishGraph(db, registry, WS, 'j_expiring', {
    nodes: [
      { id: 't', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'Points Expiring', filters: [], entryKeyProperty: '' } },
      { id: 'exit', type: 'core/exit', position: { x: 0, y: 0 }, config: registry.get('core/exit')!.defaults as Record<string, unknown> },
    ],
    edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'exit' }],
  });
  return registry;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, (performance.now() - started) / 1000];
}

export async function loyaltyExpiryBench(adminUrl: string, quick: boolean, report: Report, target: Target) {
  const members = quick ? 20_000 : 200_000;
  const due = members / 10;
  const url = await ensureDatabase(adminUrl, 'bench_loyalty_expiry');
  await runMigrations(url);
  const db = openDatabase(url, { max: 4, secrets: testSecrets() });
  try {
    const registry = await seed(db, members);
    const clock = new ManualClock(NOW);
    const engine = createEngine({ database: db, registry, clock });
    const [reminded, remindSeconds] = await timed(() => engine.runLoyaltyExpiry());
    if (reminded.reminded !== due) throw new Error(`loyalty expiry bench reminded ${reminded.reminded} of ${due}`);
    clock.set(new Date(NOW.getTime() + 14 * DAY));
    const [expired, expireSeconds] = await timed(() => engine.runLoyaltyExpiry());
    if (expired.expired !== due) throw new Error(`loyalty expiry bench expired ${expired.expired} of ${due}`);
    const [again, againSeconds] = await timed(() => engine.runLoyaltyExpiry());
    if (again.reminded + again.expired !== 0) throw new Error(`loyalty expiry bench: the run again emitted ${JSON.stringify(again)}`);
    const size = `${members.toLocaleString('en')} members, ${due.toLocaleString('en')} due`;
    report(`loyalty expiry reminders (${size})`, `${remindSeconds.toFixed(1)} s, ${(due / remindSeconds).toFixed(0)} /s`);
    report(`loyalty expiry, points expired (${size})`, `${expireSeconds.toFixed(1)} s, ${(due / expireSeconds).toFixed(0)} /s`);
    report('loyalty expiry job run again (nothing due)', `${againSeconds.toFixed(2)} s`);
    // An hourly job: done in seconds leaves the hour to everything else the workers do.
    const tag = quick ? '20k' : '200k';
    target(`loyalty-expiry-remind-${tag}`, remindSeconds, quick ? 1 : 10, ' s', false);
    target(`loyalty-expiry-expire-${tag}`, expireSeconds, quick ? 1 : 10, ' s', false);
  } finally {
    await db.close();
  }
}

// The worker: Agenda 6 (on Postgres) owns the durable recurring tick and its locking across
// processes; LISTEN/NOTIFY wakes every worker at once when an event enrols someone. Either
// way the work itself is the batched sweep (`runOnce`), never one Agenda job per step.
// While the database is unreachable (its breaker open) the worker does not sweep: it waits,
// quietly, and sweeps once the breaker's probe finds the database again.
import { PostgresBackend } from '@agendajs/postgres-backend';
import type { DatabaseAvailability, Sql } from '@afterglow/db';
import { Agenda } from 'agenda';
import pg from 'pg';
import { reportFailure } from './report';
import type { Logger } from './types';

export const WAKE_CHANNEL = 'afterglow_wake';
const TICK_JOB = 'engine:tick';

export interface WorkerOptions {
  url: string;
  sql: Sql;
  availability: DatabaseAvailability;
  runOnce: () => Promise<unknown>;
  log: Logger;
  /** How often the durable tick sweeps for runs whose wait has ended. */
  tickEvery?: string;
  /** Other recurring work, each run by one worker at a time (Agenda's lock). */
  jobs?: { name: string; every: string | number; run: () => Promise<unknown> }[];
}

export function createWorker(opts: WorkerOptions) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let pool: pg.Pool | null = null;
  let agenda: Agenda | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  let unwatch: (() => void) | null = null;
  const report = (message: string) => (err: unknown) => reportFailure(opts.availability, opts.log, message, err);

  // Coalesces wake-ups: one sweep at a time per process, and one more if woken meanwhile.
  const kick = () => {
    if (stopped || !opts.availability.up) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await opts.runOnce().catch(report('engine sweep failed; the next tick retries'));
      } while (again && !stopped && opts.availability.up);
      running = null;
    })();
  };

  async function createAgenda(): Promise<Agenda> {
    pool = new pg.Pool({ connectionString: opts.url, max: 3 });
    pool.on('error', report('agenda pool error'));
    const backend = new PostgresBackend({ pool });
    // Agenda's constructor connects the backend (creating its tables) and neither waits nor
    // catches: a failure there ends the process. Connected here first, awaited, it is a no-op.
    await withTimeout(backend.connect(), 'Agenda did not connect within 30 s');
    // Agenda's LISTEN channel emits 'error' when Postgres restarts and reconnects by itself;
    // unheard, that event would kill the process (found by tests/chaos).
    // While Postgres is down it retries every 100 ms, two errors each time (agenda/agenda#1764:
    // its backoff restarts at every attempt); they go to the breaker, not to the log.
    backend.notificationChannel?.on('error', report('agenda notification channel error'));
    const created = new Agenda({ backend, name: `afterglow-${process.pid}`, processEvery: '1 second', defaultLockLifetime: 30_000 });
    created.on('error', report('agenda error'));
    // The tick only broadcasts: every worker listening sweeps its share (SKIP LOCKED).
    created.define(TICK_JOB, async () => {
      await opts.sql.notify(WAKE_CHANNEL, 'tick');
    }, { lockLifetime: 10_000 });
    for (const job of opts.jobs ?? []) created.define(job.name, async () => void (await job.run()), { lockLifetime: 30 * 60_000 });
    return created;
  }

  return {
    kick,
    async start() {
      const listener = await opts.sql.listen(WAKE_CHANNEL, () => kick());
      unlisten = listener.unlisten;
      unwatch = opts.availability.onChange((change) => change.up && kick());
      // Workers starting together would create Agenda's tables and its recurring jobs at the
      // same moment (seen to fail: two CREATE INDEX IF NOT EXISTS collide on pg_class), so
      // everything from the backend's first connection on happens one worker at a time,
      // under a session advisory lock.
      const conn = await opts.sql.reserve();
      try {
        await conn`select pg_advisory_lock(hashtext('afterglow:agenda-start'))`;
        agenda = await createAgenda();
        await startWithRetry(agenda);
        await agenda.every(opts.tickEvery ?? '2 seconds', TICK_JOB, undefined, { skipImmediate: false });
        for (const job of opts.jobs ?? []) await agenda.every(job.every, job.name, undefined, { skipImmediate: true });
      } finally {
        await conn`select pg_advisory_unlock(hashtext('afterglow:agenda-start'))`.catch(() => {});
        conn.release();
      }
      kick();
    },
    async stop() {
      stopped = true;
      unwatch?.();
      await unlisten?.().catch(() => {});
      await agenda?.stop().catch(() => {});
      await pool?.end().catch(() => {});
      await running;
    },
  };
}

/**
 * A start that hangs (Postgres restarting under it) fails after a while instead: the worker
 * then exits and is restarted, rather than holding the start lock and never working.
 */
function withTimeout<T>(work: Promise<T>, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), 30_000);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** One retry: a start can fail on a connection Postgres just dropped. */
async function startWithRetry(agenda: Agenda) {
  const attempt = () => withTimeout(agenda.start(), 'Agenda did not start within 30 s');
  try {
    await attempt();
  } catch {
    await new Promise((r) => setTimeout(r, 200));
    await attempt();
  }
}

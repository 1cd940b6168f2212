// The worker: Agenda 6 (on Postgres) owns the durable recurring tick and its locking across
// processes; LISTEN/NOTIFY wakes every worker at once when an event enrols someone. Either
// way the work itself is the batched sweep (`runOnce`), never one Agenda job per step.
// Deliveries (email, services' effects) are drains of their own, each with its own Agenda job
// and wake-up: stepping never waits for an SMTP server, nor delivery for a sweep, and every
// worker process drains each queue side by side (their claims skip each other's rows).
// While the database is unreachable (its breaker open) the worker does not sweep: it waits,
// quietly, and sweeps once the breaker's probe finds the database again.
import { PostgresBackend } from '@agendajs/postgres-backend';
import type { DatabaseAvailability, Sql } from '@afterglow/db';
import { Agenda } from 'agenda';
import pg from 'pg';
import { coalesce } from './coalesce';
import { reportFailure } from './report';
import type { Logger } from './types';

export const WAKE_CHANNEL = 'afterglow_wake';
/** Wakes every worker's delivery drains: the payload names one drain, or 'all'. */
export const DELIVER_CHANNEL = 'afterglow_deliver';
const TICK_JOB = 'engine:tick';

export interface Drain {
  /** Its Agenda job's name, also the wake-up payload naming it. */
  name: string;
  /** How often the durable job wakes it (retries and deferred sends fall due in between). */
  every: string;
  /** Drains until nothing is due, or until `keepGoing` says the worker is stopping. */
  run: (keepGoing: () => boolean) => Promise<unknown>;
}

export interface WorkerOptions {
  url: string;
  sql: Sql;
  availability: DatabaseAvailability;
  /** One stepping sweep; returns the steps taken (deliveries are woken when there were some). */
  runOnce: () => Promise<number>;
  /** Deliveries, each drained by every worker on its own (see above). */
  drains?: Drain[];
  log: Logger;
  /** How often the durable tick sweeps for runs whose wait has ended. */
  tickEvery?: string;
  /** Other recurring work, each run by one worker at a time (Agenda's lock). */
  jobs?: { name: string; every: string | number; run: () => Promise<unknown> }[];
}

export function createWorker(opts: WorkerOptions) {
  let stopped = false;
  let pool: pg.Pool | null = null;
  let agenda: Agenda | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  let unwatch: (() => void) | null = null;
  const report = (message: string) => (err: unknown) => reportFailure(opts.availability, opts.log, message, err);

  const mayRun = () => !stopped && opts.availability.up;
  const drains = (opts.drains ?? []).map((drain) => ({
    drain,
    loop: coalesce(async () => void (await drain.run(mayRun).catch(report(`${drain.name} failed; its next wake-up retries`))), mayRun),
  }));
  const kickDrains = (which: string) => drains.forEach((d) => (which === 'all' || which === d.drain.name) && d.loop.kick());
  // Coalesces wake-ups: one sweep at a time per process, and one more if woken meanwhile.
  // Steps that queued deliveries wake every worker's drains (this one's included, through its listener).
  const sweep = coalesce(async () => {
    const steps = await opts.runOnce().catch((err: unknown) => void report('engine sweep failed; the next tick retries')(err));
    if (steps && drains.length > 0) await opts.sql.notify(DELIVER_CHANNEL, 'all').catch(report('delivery wake-up failed; its tick delivers'));
  }, mayRun);
  const kick = () => sweep.kick();

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
    // Like the tick, a drain's job only broadcasts: the drains run in every worker, not under Agenda's lock.
    for (const { drain } of drains) {
      created.define(drain.name, async () => void (await opts.sql.notify(DELIVER_CHANNEL, drain.name)), { lockLifetime: 10_000 });
    }
    return created;
  }

  return {
    kick,
    async start() {
      const listener = await opts.sql.listen(WAKE_CHANNEL, () => kick());
      const deliveries = drains.length > 0 ? await opts.sql.listen(DELIVER_CHANNEL, (which) => kickDrains(which)) : null;
      unlisten = async () => {
        await listener.unlisten();
        await deliveries?.unlisten();
      };
      unwatch = opts.availability.onChange((change) => {
        if (!change.up) return;
        kick();
        kickDrains('all');
      });
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
        for (const { drain } of drains) await agenda.every(drain.every, drain.name, undefined, { skipImmediate: false });
      } finally {
        await conn`select pg_advisory_unlock(hashtext('afterglow:agenda-start'))`.catch(() => {});
        conn.release();
      }
      kick();
      kickDrains('all');
    },
    async stop() {
      stopped = true;
      unwatch?.();
      await unlisten?.().catch(() => {});
      await agenda?.stop().catch(() => {});
      await pool?.end().catch(() => {});
      await Promise.all([sweep.idle(), ...drains.map((d) => d.loop.idle())]);
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

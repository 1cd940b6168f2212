// Whether Postgres can be reached, as this process sees it: a circuit breaker shared by the
// HTTP handlers and the engine's workers. A connection error seen anywhere opens it. While
// it is open, requests that need the database are answered 503 at once, instead of queueing
// behind postgres.js's reconnect backoff (which grows to 20 s between attempts), and the
// workers skip their sweeps. A cheap probe (a fresh connection running `select 1`) tries
// every second; the first that succeeds closes it. Listeners hear each change once, so an
// outage is two log lines (down, up again), not one per failed attempt.
import postgres from 'postgres';

/** Errors that say the server is unreachable, shutting down or starting up: not a bad query. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', // postgres.js
  '57P01', '57P02', '57P03', // admin_shutdown, crash_shutdown, cannot_connect_now (starting up)
]);

/**
 * True when `err` (or an error it wraps: drizzle and tRPC keep the driver's error as `cause`)
 * says the database cannot be reached. Errors of our own shutdown (CONNECTION_ENDED,
 * CONNECTION_DESTROYED) are not outages.
 */
export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08...$/.test(code))) return true; // class 08: connection exception
    if (e instanceof AggregateError && e.errors.some(isConnectionError)) return true;
    // node-postgres (Agenda's pool) names a dropped connection in its message only.
    if (/^Connection terminated/.test(String((e as { message?: unknown }).message))) return true;
  }
  return false;
}

export type AvailabilityChange = { up: false; error: unknown } | { up: true; downForMs: number };

export interface DatabaseAvailability {
  /** False from a connection error until a probe reaches the database again. */
  readonly up: boolean;
  /** The Retry-After (seconds) of a 503 answered while the database is unreachable. */
  readonly retryAfterSeconds: number;
  /** Hands over an error a query threw; true when it is a connection error (the breaker is then open). */
  report(err: unknown): boolean;
  /** Called once when the database becomes unreachable and once when it answers again; returns an unsubscribe. */
  onChange(listener: (change: AvailabilityChange) => void): () => void;
  close(): void;
}

export interface AvailabilityOptions {
  probeEveryMs?: number;
  connectTimeoutSeconds?: number;
  retryAfterSeconds?: number;
}

export function createAvailability(url: string, opts: AvailabilityOptions = {}): DatabaseAvailability {
  const probeEveryMs = opts.probeEveryMs ?? 1_000;
  const connectTimeout = opts.connectTimeoutSeconds ?? 5;
  const listeners = new Set<(change: AvailabilityChange) => void>();
  let downSince: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const tell = (change: AvailabilityChange) => {
    for (const listener of listeners) listener(change);
  };

  // A new connection each time: the pool's own connections wait out their backoff.
  async function reachable(): Promise<boolean> {
    const probe = postgres(url, { max: 1, connect_timeout: connectTimeout, fetch_types: false, onnotice: () => {} });
    try {
      await probe`select 1`;
      return true;
    } catch {
      return false;
    } finally {
      await probe.end({ timeout: 0 }).catch(() => {});
    }
  }

  function scheduleProbe() {
    timer = setTimeout(async () => {
      timer = null;
      const ok = await reachable();
      if (closed || downSince === null) return;
      if (!ok) return scheduleProbe();
      const downForMs = Date.now() - downSince;
      downSince = null;
      tell({ up: true, downForMs });
    }, probeEveryMs);
    timer.unref();
  }

  return {
    get up() {
      return downSince === null;
    },
    retryAfterSeconds: opts.retryAfterSeconds ?? 5,
    report(err) {
      if (!isConnectionError(err)) return false;
      if (downSince !== null || closed) return true;
      downSince = Date.now();
      tell({ up: false, error: err });
      scheduleProbe();
      return true;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      listeners.clear();
    },
  };
}

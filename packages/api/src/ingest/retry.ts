// Concurrent requests that update the same customers or products can deadlock; Postgres
// then aborts one of them, whole. Its work is rolled back, so running it again is safe,
// and far better than handing the client a 500 for another request's bad luck.
const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

export function isRetryable(err: unknown): boolean {
  return RETRYABLE.has((err as { code?: unknown } | null)?.code as string);
}

/** Runs `attempt` (a whole transaction) again when Postgres aborted it as a deadlock victim. */
export async function retryTransaction<T>(attempt: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (i >= tries || !isRetryable(err)) throw err;
    }
  }
}

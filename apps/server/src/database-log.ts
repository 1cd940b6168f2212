// An outage in two lines: when this process finds Postgres unreachable (its breaker opens:
// requests get 503, workers pause) and when the breaker's probe reaches it again.
import type { DatabaseAvailability } from '@afterglow/db';
import type { Logger } from '@afterglow/node-sdk';

/** Logs each change of `availability`; returns the unsubscribe. */
export function logAvailability(availability: DatabaseAvailability, log: Logger): () => void {
  return availability.onChange((change) => {
    if (change.up) log.info('database reachable again', { downForSeconds: Math.round(change.downForMs / 1000) });
    else log.error('database unreachable: requests get 503 and workers wait until it answers', { error: String(change.error) });
  });
}

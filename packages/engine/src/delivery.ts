// The delivery drains: emails through the mailer, services' effects (Call webhook steps,
// plugins' gateways) through their services, each batch after batch until nothing is due.
// The dispatchers claim with FOR UPDATE SKIP LOCKED, so the drains of every worker process
// run side by side; their guarantees (effectively once, the rate limit, quiet hours,
// suppression, the resend bound) live in the dispatchers, not in who calls them.
import type { Database } from '@afterglow/db';
import { dispatchDueEmails, type Mailer } from '@afterglow/email';
import type { NodeRegistry } from '@afterglow/node-sdk';
import type { Clock } from './clock';
import type { EngineMetrics } from './metrics';
import { logDispatch, logServiceDispatch } from './report';
import { dispatchDueServiceEffects } from './services/dispatcher';
import type { Logger } from './types';

export interface DeliveryDeps {
  database: Database;
  registry: NodeRegistry;
  clock: Clock;
  mailer?: Mailer;
  publicUrl: () => string;
  allowPrivate?: boolean;
  log: Logger;
  metrics?: EngineMetrics;
}

/** Asked before each batch: a stopping worker ends its drain after the batch under way. */
type KeepGoing = () => boolean;
const always: KeepGoing = () => true;

/** Emails sent, retried, failed or suppressed until none is due; 0 without a mailer. */
export async function drainEmails(deps: DeliveryDeps, keepGoing = always): Promise<number> {
  if (!deps.mailer) return 0;
  let total = 0;
  for (let first = true; keepGoing(); first = false) {
    // Batches of 200 spread a dispatch's fixed round trips (its session, claim and release)
    // thin; dead dispatchers' rows go back to the queue once per drain, before its first batch.
    const result = await dispatchDueEmails({ sql: deps.database.sql, secrets: deps.database.secrets, mailer: deps.mailer,
      now: deps.clock.now(), batchSize: 200, publicUrl: deps.publicUrl, releaseOrphans: first });
    logDispatch(deps.log, result);
    deps.metrics?.emails(result);
    const handled = result.sent + result.retried + result.failed + result.suppressed;
    if (handled === 0) break;
    total += handled;
  }
  return total;
}

/** Services' effects delivered, accepted, retried or failed until none is due. */
export async function drainServiceEffects(deps: DeliveryDeps, keepGoing = always): Promise<number> {
  let total = 0;
  while (keepGoing()) {
    const result = await dispatchDueServiceEffects({ sql: deps.database.sql, secrets: deps.database.secrets, registry: deps.registry,
      now: deps.clock.now(), publicUrl: deps.publicUrl, allowPrivate: deps.allowPrivate, log: deps.log });
    logServiceDispatch(deps.log, result);
    deps.metrics?.services(result);
    const handled = result.delivered + result.accepted + result.retried + result.failed;
    if (handled === 0) break;
    total += handled;
  }
  return total;
}

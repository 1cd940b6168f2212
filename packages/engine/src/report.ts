// How the engine's background work speaks. A connection error goes to the database's breaker,
// which announces the outage once (the host logs its changes); logged here as well, it would
// be one line per sweep, per tick, per worker. Any other failure is a warning: the work is
// retried on the next sweep, but someone should know it failed.
import type { DatabaseAvailability } from '@afterglow/db';
import type { DispatchResult } from '@afterglow/email';
import type { ServiceDispatchResult } from './services/dispatcher';
import type { Logger } from './types';

export function reportFailure(availability: DatabaseAvailability, log: Logger, message: string, err: unknown): void {
  if (availability.report(err)) log.debug(message, { error: String(err) });
  else log.warn(message, { error: String(err) });
}

/** One line per dispatched batch that did not simply go out; sent batches only at debug level. */
export function logDispatch(log: Logger, result: DispatchResult): void {
  if (result.failed > 0) log.warn('emails failed for good (see the Outbox)', { ...result });
  else if (result.retried > 0) log.info('emails could not be sent and will be retried', { ...result });
  else if (result.sent + result.suppressed > 0) log.debug('emails dispatched', { ...result });
}

/** The same for the effects plugins' services deliver (an SMS gateway's messages). */
export function logServiceDispatch(log: Logger, result: ServiceDispatchResult): void {
  if (result.failed > 0) log.warn('service effects failed for good (service_effects.last_error says why)', { ...result });
  else if (result.retried > 0) log.info('service effects could not be delivered and will be retried', { ...result });
  else if (result.delivered + result.accepted > 0) log.debug('service effects dispatched', { ...result });
}

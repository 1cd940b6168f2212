// tRPC's answer while the database is unreachable: SERVICE_UNAVAILABLE (HTTP 503, with
// Retry-After set by the handler), in tRPC's own error shape so the web app shows the message.
// Raised before the session lookup when the breaker is already open, and for a call that met
// a connection error (which opens it).
import type { DatabaseAvailability } from '@afterglow/db';
import type { TRPCError } from '@trpc/server';
import { text } from '../i18n/catalogue';
import { Refusal } from './refusal';

export function unavailable(availability: DatabaseAvailability, cause?: unknown): TRPCError {
  return new Refusal('SERVICE_UNAVAILABLE', text('database.unavailable', { seconds: availability.retryAfterSeconds }), cause);
}

/** A connection error becomes SERVICE_UNAVAILABLE (and opens the breaker); any other error is returned as it is. */
export function asUnavailable(availability: DatabaseAvailability, err: unknown): unknown {
  return availability.report(err) ? unavailable(availability, err) : err;
}

// A service: how a node's effect reaches the world after the step commits. The step queues a
// payload (ctx.enqueue); the engine stores it durably and calls `deliver` until it reports a
// final outcome, with retries and backoff, from whichever worker claims it. Delivery is
// at-least-once: `effect.key` is stable across attempts; pass it on as an idempotency key.
import type { z } from 'zod';
import type { Logger } from './logger.js';

export interface QueuedEffect<P> {
  id: string;
  /** Stable across attempts and crashes: send it as the provider's idempotency key. */
  key: string;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
  workspaceId: string;
  customerId: string;
  journeyId: string;
  versionId: string;
  nodeId: string;
  createdAt: Date;
}

/**
 * `fetch`, through Afterglow's outbound-address guard (no private or loopback targets) and a
 * deadline. A target the guard refuses rejects, before any connection, with an Error whose
 * `name` is 'TargetRefused' and whose message names the address: trying again cannot help.
 */
export type GuardedFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

export interface DeliveryContext<Settings> {
  now(): Date;
  /** The workspace's settings of this service (secrets opened), or null when not configured yet. */
  settings: Settings | null;
  fetch: GuardedFetch;
  /** An absolute URL of this plugin's route (for provider callbacks), for the effect's workspace. */
  routeUrl(path: string): string;
  log: Logger;
}

export type DeliveryResult =
  /** Done. `count` names a counter of the queuing node to add 1 to (e.g. 'delivered'). */
  | { status: 'delivered'; externalId?: string; count?: string }
  /** Accepted by the provider; the final outcome arrives later through a route (`settle`). */
  | { status: 'accepted'; externalId: string; count?: string }
  /** Try again (default: exponential backoff with jitter; `after` overrides, e.g. Retry-After). */
  | { status: 'retry'; error: string; after?: Date }
  /** Final failure: never tried again. */
  | { status: 'failed'; error: string; count?: string };

export interface RetryPolicy {
  /** Attempts before the effect fails for good (default 8). */
  maxAttempts?: number;
  /** Delay after the first failed attempt, doubled each time (default 30 s). */
  baseDelayMs?: number;
  /** The longest delay (default 1 h). */
  maxDelayMs?: number;
  /** A counter of the queuing node to add 1 to when the attempts run out (e.g. 'undelivered'). */
  exhaustedCount?: string;
}

/**
 * Any service, whatever its payload and settings: what lists and registries hold. (`any`, not
 * `unknown`: deliver() takes the payload as a parameter, so a narrower service would not fit.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyServiceDefinition = ServiceDefinition<any, any>;

export interface ServiceDefinition<P extends z.ZodType = z.ZodType, S extends z.ZodType = z.ZodType> {
  /** Stable forever, namespaced like node types: `sms/gateway`. */
  id: string;
  label: string;
  /** What a step queues; a payload that does not parse fails the step with a `config` error. */
  payload: P;
  /**
   * Per-workspace settings (base URL, account, token), edited by an admin under Settings >
   * Integrations with a form generated from this schema; `widget: 'secret'` fields are sealed.
   */
  settings?: S;
  /** Defaults of the settings form. */
  settingsDefaults?: Partial<z.input<S>>;
  /** Counters this service's outcomes add to, by counter id (documentation and checks). */
  counters?: readonly string[];
  retry?: RetryPolicy;
  deliver(effect: QueuedEffect<z.output<P>>, ctx: DeliveryContext<z.output<S>>): Promise<DeliveryResult>;
}

// Delivers due service effects (service_effects rows queued by ctx.enqueue) through their
// services (Call webhook steps' calls among them): due 'pending' rows are claimed with FOR UPDATE SKIP
// LOCKED in one transaction that stays open while they are delivered (a few at a time), so any
// number of workers never deliver the same effect at once; the outcomes, and the counters they
// name, are written back in that transaction.
//
// Delivery is at least once. A worker that dies (or a transaction that fails) after deliver()
// reached the provider and before the outcome commits leaves the effect pending, unchanged:
// it is delivered again, with the same effect key and the same attempt number. A service must
// pass `effect.key` on as the provider's idempotency key (or look the effect up by it) for the
// provider to act once.
//
// Outcomes: 'delivered' and 'failed' are final (settled_at set); 'accepted' waits for the
// provider's callback to settle it through the plugin's route; 'retry' (and a deliver() that
// throws or hangs) is tried again after the service's RetryPolicy's backoff, and fails for good
// once its attempts are used up. An effect whose service is no longer installed is kept pending
// without using an attempt, and delivered once its plugin is enabled again. Once nothing will
// send an effect again (final or accepted), the secret fields of its payload are emptied.
import type { SecretBox, Sql } from '@afterglow/db';
import type { Logger, NodeRegistry, AnyServiceDefinition } from '@afterglow/node-sdk';
import type { Resolver } from '../outbound/guard';
import { attemptEffect, type ClaimedEffect, type Outcome } from './attempt';
import { createGuardedFetch } from './guarded-fetch';
import { writeOutcomes } from './outcomes';
import { readServiceSettings } from './settings';

const DELIVER_CONCURRENCY = 5;
/** The longest one deliver() may take (its fetches have their own, shorter deadline). */
const DELIVER_TIMEOUT_MS = 30_000;

export interface ServiceDispatchOptions {
  sql: Sql;
  /** Opens the payloads' and the settings' secret fields. */
  secrets: SecretBox;
  registry: NodeRegistry;
  now: Date;
  /** Base of the plugins' route URLs (AFTERGLOW_PUBLIC_URL). */
  publicUrl: () => string;
  /** Let private and loopback targets through: tests and development receivers only. */
  allowPrivate?: boolean;
  log: Logger;
  resolve?: Resolver;
  batchSize?: number;
  /** Deadline of each call through the guarded fetch. */
  fetchTimeoutMs?: number;
  deliverTimeoutMs?: number;
  random?: () => number;
}

export interface ServiceDispatchResult { delivered: number; accepted: number; retried: number; failed: number }

/** `${publicUrl}/hooks/<plugin id>/<workspace id>/<path>`: where the plugin's routes answer. */
function routeUrlOf(opts: ServiceDispatchOptions) {
  return (service: AnyServiceDefinition, workspaceId: string, path: string): string => {
    const plugin = opts.registry.plugins().find((p) => p.services?.includes(service));
    if (!plugin) throw new Error(`Service ${service.id} belongs to no plugin, so it has no routes`);
    return `${opts.publicUrl().replace(/\/+$/, '')}/hooks/${plugin.id}/${encodeURIComponent(workspaceId)}/${path.replace(/^\/+/, '')}`;
  };
}

export async function dispatchDueServiceEffects(opts: ServiceDispatchOptions): Promise<ServiceDispatchResult> {
  return opts.sql.begin(async (tx) => {
    const rows = await tx<ClaimedEffect[]>`
      select id, workspace_id, service_id, effect_key, journey_id, version_id, node_id, customer_id, payload, attempts, created_at
      from service_effects
      where status = 'pending' and next_attempt_at <= ${opts.now}
      order by next_attempt_at
      limit ${opts.batchSize ?? 20}
      for update skip locked`;
    if (rows.length === 0) return { delivered: 0, accepted: 0, retried: 0, failed: 0 };
    // Settings are read once per workspace and service in a round (through its transaction).
    const settings = new Map<string, Promise<unknown>>();
    const deps = {
      registry: opts.registry, secrets: opts.secrets, now: opts.now, log: opts.log, random: opts.random ?? Math.random,
      deliverTimeoutMs: opts.deliverTimeoutMs ?? DELIVER_TIMEOUT_MS, routeUrl: routeUrlOf(opts),
      fetch: createGuardedFetch({ allowPrivate: opts.allowPrivate ?? false, resolve: opts.resolve, timeoutMs: opts.fetchTimeoutMs }),
      settings(workspaceId: string, service: AnyServiceDefinition) {
        const key = `${workspaceId}\u0000${service.id}`;
        if (!settings.has(key)) settings.set(key, readServiceSettings(tx, opts.secrets, workspaceId, service));
        return settings.get(key)!;
      },
    };
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(DELIVER_CONCURRENCY, rows.length) }, async () => {
      while (next < rows.length) outcomes.push(await attemptEffect(rows[next++], deps));
    }));
    await writeOutcomes(tx, rows, outcomes, opts.now, opts.registry, opts.log);
    const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
    return { delivered: count('delivered'), accepted: count('accepted'), retried: count('pending'), failed: count('failed') };
  }) as Promise<ServiceDispatchResult>;
}

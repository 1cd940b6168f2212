// One delivery attempt of a claimed effect: its service's deliver() called with the payload's
// secrets opened, the workspace's settings, the guarded fetch and the plugin's route URLs, and
// what it answered turned into the row's next state. Whatever goes wrong here (a throw, an
// answer that is not an outcome, a deliver() that never returns) is a failed attempt, retried
// like any other: one effect must not stop the others of its batch.
import type { SecretBox } from '@afterglow/db';
import { mapConfigSecrets, secretFieldsOf } from '@afterglow/journey-core';
import type { DeliveryContext, DeliveryResult, GuardedFetch, Logger, NodeRegistry, QueuedEffect, AnyServiceDefinition } from '@afterglow/node-sdk';
import { retryPolicyOf, serviceRetryDelayMs, uninstalledDelayMs } from './retry';

export interface ClaimedEffect {
  id: string;
  workspace_id: string;
  service_id: string;
  effect_key: string;
  journey_id: string | null;
  version_id: string | null;
  node_id: string | null;
  customer_id: string;
  payload: unknown;
  attempts: number;
  created_at: Date;
}

export interface Outcome {
  id: string;
  status: 'pending' | 'accepted' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  external_id: string | null;
  error: string | null;
  /** The payload with its secrets emptied, once nothing will send it again; absent: unchanged. */
  scrubbed?: unknown;
  /** The counter of the queuing node this outcome adds 1 to. */
  count: string | null;
}

export interface AttemptDeps {
  registry: NodeRegistry;
  secrets: SecretBox;
  now: Date;
  fetch: GuardedFetch;
  settings(workspaceId: string, service: AnyServiceDefinition): Promise<unknown>;
  routeUrl(service: AnyServiceDefinition, workspaceId: string, path: string): string;
  log: Logger;
  random: () => number;
  deliverTimeoutMs: number;
}

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`deliver() did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function checked(result: DeliveryResult): DeliveryResult {
  const status = (result as { status?: unknown } | null)?.status;
  if (status !== 'delivered' && status !== 'accepted' && status !== 'retry' && status !== 'failed') {
    throw new Error(`deliver() answered ${JSON.stringify(result)}, not an outcome`);
  }
  if (result.status === 'accepted' && !result.externalId) throw new Error('deliver() answered accepted without the provider\'s externalId');
  return result;
}

export async function attemptEffect(row: ClaimedEffect, deps: AttemptDeps): Promise<Outcome> {
  const { now } = deps;
  const service = deps.registry.service(row.service_id);
  if (!service) {
    return { id: row.id, status: 'pending', attempts: row.attempts, external_id: null, count: null,
      next_attempt_at: later(now, uninstalledDelayMs(row.created_at, now, deps.random)),
      error: `Service ${row.service_id} is not installed (its plugin is not enabled): kept, and delivered once it is` };
  }
  const attempt = row.attempts + 1;
  const policy = retryPolicyOf(service.retry);
  const final = { attempts: attempt, next_attempt_at: null,
    ...(secretFieldsOf({ config: service.payload }).secrets.length
      ? { scrubbed: mapConfigSecrets({ config: service.payload }, row.payload, () => '') } : {}) };
  const retry = (error: string, after?: Date): Outcome => attempt >= policy.maxAttempts
    ? { id: row.id, status: 'failed', external_id: null, count: null, error: `gave up after ${attempt} attempts: ${error}`, ...final }
    : { id: row.id, status: 'pending', attempts: attempt, external_id: null, count: null, error,
        // Never sooner than a second from now: a provider's Retry-After of 0 must not spin the dispatcher.
        next_attempt_at: after instanceof Date && Number.isFinite(after.getTime())
          ? new Date(Math.max(after.getTime(), now.getTime() + 1000)).toISOString()
          : later(now, serviceRetryDelayMs(policy, attempt, deps.random)) };
  let result: DeliveryResult;
  try {
    const effect: QueuedEffect<unknown> = {
      id: row.id, key: row.effect_key, attempt, workspaceId: row.workspace_id, customerId: row.customer_id,
      journeyId: row.journey_id ?? '', versionId: row.version_id ?? '', nodeId: row.node_id ?? '', createdAt: row.created_at,
      payload: mapConfigSecrets({ config: service.payload }, row.payload, (value) => deps.secrets.open(value)),
    };
    const ctx: DeliveryContext<unknown> = {
      now: () => now, settings: await deps.settings(row.workspace_id, service), fetch: deps.fetch,
      routeUrl: (path) => deps.routeUrl(service, row.workspace_id, path),
      log: deps.log.child({ service: service.id, effectId: row.id }),
    };
    result = checked(await withDeadline(Promise.resolve(service.deliver(effect, ctx)), deps.deliverTimeoutMs));
  } catch (err) {
    return retry(err instanceof Error ? err.message : String(err));
  }
  switch (result.status) {
    case 'delivered':
      return { id: row.id, status: 'delivered', external_id: result.externalId ?? null, error: null, count: result.count ?? null, ...final };
    case 'accepted':
      return { id: row.id, status: 'accepted', external_id: result.externalId, error: null, count: result.count ?? null, ...final };
    case 'failed':
      return { id: row.id, status: 'failed', external_id: null, error: String(result.error ?? 'deliver() gave no reason'),
        count: result.count ?? null, ...final };
    case 'retry':
      return retry(String(result.error ?? 'deliver() gave no reason'), result.after);
  }
}

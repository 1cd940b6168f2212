// ctx.enqueue and the batch's write of what it queued: one service_effects row per effect key
// (run, node, service, and the node's own key when it gives one), inserted with one set-based
// statement in the batch's transaction, so a step and its effects commit together or not at
// all, and a retried batch (or a step run again after a hold) queues nothing twice. The payload
// is checked with the service's schema here, at step time: a payload that does not parse is a
// fault of the node or its config, never retried. Fields the schema marks `widget: 'secret'`
// are stored sealed; the dispatcher opens them for deliver().
import type { Queryable, SecretBox } from '@afterglow/db';
import { mapConfigSecrets } from '@afterglow/journey-core';
import { NodeError, type EnqueueOptions, type NodeRegistry, type AnyServiceDefinition } from '@afterglow/node-sdk';
import { effectKey as stepEffectKey } from '../effects';
import { withhold } from '../holdout';
import type { RunRow } from '../types';

export interface ServiceEffectRow {
  workspace_id: string;
  service_id: string;
  effect_key: string;
  run_id: string;
  journey_id: string;
  version_id: string;
  node_id: string;
  customer_id: string;
  /** As the service's payload schema parsed it, secret fields sealed. */
  payload: unknown;
  marketing: boolean;
  next_attempt_at: string;
  created_at: string;
}

/** Queued effects of a batch by workspace and effect key: the first enqueue of a key wins. */
export type ServiceEffectBuffer = Map<string, ServiceEffectRow>;

export interface EnqueueScope {
  run: RunRow;
  nodeId: string;
  customerId: string;
  now: Date;
  /** The step's facts: `services` lists what it queued. */
  detail: Record<string, unknown>;
  /** The run is held out (ctx.holdOut()): the payload is checked, then withheld. */
  heldOut?: boolean;
}

export interface EnqueueDeps {
  registry: NodeRegistry;
  secrets: SecretBox;
  effects: ServiceEffectBuffer;
}

/** The service as installed: a node reaching for one that is not is misconfigured, not unlucky. */
function installed(registry: NodeRegistry, service: AnyServiceDefinition): AnyServiceDefinition {
  const found = registry.service(service?.id);
  if (!found) {
    throw new NodeError(`Service ${service?.id ?? '(none)'} is not installed: enable the plugin that provides it in afterglow.config.ts`,
      { code: 'config' });
  }
  return found;
}

export function enqueueEffect(
  scope: EnqueueScope, deps: EnqueueDeps, requested: AnyServiceDefinition, payload: unknown, options: EnqueueOptions = {},
): void {
  const service = installed(deps.registry, requested);
  if (options.key !== undefined && (typeof options.key !== 'string' || options.key.length < 1 || options.key.length > 200)) {
    throw new NodeError(`${service.id}: the effect's key must be 1 to 200 characters`, { code: 'config' });
  }
  const parsed = service.payload.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.');
    throw new NodeError(`${service.id}: ${field || 'payload'} ${issue.message}`, { code: 'config', field });
  }
  // Stored as JSON in a column that holds a value: nothing is not a payload.
  if (parsed.data === undefined || parsed.data === null) throw new NodeError(`${service.id}: the payload is empty`, { code: 'config' });
  const { run, nodeId, now, detail } = scope;
  const name = options.key ? `${service.id}:${options.key}` : service.id;
  if (scope.heldOut) {
    ((detail.services ??= {}) as Record<string, string>)[name] = 'held out';
    withhold(detail);
    return;
  }
  const effectKey = `${stepEffectKey(run, nodeId)}:${name}`;
  const slot = `${run.workspaceId}\u0000${effectKey}`;
  // One effect per key: a second enqueue of the same key (in this step, or a later visit of the node) is the first one.
  if (deps.effects.has(slot)) return;
  const at = now.toISOString();
  deps.effects.set(slot, {
    workspace_id: run.workspaceId, service_id: service.id, effect_key: effectKey, run_id: run.id, journey_id: run.journeyId,
    version_id: run.versionId, node_id: nodeId, customer_id: scope.customerId,
    payload: mapConfigSecrets({ config: service.payload }, parsed.data, (value) => deps.secrets.seal(value)),
    marketing: options.marketing === true, next_attempt_at: at, created_at: at,
  });
  ((detail.services ??= {}) as Record<string, string>)[name] = 'queued';
}

export async function writeServiceEffects(tx: Queryable, effects: ServiceEffectBuffer): Promise<void> {
  if (effects.size === 0) return;
  // Sorted: batches inserting side by side take their index locks in one order.
  const rows = [...effects.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  // A row already there (a retried batch, a held step run again) stays as it is: the effect happens once.
  await tx`
    insert into service_effects (workspace_id, service_id, effect_key, run_id, journey_id, version_id, node_id, customer_id,
      payload, marketing, next_attempt_at, created_at)
    select * from jsonb_to_recordset(${tx.json(rows as never)}) as v(workspace_id text, service_id text, effect_key text,
      run_id uuid, journey_id text, version_id text, node_id text, customer_id text, payload jsonb, marketing boolean,
      next_attempt_at timestamptz, created_at timestamptz)
    on conflict (workspace_id, effect_key) do nothing`;
}

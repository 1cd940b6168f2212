// The ExecContext a node's execute() receives, built per step. Counters and effects land in
// the step's detail and the batch's buffer: nothing is written until the batch commits.
import { HOLDOUT_REASON, NodeError, type CustomerSnapshot, type ExecContext, type JourneyEvent, type NodeTypeDefinition } from '@afterglow/node-sdk';
import { effectKey, StepServices, type ServiceDeps } from './effects';
import { holdOut, isHeldOut, withhold } from './holdout';
import { enqueueEffect } from './services/queue';
import type { Logger, RunRow } from './types';

export interface StepInput {
  run: RunRow;
  def: NodeTypeDefinition;
  nodeId: string;
  stepCount: number;
  customer: CustomerSnapshot;
  trigger: JourneyEvent | null;
  now: Date;
  /** Facts about the step, stored in run_steps.detail; `counts` holds the node's counters. */
  detail: Record<string, unknown>;
  /** Where ctx.log writes, each line saying which run and step wrote it. */
  logger: Logger;
}

/** Each node type's declared counters, built once per type rather than at each step. */
const declaredCounters = new WeakMap<NodeTypeDefinition, Set<string>>();

function countersOf(def: NodeTypeDefinition): Set<string> {
  let declared = declaredCounters.get(def);
  if (!declared) declaredCounters.set(def, (declared = new Set((def.counters ?? []).map((c) => c.id))));
  return declared;
}

export function stepContext(input: StepInput, deps: ServiceDeps): ExecContext {
  const { run, def, nodeId, customer, trigger, now, detail, logger } = input;
  const declared = countersOf(def);
  // Methods rather than arrow functions: none reads `this`, and a step builds no named closures.
  return {
    run: { id: run.id, journeyId: run.journeyId, versionId: run.versionId, enteredAt: run.enteredAt,
      stepCount: input.stepCount, trigger, context: run.context },
    customer, nodeId, idempotencyKey: effectKey(run, nodeId),
    now() {
      return now;
    },
    log(message, data) {
      logger.info(message, { runId: run.id, nodeId, ...data });
    },
    services: new StepServices({ run, nodeId, customer, trigger, now, detail }, deps),
    count(counter, by = 1) {
      if (!declared.has(counter)) throw new NodeError(`${def.id} counts "${counter}", which it does not declare in counters`, { code: 'config' });
      if (!Number.isFinite(by)) throw new NodeError(`${def.id} counts "${counter}" by ${by}`, { code: 'config' });
      const counts = (detail.counts ??= {}) as Record<string, number>;
      counts[counter] = (counts[counter] ?? 0) + by;
    },
    async enqueue(service, payload, options) {
      enqueueEffect({ run, nodeId, customerId: customer.id, now, detail, heldOut: isHeldOut(run) },
        { registry: deps.registry, secrets: deps.secrets, effects: deps.buffer.services }, service, payload, options);
    },
    sendPolicy: {
      async check(request) {
        if (!isHeldOut(run)) return deps.policy.check(run.workspaceId, customer, request);
        withhold(detail); // no slot under the cap is taken for a message that is never sent
        return { decision: 'skip', reason: HOLDOUT_REASON };
      },
    },
    holdOut() {
      holdOut(run, nodeId, now, detail, deps.buffer.holdouts);
    },
  };
}

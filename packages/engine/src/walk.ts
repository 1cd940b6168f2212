// Walks one claimed run forward from its current node until it sleeps, waits, ends or
// fails. Pure with respect to the database: it returns the run's new state and step rows;
// effects go to the shared buffer. Node types are looked up in the registry, never switched on.
import type { JourneyPlan } from '@afterglow/journey-core';
import { NodeError, type CustomerSnapshot, type Instruction, type JourneyEvent, type NodeTypeDefinition } from '@afterglow/node-sdk';
import type { ServiceDeps } from './effects';
import { heldOutAtEntry, JOURNEY_HOLDOUT_REASON } from './journey-holdout';
import { takeLoop } from './loops';
import { stepContext } from './step-context';
import type { Logger, RunRow, WaitState } from './types';

/**
 * A run that walks more steps than this in one go (a Go to loop with no wait in it) is parked,
 * due at once, and goes on in a later batch: one run never holds a batch for long.
 */
const MAX_STEPS_PER_WALK = 100;
const MAX_RETRIES = 5;

export interface StepRow {
  run_id: string;
  step_no: number;
  workspace_id: string;
  version_id: string;
  node_id: string;
  /** 'goal' rows are written by event-effects when an event ends the run. */
  outcome: 'next' | 'sleep' | 'resume' | 'exit' | 'end' | 'error' | 'retry' | 'goal' | 'defer';
  branch: string | null;
  detail: Record<string, unknown> | null;
}

export interface RunUpdate {
  id: string;
  status: 'active' | 'waiting' | 'completed' | 'exited' | 'failed';
  node_id: string;
  due_at: string | null;
  wait: WaitState | null;
  step_count: number;
  exit_reason: string | null;
  last_error: string | null;
}

/** A node's config as its schema parsed it (or why it does not parse). */
export type ParsedConfig = ReturnType<NodeTypeDefinition['config']['safeParse']>;

/** The services' dependencies, plus what the walk itself reads. */
export interface WalkDeps extends ServiceDeps {
  now: Date;
  log: Logger;
  /**
   * Each node's parsed config by node id, shared by every walk of one plan that does not change
   * (a simulation walks each of its runs through one plan). Without it (an engine batch), the
   * configs are kept per plan object (plans are cached per process and never change): either
   * way a node's config is parsed once, not at each step.
   */
  configs?: Map<string, ParsedConfig>;
}

/** One walk's record: its steps so far and where the run stands (methods, not closures per walk). */
class WalkRecord {
  readonly steps: StepRow[] = [];
  stepNo: number;
  nodeId: string;

  constructor(private readonly run: RunRow, private readonly plan: JourneyPlan) {
    this.stepNo = run.stepCount;
    this.nodeId = run.nodeId;
  }

  record(outcome: StepRow['outcome'], branch: string | null, detail: Record<string, unknown> | null = null): void {
    const { run } = this;
    this.steps.push({ run_id: run.id, step_no: ++this.stepNo, workspace_id: run.workspaceId, version_id: run.versionId,
      node_id: this.nodeId, outcome, branch, detail });
  }

  done(status: RunUpdate['status'], extra: Partial<RunUpdate> = {}): { update: RunUpdate; steps: StepRow[] } {
    return {
      update: { id: this.run.id, status, node_id: this.nodeId, due_at: null, wait: null, step_count: this.stepNo,
        exit_reason: null, last_error: null, ...extra },
      steps: this.steps,
    };
  }

  /** Follows a branch; false when the branch is not connected, which ends the journey. */
  follow(branch: string): boolean {
    const target = this.plan.nodes[this.nodeId]?.next[branch] ?? null;
    if (target) this.nodeId = target;
    return target !== null;
  }
}

/** Parsed configs per cached plan, for walks given no `configs` of their own (engine batches). */
const configsByPlan = new WeakMap<JourneyPlan, Map<string, ParsedConfig>>();

function configsOf(plan: JourneyPlan): Map<string, ParsedConfig> {
  let configs = configsByPlan.get(plan);
  if (!configs) configsByPlan.set(plan, (configs = new Map()));
  return configs;
}

/**
 * Frozen all the way down: one parsed config serves every run of its plan, so a node type that
 * changed its config would change it for every run after it. Frozen, such a change throws in
 * that step instead (strict mode), and the other runs keep the config as published.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key]);
  }
  return value;
}

/** The node's config parsed with its schema, once per node of a plan (see `configs`). */
function parsedConfig(def: NodeTypeDefinition, nodeId: string, config: unknown, configs: Map<string, ParsedConfig>): ParsedConfig {
  let parsed = configs.get(nodeId);
  if (!parsed) {
    parsed = def.config.safeParse(config);
    if (parsed.success) deepFreeze(parsed.data);
    configs.set(nodeId, parsed);
  }
  return parsed;
}

const hasKeys = (o: Record<string, unknown>): boolean => {
  for (const key in o) if (Object.hasOwn(o, key)) return true;
  return false;
};

export async function walkRun(
  run: RunRow, plan: JourneyPlan, customer: CustomerSnapshot, deps: WalkDeps,
): Promise<{ update: RunUpdate; steps: StepRow[] }> {
  const { now } = deps;
  const walk = new WalkRecord(run, plan);

  if (run.status === 'waiting' && run.wait?.rerun) {
    walk.record('resume', null, { rerun: true }); // a deferred step runs again where it stopped
  } else if (run.status === 'waiting' && run.wait) {
    walk.record('resume', run.wait.onTime);
    if (!walk.follow(run.wait.onTime)) return walk.done('completed', { exit_reason: 'end of journey' });
  }
  // Held out by the journey: tracked (its group, its orders), but it walks nothing.
  if (heldOutAtEntry(run, plan)) {
    walk.record('exit', null, { reason: JOURNEY_HOLDOUT_REASON, held_out: true });
    return walk.done('exited', { exit_reason: JOURNEY_HOLDOUT_REASON });
  }
  const trigger: JourneyEvent | null = run.context.trigger
    ? { ...run.context.trigger, customerId: run.customerId, timestamp: new Date(run.context.trigger.timestamp) }
    : null;

  for (let i = 0; i < MAX_STEPS_PER_WALK; i++) {
    const { nodeId } = walk;
    const node = plan.nodes[nodeId];
    // The version the journey was published with: an upgrade of the package does not change it.
    const def = node && deps.registry.get(node.type, node.typeVersion);
    if (!node || !def) {
      const type = node ? `${node.type} v${node.typeVersion}` : '(missing)';
      walk.record('error', null, { error: `Unknown node ${nodeId} (${type})`, code: 'config' });
      return walk.done('failed', { last_error: `Node ${nodeId} has a type this Afterglow does not have: ${type}` });
    }
    // Re-parsed with the node's schema: a config that no longer parses (a plan written by an
    // older Afterglow, a database edited by hand) fails the run now, with the field named.
    const config = parsedConfig(def, nodeId, node.config, deps.configs ?? configsOf(plan));
    if (!config.success) {
      const issue = config.error.issues[0];
      const field = issue.path.map(String).join('.');
      walk.record('error', null, { error: `Config ${field || '(node)'}: ${issue.message}`, field, code: 'config' });
      return walk.done('failed', { last_error: `${nodeId}: config ${field || '(node)'}: ${issue.message}` });
    }
    const detail: Record<string, unknown> = {};
    let instruction: Instruction;
    try {
      // A node without execute (a trigger) simply passes the customer on.
      instruction = def.execute
        ? await def.execute(stepContext({ run, def, nodeId, stepCount: walk.stepNo, customer, trigger, now, detail, logger: deps.log }, deps), config.data)
        : { kind: 'next', branch: Object.keys(node.next)[0] ?? 'out' };
      // A turn through a declared loop branch is counted, and refused past the type's limit.
      if (instruction.kind === 'next' && def.loop?.branch === instruction.branch) takeLoop(run, nodeId, def, config.data, deps.buffer.loops);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retries = (run.wait?.retries ?? 0) + 1;
      // Only a transient failure is worth retrying; any other exception is taken as one.
      const code = err instanceof NodeError ? err.code : 'transient';
      if (code !== 'transient' || retries > MAX_RETRIES) {
        walk.record('error', null, { error: message, code, field: err instanceof NodeError ? err.field : undefined });
        return walk.done('failed', { last_error: `${nodeId}: ${message}` });
      }
      walk.record('retry', null, { error: message, attempt: retries });
      const backoff = Math.min(2 ** retries * 1000, 3600e3) * (0.5 + Math.random());
      return walk.done('active', { due_at: new Date(now.getTime() + backoff).toISOString(), last_error: message,
        wait: { onTime: '', retries } });
    }
    const facts = hasKeys(detail) ? detail : null;
    switch (instruction.kind) {
      case 'next':
        walk.record('next', instruction.branch, facts);
        if (!walk.follow(instruction.branch)) return walk.done('completed', { exit_reason: 'end of journey' });
        continue;
      case 'sleepUntil':
        walk.record('sleep', null, { until: instruction.until.toISOString(), ...facts });
        return walk.done('waiting', { due_at: instruction.until.toISOString(), wait: { onTime: instruction.branch } });
      case 'waitForEvent':
        // The awaited event (handleEvents) switches onTime to onEvent and makes the run due now.
        walk.record('sleep', null, { until: instruction.timeoutAt.toISOString(), event: instruction.event, ...facts });
        return walk.done('waiting', { due_at: instruction.timeoutAt.toISOString(), wait: {
          onTime: instruction.onTimeout, event: instruction.event, match: instruction.match, onEvent: instruction.onEvent } });
      case 'hold':
        // Quiet hours or a held frequency cap: wait, then run this same node again.
        walk.record('defer', null, { reason: instruction.reason, until: instruction.until.toISOString(), ...facts });
        return walk.done('waiting', { due_at: instruction.until.toISOString(), wait: { onTime: '', rerun: true } });
      case 'exit':
        walk.record('exit', null, { reason: instruction.reason, ...facts });
        return walk.done('exited', { exit_reason: instruction.reason });
    }
  }
  return walk.done('active', { due_at: now.toISOString() });
}

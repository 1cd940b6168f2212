// One customer's share of a window of simulated time, in exact order: each of their events and
// each of their runs' due steps, whichever comes first, as the live engine would meet them. An
// event first ends runs whose goal it meets and wakes runs waiting for it (event-effects.ts's own
// rules), then enters the journey (enrol.ts's entryFor); a due run walks with the engine's walkRun.
import type { JourneyPlan } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { randomUUID } from 'node:crypto';
import type { EffectBuffer } from '../effects';
import type { entryFor } from '../enrol';
import { awaits, meetsGoal, type Candidate } from '../event-effects';
import type { StoredEvent } from '../types';
import { walkRun, type WalkDeps } from '../walk';
import type { CustomerState } from './customers';
import type { DueIndex, SimRun } from './runs';
import type { BufferPool } from './sandbox';
import type { Tally } from './tally';
import type { ScheduledEntry } from './scheduled';
import type { Tracer } from './trace';

export interface LoopScope {
  registry: NodeRegistry;
  plan: JourneyPlan;
  workspaceId: string;
  journeyId: string;
  versionId: string;
  index: DueIndex;
  tally: Tally;
  tracer: Tracer | null;
  /** Lends each walk a buffer for its effects, taken back once they are counted. */
  buffers: BufferPool;
  /** Counts runs alive in memory; throws past the simulation's bound. */
  started(): void;
  ended(): void;
}

/** Guards against a step that keeps making itself due at once (a loop with no wait). */
const MAX_TURNS = 10_000;

/** A customer's share of a window: their events and the entries no event makes (scheduled.ts), each in time order. */
export interface CustomerWindow {
  events: StoredEvent[];
  /** Each event's entry (enrol.ts's entryFor, asked once per event), or null: it enters nobody. */
  entries: (Entry | null)[];
  scheduled: ScheduledEntry[];
}

type Entry = NonNullable<ReturnType<typeof entryFor>>;
/** A walk's dependencies at its own moment, with the buffer it writes its effects into (sandbox.ts). */
type DepsAt = (now: Date, buffer: EffectBuffer) => WalkDeps;

export async function runCustomer(
  scope: LoopScope, c: CustomerState, window: CustomerWindow, windowEnd: number, depsAt: DepsAt,
): Promise<void> {
  const { events, scheduled } = window;
  let i = 0;
  let k = 0;
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const run = earliestDue(c.runs, windowEnd);
    const event = events[i];
    const entry = scheduled[k];
    const next = Math.min(event ? event.timestamp.getTime() : Infinity, entry ? entry.at : Infinity);
    if (run && run.dueAt! <= next) {
      await walk(scope, c, run, depsAt);
      continue;
    }
    if (next === Infinity) break;
    if (entry && entry.at === next) {
      k++;
      enter(scope, c, entry, new Date(entry.at), entry.context.calendar ?? { segmentId: entry.context.segmentId });
      continue;
    }
    applyEvent(scope, c, event, window.entries[i]);
    i++;
  }
}

function earliestDue(runs: SimRun[], windowEnd: number): SimRun | null {
  let best: SimRun | null = null;
  for (const r of runs) if (r.dueAt !== null && r.dueAt < windowEnd && (!best || r.dueAt < best.dueAt!)) best = r;
  return best;
}

function end(scope: LoopScope, c: CustomerState, run: SimRun, status: string, reason: string | null, at: Date) {
  scope.tally.ended(status, run.row.nodeId, reason);
  scope.tracer?.end(c.snapshot.id, run.row, status, reason, at);
  scope.index.set(run, null);
  c.runs.splice(c.runs.indexOf(run), 1);
  scope.ended();
}

function applyEvent(scope: LoopScope, c: CustomerState, event: StoredEvent, entry: Entry | null) {
  const { plan } = scope;
  for (const run of [...c.runs]) {
    const candidate: Candidate = { id: run.row.id, workspaceId: scope.workspaceId, customerId: c.snapshot.id, status: run.row.status,
      wait: run.row.wait, triggerProperties: run.row.context.trigger?.properties ?? null, goal: plan.settings.goal };
    if (meetsGoal(candidate, event)) {
      scope.tally.step(run.row.nodeId, 'goal', null);
      scope.tracer?.goal(c.snapshot.id, run.row, event);
      end(scope, c, run, 'exited', `goal: ${event.name}`, event.timestamp);
    } else if (awaits(candidate, event) && run.row.wait) {
      run.row.wait = { ...run.row.wait, onTime: run.row.wait.onEvent! };
      scope.tracer?.woken(c.snapshot.id, run.row, event);
      scope.index.set(run, event.timestamp.getTime());
    }
  }
  if (entry) enter(scope, c, entry, event.timestamp, { event: event.name, properties: event.properties });
}

/** Enters the journey under its re-entry rule (the entry keys and, for "again after N days", the last entry's time). */
function enter(scope: LoopScope, c: CustomerState, entry: Omit<ScheduledEntry, 'customerId' | 'at'>, at: Date, detail: unknown) {
  if (c.entries.has(entry.entryKey)) return;
  if (entry.cooldownDays !== null) {
    const since = at.getTime() - entry.cooldownDays * 86400e3;
    if ([...c.entries.values()].some((t) => t > since)) return;
  }
  scope.started();
  c.entries.set(entry.entryKey, at.getTime());
  const run: SimRun = { dueAt: null, row: {
    id: randomUUID(), workspaceId: scope.workspaceId, customerId: c.snapshot.id, journeyId: scope.journeyId, versionId: scope.versionId,
    status: 'active', nodeId: scope.plan.triggerNodeId, wait: null, context: entry.context, stepCount: 0, enteredAt: at,
  } };
  c.runs.push(run);
  scope.index.set(run, at.getTime());
  scope.tally.entered(at);
  scope.tracer?.entered(c.snapshot.id, run.row, at, detail as Record<string, unknown>);
}

async function walk(scope: LoopScope, c: CustomerState, run: SimRun, depsAt: DepsAt) {
  const now = new Date(run.dueAt!);
  const buffer = scope.buffers.take();
  const { update, steps } = await walkRun(run.row, scope.plan, c.snapshot, depsAt(now, buffer));
  scope.tally.walked(run.row, scope.plan, c.snapshot, steps, buffer, now);
  scope.tracer?.walked(c.snapshot, run.row, steps, buffer, now);
  scope.buffers.give(buffer);
  Object.assign(run.row, { nodeId: update.node_id, wait: update.wait, stepCount: update.step_count });
  if (update.status === 'active' || update.status === 'waiting') {
    run.row.status = update.status;
    scope.index.set(run, update.due_at ? Date.parse(update.due_at) : null);
  } else {
    end(scope, c, run, update.status, update.exit_reason ?? update.last_error, now);
  }
}

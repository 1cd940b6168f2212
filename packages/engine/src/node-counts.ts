// Per-node counters of a version (entered, each branch taken, held, capped, points), added up by
// every batch for its own steps. The canvas reads these few rows every two seconds instead of
// counting millions of run_steps rows, and run_steps needs no index by version for it.
import { addNodeCounts, type CountRow, type Queryable } from '@afterglow/db';
import type { StepRow } from './walk';

/** Outcomes that do not mean a run arrived at the node (a wait resuming, a retry, a hold). */
const NOT_AN_ENTRY = new Set<StepRow['outcome']>(['resume', 'retry', 'goal', 'defer']);

type Count = { version: string; node: string; metric: string; n: number };

/** A batch's steps added up per (version, node, metric): thousands of steps, a few dozen rows. */
export function countSteps(steps: StepRow[]): Map<string, Count> {
  const counts = new Map<string, Count>();
  // Per (version, node), its metrics: one key built per step rather than one per metric.
  const places = new Map<string, Map<string, Count>>();
  let step: StepRow;
  let place: string;
  let metrics: Map<string, Count>;
  const add = (metric: string, amount = 1) => {
    const hit = metrics.get(metric);
    if (hit) hit.n += amount;
    else {
      const row = { version: step.version_id, node: step.node_id, metric, n: amount };
      metrics.set(metric, row);
      counts.set(`${place}\u0000${metric}`, row);
    }
  };
  for (step of steps) {
    place = `${step.version_id}\u0000${step.node_id}`;
    metrics = places.get(place) ?? new Map();
    places.set(place, metrics);
    if (!NOT_AN_ENTRY.has(step.outcome)) add('entered');
    if (step.branch) add(`branch:${step.branch}`);
    // Held by quiet hours or the frequency cap (each hold once), skipped by the cap.
    if (step.outcome === 'defer') add('held');
    const { detail } = step;
    if (!detail) continue;
    if (typeof detail.email === 'string' && detail.email.startsWith('skipped: frequency cap')) add('capped');
    // Held out: the run was put in a holdout group here, or this step's effect was withheld from it.
    if (detail.held_out === true) add('held_out');
    // Points granted (the ledger row is written in the same transaction).
    if (typeof detail.points === 'number') add('points', detail.points);
    // The node type's own counters (ctx.count).
    if (detail.counts) for (const [counter, n] of Object.entries(detail.counts as Record<string, number>)) add(counter, n);
  }
  return counts;
}

/**
 * The batch's last statement, with what its effects counted (`effects`: coupons issued):
 * batches side by side update the same few rows, so each holds them only until its commit,
 * and takes them in one order (sorted keys), never deadlocking.
 */
export async function writeNodeCounts(tx: Queryable, steps: StepRow[], effects: CountRow[] = []): Promise<void> {
  await addNodeCounts(tx, [...countSteps(steps).values(), ...effects]);
}

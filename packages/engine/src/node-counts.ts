// Per-node counters of a version (entered, each branch taken, held, capped, points), added up by
// every batch for its own steps. The canvas reads these few rows every two seconds instead of
// counting millions of run_steps rows, and run_steps needs no index by version for it.
import { addNodeCounts, type CountRow, type Queryable } from '@afterglow/db';
import type { StepRow } from './walk';

/** Outcomes that do not mean a run arrived at the node (a wait resuming, a retry, a hold). */
const NOT_AN_ENTRY = new Set<StepRow['outcome']>(['resume', 'retry', 'goal', 'defer']);

export function countSteps(steps: StepRow[]): Map<string, { version: string; node: string; metric: string; n: number }> {
  const counts = new Map<string, { version: string; node: string; metric: string; n: number }>();
  const add = (step: StepRow, metric: string, amount = 1) => {
    const key = `${step.version_id}\u0000${step.node_id}\u0000${metric}`;
    const hit = counts.get(key);
    if (hit) hit.n += amount;
    else counts.set(key, { version: step.version_id, node: step.node_id, metric, n: amount });
  };
  for (const step of steps) {
    if (!NOT_AN_ENTRY.has(step.outcome)) add(step, 'entered');
    if (step.branch) add(step, `branch:${step.branch}`);
    // Held by quiet hours or the frequency cap (each hold once), skipped by the cap.
    if (step.outcome === 'defer') add(step, 'held');
    if (String(step.detail?.email ?? '').startsWith('skipped: frequency cap')) add(step, 'capped');
    // Held out: the run was put in a holdout group here, or this step's effect was withheld from it.
    if (step.detail?.held_out === true) add(step, 'held_out');
    // Points granted (the ledger row is written in the same transaction).
    if (typeof step.detail?.points === 'number') add(step, 'points', step.detail.points);
    // The node type's own counters (ctx.count).
    for (const [counter, n] of Object.entries((step.detail?.counts ?? {}) as Record<string, number>)) add(step, counter, n);
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

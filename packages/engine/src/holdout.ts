// Holdout groups (ctx.holdOut(), e.g. from a Holdout step). A held-out run keeps walking its
// journey, so its conversions can be set against those of the runs that got the messages, but
// nothing reaches the customer: each service a later step reaches for withholds its effect and
// the step is counted `held_out` on its node. No node type needs to know: the mark is the run's
// context.holdout, read by the services, and stored with one statement per batch.
import type { Queryable } from '@afterglow/db';
import type { RunRow } from './types';

export interface HoldoutRow {
  run_id: string;
  node_id: string;
  at: string;
}

export const isHeldOut = (run: RunRow): boolean => run.context.holdout != null;

/** The step withheld an effect (or held the run out): counted once per step as `held_out`. */
export function withhold(detail: Record<string, unknown>): void {
  detail.held_out = true;
}

/** Marks the run held out from this step on; a run already held out stays as it was. */
export function holdOut(run: RunRow, nodeId: string, now: Date, detail: Record<string, unknown>, rows: HoldoutRow[]): void {
  if (isHeldOut(run)) return;
  const at = now.toISOString();
  // Later steps of this same walk read it from here; writeHoldouts stores it.
  run.context.holdout = { nodeId, at };
  rows.push({ run_id: run.id, node_id: nodeId, at });
  withhold(detail);
}

/** Stores the batch's new marks in the runs' context, in the batch's transaction. */
export async function writeHoldouts(tx: Queryable, rows: HoldoutRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx`
    update journey_runs r set context = jsonb_set(r.context, '{holdout}', jsonb_build_object('nodeId', v.node_id, 'at', v.at))
    from jsonb_to_recordset(${tx.json(rows as never)}) as v(run_id uuid, node_id text, at text)
    where r.id = v.run_id and not r.context ? 'holdout'`;
}

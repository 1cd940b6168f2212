// Bounded loops (a node type's `loop`: Go to's "Again"). The engine counts each run's turns through
// a step's loop branch in the run's context (`context.loops`, by node id, read by the step with
// loopTurns) and refuses one turn more than the step's declared limit, so a loop always ends
// whatever a step returns. A loop with no wait in it cannot spin the engine either: each turn is at
// least two steps, a walk stops after MAX_STEPS_PER_WALK and the run goes on in a later batch, and
// the limit ends it after at most (limit + 1) passes.
//
// A step visited again on a later turn must act again (a reminder sent each time), while a retried
// step must not act twice: effect keys carry the run's pass, the total of its turns so far, which
// a retry or a held step run again shares and a new turn does not.
import { NodeError, type NodeTypeDefinition } from '@afterglow/node-sdk';
import type { Queryable } from '@afterglow/db';
import type { RunRow } from './types';

/** The most turns any loop branch allows per run, whatever a node type declares. */
const MAX_LOOP_TURNS = 1000;

/** Each run's loop counts after this batch, by run id: stored by writeLoops. */
export type LoopBuffer = Map<string, Record<string, number>>;

const loopsOf = (run: RunRow): Record<string, number> => (run.context.loops ?? {}) as Record<string, number>;

/** The run's pass: how many loop turns it has taken in all (0 until it first loops). */
export const passOf = (run: RunRow): number =>
  (run.context.loops ? Object.values(loopsOf(run)).reduce((sum, n) => sum + n, 0) : 0);

/**
 * Counts a turn through a step's loop branch, or throws (a `config` error: the step broke its own
 * declared bound) when the run has used them all. Later steps of the walk see the count at once.
 */
export function takeLoop(run: RunRow, nodeId: string, def: NodeTypeDefinition, config: unknown, buffer: LoopBuffer): void {
  const limit = Math.min(Number(def.loop!.limit(config)), MAX_LOOP_TURNS);
  const loops = loopsOf(run);
  const turns = loops[nodeId] ?? 0;
  if (!(turns < limit)) {
    throw new NodeError(`${def.id} took its loop branch “${def.loop!.branch}” more than ${limit} times`, { code: 'config' });
  }
  run.context.loops = { ...loops, [nodeId]: turns + 1 };
  buffer.set(run.id, run.context.loops as Record<string, number>);
}

/** Stores the batch's new counts in the runs' context, in the batch's transaction. */
export async function writeLoops(tx: Queryable, buffer: LoopBuffer): Promise<void> {
  if (buffer.size === 0) return;
  const rows = [...buffer].map(([run_id, loops]) => ({ run_id, loops }));
  await tx`
    update journey_runs r set context = jsonb_set(r.context, '{loops}', v.loops)
    from jsonb_to_recordset(${tx.json(rows as never)}) as v(run_id uuid, loops jsonb)
    where r.id = v.run_id`;
}

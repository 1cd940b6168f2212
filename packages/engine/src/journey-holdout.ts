// The journey-level holdout (settings.holdout.percent, docs/analytics.md). At a run's first step
// the engine decides, from a hash of the journey and the customer, whether the entrant is held
// out: a held-out run exits there (reason 'holdout') and gets no message or effect from the
// journey; every entrant of such a journey joins the treated or the held-out group, whose
// orders ingestion counts for lift. The hash leaves out the run, so a customer who enters again
// lands in the same group; it is decided in the walk, whatever trigger enrolled the run, and no
// node type is involved.
import { JOURNEY_HOLDOUT_GROUP, type JourneyPlan } from '@afterglow/journey-core';
import { createHash } from 'node:crypto';
import type { RunRow } from './types';

export const JOURNEY_HOLDOUT_REASON = 'holdout';

/** A number in [0, 1), uniform over customers, the same every time for one journey and customer. */
export function entrantShare(journeyId: string, customerId: string): number {
  // 48 bits: exact in a double, finer than any whole percent.
  return createHash('sha256').update(`${journeyId}:${customerId}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

const percentOf = (plan: JourneyPlan): number => plan.settings?.holdout?.percent ?? 0;

/** The run has not taken a step yet: it stands at the trigger it entered by. */
const isEntry = (run: RunRow, plan: JourneyPlan): boolean =>
  run.stepCount === 0 && run.status === 'active' && run.nodeId === plan.triggerNodeId;

/** The run enters now and the journey holds this customer out. */
export function heldOutAtEntry(run: RunRow, plan: JourneyPlan): boolean {
  const percent = percentOf(plan);
  return percent > 0 && isEntry(run, plan) && entrantShare(run.journeyId, run.customerId) < percent / 100;
}

/** The group the run joins at entry ('…:in' treated, '…:out' held out), or null: no holdout, or not its entry. */
export function entryGroupOf(run: RunRow, plan: JourneyPlan): string | null {
  if (percentOf(plan) === 0 || !isEntry(run, plan)) return null;
  return `${JOURNEY_HOLDOUT_GROUP}:${heldOutAtEntry(run, plan) ? 'out' : 'in'}`;
}

// A redemption as a whole request: the transaction (again if Postgres picked it as a deadlock
// victim), the engine's enrolment of the Reward Redeemed event inside it, and the wake-up after.
import type { Database } from '@afterglow/db';
import type { Logger } from '@afterglow/node-sdk';
import type postgres from 'postgres';
import { retryTransaction } from '../ingest/retry';
import type { IngestedEvent } from '../ingest/store';
import { redeemReward, type Redemption, type RedeemRequest } from './redeem';

export interface RedeemDeps {
  database: Database;
  /** Enrols journeys on the stored events, in the transaction (the engine's enrolEvents); absent: stored only. */
  enrolEvents?: (tx: postgres.TransactionSql, events: IngestedEvent[]) => Promise<unknown>;
  wake?: () => Promise<unknown>;
  log?: Logger;
}

export async function runRedemption(deps: RedeemDeps, request: RedeemRequest): Promise<Omit<Redemption, 'events'>> {
  const { events, ...done } = await retryTransaction(() => deps.database.sql.begin(async (tx) => {
    const redemption = await redeemReward(tx, request);
    await deps.enrolEvents?.(tx, redemption.events);
    return redemption;
  }));
  deps.log?.info('reward redeemed', { workspaceId: request.workspaceId, customerId: request.customerId, rewardId: request.rewardId, events: events.length });
  try {
    await deps.wake?.();
  } catch (err) {
    // Stored and enrolled: a missed wake-up only delays the thank-you until the workers' next tick.
    deps.log?.warn('wake-up after a redemption failed', { error: String(err) });
  }
  return done;
}

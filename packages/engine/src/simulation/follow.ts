// "Follow one customer": the same replay, over that customer's events only (their index), with
// their path recorded step by step and every email rendered. Small enough to answer a request.
import { mapPlanSecrets, type JourneyPlan } from '@afterglow/journey-core';
import { replay } from './replay';
import type { SimulationJobDeps } from './job';
import type { SimulationResult, TraceEntry } from './types';

export interface FollowRequest {
  workspaceId: string;
  journeyId: string;
  versionId: string | null;
  /** The plan as stored (secrets sealed). */
  plan: JourneyPlan;
  from: string;
  to: string;
  customerId: string;
}

export async function followCustomer(
  deps: Omit<SimulationJobDeps, 'log'>, request: FollowRequest,
): Promise<{ trace: TraceEntry[]; result: SimulationResult }> {
  const { sql, secrets } = deps.database;
  const plan = mapPlanSecrets(request.plan, deps.registry, (value) => secrets.open(value));
  const { trace, result } = await replay({
    sql, registry: deps.registry, secrets, workspaceId: request.workspaceId, journeyId: request.journeyId, versionId: request.versionId, plan,
    spec: { from: request.from, to: request.to, population: { kind: 'everyone' }, sampleCustomerIds: [] },
    fromAddress: deps.fromAddress, publicUrl: deps.publicUrl, now: deps.clock.now(), follow: request.customerId,
  });
  return { trace, result };
}

// The final outcome of an effect a provider accepted, reported later through a plugin route
// (a delivery-status callback), found by the provider's id. Providers repeat callbacks and
// may send them out of order: the first final outcome wins, and its counter is added once, in
// the same transaction that moves the effect, so a crash can neither lose nor double it.
import { addNodeCounts, type Sql } from '@afterglow/db';

export interface ServiceOutcome {
  status: 'delivered' | 'failed';
  error?: string;
  /** A counter of the node that queued the effect, to add 1 to (e.g. 'delivered'). */
  count?: string;
}

export interface SettleRequest {
  /** Only this workspace's effects are found: an id from another workspace is unknown here. */
  workspaceId: string;
  serviceId: string;
  externalId: string;
  outcome: ServiceOutcome;
  now: Date;
}

/** false when the workspace has no effect of the service with that provider id. */
export function settleServiceEffect(sql: Sql, request: SettleRequest): Promise<boolean> {
  const { workspaceId, serviceId, externalId, outcome, now } = request;
  return sql.begin(async (tx) => {
    // A concurrent repeat waits on the row lock, then finds the status final and changes nothing.
    const [settled] = await tx<{ versionId: string | null; nodeId: string | null }[]>`
      update service_effects set status = ${outcome.status}, settled_at = ${now}, last_error = ${outcome.error ?? null}
      where service_id = ${serviceId} and external_id = ${externalId} and workspace_id = ${workspaceId}
        and status in ('accepted', 'pending')
      returning version_id as "versionId", node_id as "nodeId"`;
    if (!settled) {
      const [known] = await tx`
        select 1 as one from service_effects
        where service_id = ${serviceId} and external_id = ${externalId} and workspace_id = ${workspaceId}`;
      return Boolean(known);
    }
    if (outcome.count && settled.versionId && settled.nodeId) {
      await addNodeCounts(tx, [{ version: settled.versionId, node: settled.nodeId, metric: outcome.count, n: 1 }]);
    }
    return true;
  });
}

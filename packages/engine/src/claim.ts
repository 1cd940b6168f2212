// Claiming due runs for one batch. Fair first: every journey with due runs gets a share
// (journeys visited in random order), so a million due runs in one journey cannot starve a
// small journey; spare room then goes to more due runs of journeys, again in random order.
// Both passes read one index, (journey, due_at) of runs in a live state: every index on
// journey_runs is rewritten at each step, so there is no second one by due time alone.
// SKIP LOCKED lets any number of workers claim side by side.
import type { Queryable } from '@afterglow/db';
import type { RunRow } from './types';

const columns = (tx: Queryable) => tx`
  r.id, r.workspace_id as "workspaceId", r.customer_id as "customerId", r.journey_id as "journeyId",
  r.version_id as "versionId", r.status, r.node_id as "nodeId", r.wait, r.context,
  r.step_count as "stepCount", r.entered_at as "enteredAt"`;

export async function claimDueRuns(tx: Queryable, now: Date, batchSize: number): Promise<RunRow[]> {
  const share = Math.max(10, Math.ceil(batchSize / 4));
  const fair = await tx<RunRow[]>`
    select ${columns(tx)}
    from (select id from journeys order by random()) j
    cross join lateral (
      select * from journey_runs r
      where r.journey_id = j.id and r.status in ('active', 'waiting') and r.due_at <= ${now}
      order by r.due_at
      limit ${share}
      for update skip locked) r
    limit ${batchSize}`;
  if (fair.length >= batchSize) return fair;
  const rest = await tx<RunRow[]>`
    select ${columns(tx)}
    from (select id from journeys order by random()) j
    cross join lateral (
      select * from journey_runs r
      where r.journey_id = j.id and r.status in ('active', 'waiting') and r.due_at <= ${now}
        and r.id <> all(${fair.map((r) => r.id)}::uuid[])
      order by r.due_at
      limit ${batchSize - fair.length}
      for update skip locked) r
    limit ${batchSize - fair.length}`;
  return [...fair, ...rest];
}

// Claiming due runs for one batch, each with its customer read in the same statement. Fair
// first: every journey gets a share of the batch (its size divided among the journeys, so a
// lone busy journey fills the batch in one pass), journeys visited in random order: a million
// due runs in one journey cannot starve a small journey. Spare room then goes to more due
// runs of journeys, again in random order. Both passes read one index, (journey, due_at) of
// runs in a live state: every index on journey_runs is rewritten at each step, so there is no
// second one by due time alone. SKIP LOCKED lets any number of workers claim side by side.
import type { Queryable } from '@afterglow/db';
import type { CustomerSnapshot } from '@afterglow/node-sdk';
import type { RunRow } from './types';

/** A claimed run and its customer (null when the customer was deleted meanwhile). */
export interface ClaimedRun extends RunRow {
  customer: CustomerSnapshot | null;
}

type ClaimRow = RunRow & { [K in keyof CustomerSnapshot as `c_${K}`]: CustomerSnapshot[K] | null };

// The customer's columns come flat (prefixed) rather than as one JSON object: no document
// to build in Postgres and parse again here for every run. The birthday is a calendar day, sent
// as its text: a Date at UTC midnight would be the day before west of Greenwich.
const columns = (tx: Queryable) => tx`
  r.id, r.workspace_id as "workspaceId", r.customer_id as "customerId", r.journey_id as "journeyId",
  r.version_id as "versionId", r.status, r.node_id as "nodeId", r.wait, r.context,
  r.step_count as "stepCount", r.entered_at as "enteredAt",
  c.id as "c_id", c.email as "c_email", c.first_name as "c_firstName", c.last_name as "c_lastName",
  c.timezone as "c_timezone", to_char(c.birthday, 'YYYY-MM-DD') as "c_birthday", c.locale as "c_locale", c.marketing_consent as "c_marketingConsent",
  c.attributes as "c_attributes", c.tags as "c_tags"`;

// A probe per run by primary key. `limit 1` keeps the planner from turning it into a join:
// the cached generic plan, not knowing the batch size, would hash all customers instead.
const customerOf = (tx: Queryable) => tx`
  select * from customers c where c.workspace_id = r.workspace_id and c.id = r.customer_id limit 1`;

export async function claimDueRuns(tx: Queryable, now: Date, batchSize: number): Promise<ClaimedRun[]> {
  const fair = await tx<ClaimRow[]>`
    select ${columns(tx)}
    from (select id from journeys order by random()) j
    cross join lateral (
      select * from journey_runs r
      where r.journey_id = j.id and r.status in ('active', 'waiting') and r.due_at <= ${now}
      order by r.due_at
      limit (select greatest(10, ceil(${batchSize}::numeric / greatest(count(*), 1)))::int from journeys)
      for update skip locked) r
    left join lateral (${customerOf(tx)}) c on true
    limit ${batchSize}`;
  if (fair.length >= batchSize) return fair.map(toClaimedRun);
  const rest = await tx<ClaimRow[]>`
    select ${columns(tx)}
    from (select id from journeys order by random()) j
    cross join lateral (
      select * from journey_runs r
      where r.journey_id = j.id and r.status in ('active', 'waiting') and r.due_at <= ${now}
        and r.id <> all(${fair.map((r) => r.id)}::uuid[])
      order by r.due_at
      limit ${batchSize - fair.length}
      for update skip locked) r
    left join lateral (${customerOf(tx)}) c on true
    limit ${batchSize - fair.length}`;
  return [...fair, ...rest].map(toClaimedRun);
}

// Fields copied by name, not by rest destructuring: a rest copy of a row object costs more
// than the walk of a short journey.
function toClaimedRun(row: ClaimRow): ClaimedRun {
  const customer: CustomerSnapshot | null = row.c_id === null ? null : {
    id: row.c_id, email: row.c_email, firstName: row.c_firstName, lastName: row.c_lastName, timezone: row.c_timezone!,
    birthday: row.c_birthday, locale: row.c_locale, marketingConsent: row.c_marketingConsent!, attributes: row.c_attributes!, tags: row.c_tags!,
  };
  return { id: row.id, workspaceId: row.workspaceId, customerId: row.customerId, journeyId: row.journeyId, versionId: row.versionId,
    status: row.status, nodeId: row.nodeId, wait: row.wait, context: row.context, stepCount: row.stepCount, enteredAt: row.enteredAt, customer };
}

// The SQL pieces the referrals job and the test harness's stops share: the workspace's
// qualifying period as an interval, and each pending referral's decision.
import { QUALIFYING_DAYS_DEFAULT, QUALIFYING_DAYS_MAX } from '@afterglow/journey-core';
import type { Queryable } from '@afterglow/db';

/** workspaces `w`'s qualifying period, bounded as the settings form bounds it; a value not a number is the default. */
export const qualifyingPeriod = (sql: Queryable) => sql`make_interval(days => case
  when jsonb_typeof(w.settings #> '{referrals,qualifyingDays}') = 'number'
  then least(greatest((w.settings #>> '{referrals,qualifyingDays}')::numeric, 0), ${QUALIFYING_DAYS_MAX})::int
  else ${QUALIFYING_DAYS_DEFAULT}::int end)`;

/** An email as a person is recognised by: lower case, trimmed, without a +tag. */
export const normalisedEmail = (sql: Queryable, column: string) =>
  sql`nullif(regexp_replace(lower(trim(${sql.unsafe(column)})), '\\+[^@]*@', '@'), '')`;

/** When the first pending referral with an order becomes due, strictly after `after`. */
export async function nextReferralDue(sql: Queryable, after: Date): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`
    select min(o.placed_at + ${qualifyingPeriod(sql)}) as at
    from referrals r join workspaces w on w.id = r.workspace_id
    cross join lateral (select placed_at from orders o where o.workspace_id = r.workspace_id and o.customer_id = r.customer_id
      order by o.placed_at limit 1) o
    where r.state = 'pending' and o.placed_at + ${qualifyingPeriod(sql)} > ${after}`;
  return row?.at ?? null;
}

// Birthday points: on the customer's birthday (the date in their own time zone; a 29 February
// birthday falls on 28 February in other years, as the date trigger has it), the workspace's
// birthday points, once a year. One statement per run grants every due customer of every
// workspace whose birthday rule is on; the effect key `birthday:<customer>:<year>` makes a
// second run that day (another worker, a retry) grant nothing more.
import type { Sql } from '@afterglow/db';
import { ERASED_CUSTOMER_ID, loyaltySettingsSection } from '@afterglow/db';
import { knownTimeZones } from './calendar-sql';

/** The workspaces whose birthday rule is on, and its points. */
async function birthdayRules(sql: Sql): Promise<{ workspaceIds: string[]; points: number[] }> {
  const on = (await loyaltySettingsSection.getAll(sql)).map((w) => ({ id: w.workspaceId, rule: w.settings.earning.birthday }))
    .filter((w) => w.rule.enabled && w.rule.points > 0);
  return { workspaceIds: on.map((w) => w.id), points: on.map((w) => w.rule.points) };
}

/** Grants the birthday points due now; returns how many customers got them. */
export async function grantBirthdayPoints(sql: Sql, now: Date): Promise<number> {
  const rules = await birthdayRules(sql);
  if (rules.workspaceIds.length === 0) return 0;
  // Each zone's date now, computed once per zone and joined by name (a customer's unknown zone reads as UTC).
  const zones = [...new Set([...(await knownTimeZones(sql)), 'UTC'])];
  const granted = await sql`
    with rules as (select * from unnest(${rules.workspaceIds}::text[], ${rules.points}::int[]) as r(workspace_id, points)),
    clocks as materialized (select z.zone, (${now.toISOString()}::timestamptz at time zone z.zone)::date as day from unnest(${zones}::text[]) z(zone))
    insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, effect_key, created_at)
    select c.workspace_id, c.id, r.points, 'Birthday ' || extract(year from l.day), 'birthday',
      'birthday:' || c.id || ':' || extract(year from l.day), ${now.toISOString()}::timestamptz
    from rules r
    join customers c on c.workspace_id = r.workspace_id and c.birthday is not null and c.id <> ${ERASED_CUSTOMER_ID}
    left join clocks own on own.zone = c.timezone
    cross join lateral (select coalesce(own.day, (select day from clocks where zone = 'UTC')) as day) l
    where c.birthday < l.day
      and l.day = (c.birthday + make_interval(years => (date_part('year', l.day) - date_part('year', c.birthday))::int))::date
    on conflict (workspace_id, effect_key) where effect_key is not null do nothing`;
  return granted.count;
}

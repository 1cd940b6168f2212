// The SQL of calendar triggers: which customers have an occurrence now. Each piece is a
// fragment over `customers c` joined to `l`, the customer's clock: `l.zone` (the zone read in),
// `l.day` (their local date now) and `l.due` (the trigger's local time has come today, and
// came after the version was published). The clock is computed once per time zone (a few
// hundred zones, not a million conversions) and joined by name, so one INSERT … SELECT per
// journey finds every occurrence, whatever the customers' time zones.
import type { Sql } from '@afterglow/db';
import type { CalendarTrigger, DateSource } from '@afterglow/node-sdk';
import type { Fragment } from 'postgres';

type DateTrigger = Extract<CalendarTrigger, { kind: 'date' }>;
type ScheduleTrigger = Extract<CalendarTrigger, { kind: 'schedule' }>;

/** Each zone's local date now, and whether the trigger's time has come there (after `publishedAt`). */
function zoneClocks(sql: Sql, zones: string[], now: Date, t: CalendarTrigger, publishedAt: Date): Fragment {
  const time = sql`make_time(${t.hour}::int, ${t.kind === 'date' ? 0 : t.minute}::int, 0)`;
  return sql`(select z.zone, x.local::date as day,
      x.local::time >= ${time} and ((x.local::date + ${time}) at time zone z.zone) >= ${publishedAt}::timestamptz as due
    from unnest(${zones}::text[]) z(zone) cross join lateral (select ${now}::timestamptz at time zone z.zone as local) x)`;
}

/**
 * The clock each customer is read in: their own zone, or the shop's zone for all. `zones` are
 * the names Postgres knows (knownTimeZones); a customer's zone it does not know counts as UTC
 * rather than failing the whole statement. `with` is the statement's WITH (materialized, so the
 * few hundred zone clocks are computed once and hash-joined); `join` joins `l` to `customers c`.
 */
export function localClock(sql: Sql, now: Date, t: CalendarTrigger, publishedAt: Date, zones: string[]): { with: Fragment; join: Fragment } {
  if (t.kind === 'schedule' && t.timeZone !== null) {
    return { with: sql`with clocks as materialized ${zoneClocks(sql, [t.timeZone], now, t, publishedAt)}`, join: sql`cross join clocks l` };
  }
  return {
    with: sql`with clocks as materialized ${zoneClocks(sql, [...zones, 'UTC'], now, t, publishedAt)}`,
    join: sql`left join clocks own on own.zone = c.timezone
      cross join (select day, due from clocks where zone = 'UTC' limit 1) utc
      cross join lateral (select coalesce(own.zone, 'UTC') as zone, coalesce(own.day, utc.day) as day, coalesce(own.due, utc.due) as due) l`,
  };
}

let zoneList: Promise<string[]> | null = null;

/** The time zone names Postgres knows, read once per process (reading them scans its zone files). */
export function knownTimeZones(sql: Sql): Promise<string[]> {
  zoneList ??= sql<{ name: string }[]>`select name from pg_timezone_names`.then((rows) => rows.map((r) => r.name));
  zoneList.catch(() => (zoneList = null));
  return zoneList;
}

/** The customer's date the trigger counts from, as a date (null: none). */
export function sourceDate(sql: Sql, source: DateSource): Fragment {
  switch (source.field) {
    case 'birthday': return sql`c.birthday`;
    case 'signup': return sql`(c.created_at at time zone l.zone)::date`;
    case 'first_order': return sql`((select min(o.placed_at) from orders o
      where o.workspace_id = c.workspace_id and o.customer_id = c.id) at time zone l.zone)::date`;
    case 'attribute': {
      // Only a value starting with a real date counts ('2026-02-30' or 'soon' is no date).
      const text = sql`left(c.attributes->>${source.name}, 10)`;
      return sql`(case when ${text} ~ '^\\d{4}-\\d{2}-\\d{2}$' and pg_input_is_valid(${text}, 'date') then ${text}::date end)`;
    }
  }
}

/**
 * Today's occurrence of a date trigger: the date `e` (today minus the offset) is the source
 * date itself ('once'), or one of its anniversaries ('yearly'). Postgres adds years to
 * 29 February by clamping to the month's end, so a leap-day date has its anniversary on
 * 28 February in other years.
 */
export function dateOccurs(sql: Sql, t: DateTrigger, source: Fragment): Fragment {
  const e = occurrenceDate(sql, t);
  if (t.repeat === 'once') return sql`l.due and ${source} = ${e}`;
  return sql`l.due and ${source} < ${e}
    and ${e} = (${source} + make_interval(years => (date_part('year', ${e}) - date_part('year', ${source}))::int))::date`;
}

/** The occurrence's date (the anniversary for a date trigger, the day for a schedule). */
export const occurrenceDate = (sql: Sql, t: CalendarTrigger): Fragment =>
  t.kind === 'date' ? sql`(l.day - ${t.offsetDays}::int)` : sql`l.day`;

/** Today is a day of the schedule, and its time has come. */
export function scheduleOccurs(sql: Sql, t: ScheduleTrigger): Fragment {
  switch (t.every) {
    case 'daily': return sql`l.due`;
    case 'weekly': return sql`l.due and extract(dow from l.day)::int = any(${t.weekdays}::int[])`;
    case 'monthly': return sql`l.due and extract(day from l.day)::int
      = least(${t.dayOfMonth}::int, extract(day from date_trunc('month', l.day) + interval '1 month - 1 day')::int)`;
  }
}

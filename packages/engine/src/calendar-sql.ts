// The SQL of calendar triggers: which customers have an occurrence now. Each piece is a
// fragment over `customers c` with `l.local` (the customer's wall clock now, a timestamp
// without zone) and `l.zone` (the zone it was read in), so one INSERT … SELECT per journey
// finds every occurrence, whatever the customers' time zones.
import type { Sql } from '@afterglow/db';
import type { CalendarTrigger, DateSource } from '@afterglow/node-sdk';
import type { Fragment } from 'postgres';

type DateTrigger = Extract<CalendarTrigger, { kind: 'date' }>;
type ScheduleTrigger = Extract<CalendarTrigger, { kind: 'schedule' }>;

/**
 * The clock each customer is read in: their own zone, or the shop's zone for all. `zones` are
 * the names Postgres knows (knownTimeZones); a customer's zone it does not know counts as UTC
 * rather than failing the whole statement.
 */
export function localClock(sql: Sql, now: Date, timeZone: string | null, zones: string[]): Fragment {
  const zone = timeZone === null
    ? sql`left join unnest(${zones}::text[]) z(name) on z.name = c.timezone
      cross join lateral (select coalesce(z.name, 'UTC') as zone) lz`
    : sql`cross join lateral (select ${timeZone}::text as zone) lz`;
  return sql`${zone} cross join lateral (select lz.zone, (${now}::timestamptz at time zone lz.zone) as local) l`;
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
  const e = sql`(l.local::date - ${t.offsetDays}::int)`;
  const hourCome = sql`extract(hour from l.local) >= ${t.hour}`;
  if (t.repeat === 'once') return sql`${hourCome} and ${source} = ${e}`;
  return sql`${hourCome} and ${source} < ${e}
    and ${e} = (${source} + make_interval(years => (extract(year from ${e}) - extract(year from ${source}))::int))::date`;
}

/** The occurrence's date (the anniversary for a date trigger, the day for a schedule). */
export const occurrenceDate = (sql: Sql, t: CalendarTrigger): Fragment =>
  t.kind === 'date' ? sql`(l.local::date - ${t.offsetDays}::int)` : sql`l.local::date`;

/** The occurrence's instant: today at the trigger's local time, in the zone it is read in. */
export function occurrenceInstant(sql: Sql, t: CalendarTrigger): Fragment {
  const minute = t.kind === 'date' ? 0 : t.minute;
  return sql`((l.local::date + make_time(${t.hour}::int, ${minute}::int, 0)) at time zone l.zone)`;
}

/** Today is a day of the schedule, and its time has come. */
export function scheduleOccurs(sql: Sql, t: ScheduleTrigger): Fragment {
  const day = sql`l.local::date`;
  const timeCome = sql`l.local::time >= make_time(${t.hour}::int, ${t.minute}::int, 0)`;
  switch (t.every) {
    case 'daily': return timeCome;
    case 'weekly': return sql`${timeCome} and extract(dow from ${day})::int = any(${t.weekdays}::int[])`;
    case 'monthly': return sql`${timeCome} and extract(day from ${day})::int
      = least(${t.dayOfMonth}::int, extract(day from date_trunc('month', ${day}) + interval '1 month - 1 day')::int)`;
  }
}

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

/** The zones a trigger's customers are read in: the schedule's one, or every zone Postgres knows (and UTC). */
export const clockZones = (t: CalendarTrigger, known: string[]): string[] =>
  (t.kind === 'schedule' && t.timeZone !== null ? [t.timeZone] : [...new Set([...known, 'UTC'])]);

/**
 * Each zone's local date now, and whether the trigger's local time has come there today (after
 * `publishedAt`): the zone is `due` if it is also one of `due`, the zones this tick sweeps.
 */
function zoneClocks(sql: Sql, zones: string[], now: Date, t: CalendarTrigger, publishedAt: Date, due: string[] | null): Fragment {
  const time = sql`make_time(${t.hour}::int, ${t.kind === 'date' ? 0 : t.minute}::int, 0)`;
  const swept = due === null ? sql`` : sql`and z.zone = any(${due}::text[])`;
  return sql`(select z.zone, x.local::date as day,
      x.local::time >= ${time} and ((x.local::date + ${time}) at time zone z.zone) >= ${publishedAt}::timestamptz ${swept} as due
    from unnest(${zones}::text[]) z(zone) cross join lateral (select ${now}::timestamptz at time zone z.zone as local) x)`;
}

/**
 * The zones whose trigger time has come today and that the version has not swept yet today,
 * with their local day: usually none, so the job reads no customer in most ticks.
 */
export async function unsweptZones(sql: Sql, versionId: string, now: Date, t: CalendarTrigger, publishedAt: Date, zones: string[])
  : Promise<{ zone: string; day: string }[]> {
  return sql<{ zone: string; day: string }[]>`
    select l.zone, l.day::text as day from ${zoneClocks(sql, zones, now, t, publishedAt, null)} l
    where l.due and not exists (select 1 from calendar_sweeps s where s.version_id = ${versionId} and s.zone = l.zone and s.day = l.day)`;
}

/** Records the zones swept, with the enrolment, in its transaction (a concurrent sweep's rows stand). */
export async function markSwept(sql: Sql, versionId: string, swept: { zone: string; day: string }[], now: Date): Promise<void> {
  await sql`insert into calendar_sweeps (version_id, zone, day, swept_at)
    select ${versionId}, zone, day::date, ${now} from unnest(${swept.map((z) => z.zone)}::text[], ${swept.map((z) => z.day)}::text[]) s(zone, day)
    on conflict do nothing`;
}

/**
 * The clock each customer is read in: their own zone, or the shop's zone for all. `zones` are
 * clockZones' (the names Postgres knows, from knownTimeZones); a customer's zone it does not know counts as UTC
 * rather than failing the whole statement. Only the zones in `due` count as due. `with` is the
 * statement's WITH (materialized, so the few hundred zone clocks are computed once and
 * hash-joined); `join` joins `l` to `customers c`.
 */
export function localClock(sql: Sql, now: Date, t: CalendarTrigger, publishedAt: Date, zones: string[], due: string[]): { with: Fragment; join: Fragment } {
  const clocks = zoneClocks(sql, zones, now, t, publishedAt, due);
  if (t.kind === 'schedule' && t.timeZone !== null) {
    return { with: sql`with clocks as materialized ${clocks}`, join: sql`cross join clocks l` };
  }
  return {
    with: sql`with clocks as materialized ${clocks}`,
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

/** The local day is the month's `day`, or its last day when the month is shorter. */
const onDayOfMonth = (sql: Sql, day: number): Fragment => sql`extract(day from l.day)::int
  = least(${day}::int, extract(day from date_trunc('month', l.day) + interval '1 month - 1 day')::int)`;

/** Today is a day of the schedule, and its time has come. */
export function scheduleOccurs(sql: Sql, t: ScheduleTrigger): Fragment {
  switch (t.every) {
    case 'daily': return sql`l.due`;
    case 'weekly': return sql`l.due and extract(dow from l.day)::int = any(${t.weekdays}::int[])`;
    case 'monthly': return sql`l.due and ${onDayOfMonth(sql, t.dayOfMonth)}`;
    case 'yearly': return sql`l.due and extract(month from l.day)::int = ${t.month ?? 1}::int and ${onDayOfMonth(sql, t.dayOfMonth)}`;
  }
}

// Entries no event makes: a calendar trigger's occurrences (a birthday, a weekly schedule) and a
// broadcast's audience. The calendar job's own SQL (calendar-sql.ts: the customer's date and its
// anniversary, the schedule's days, each in the customer's or the schedule's zone) is asked as a
// SELECT over one window of simulated time, with the instant each occurrence comes; a
// broadcast's segment is read at its start instant. Customers are today's (docs/simulation.md), and
// re-entry keys are the live ones ('date:…', 'schedule:…', 'broadcast').
import {
  compileSegmentRule, parseSegmentRule, resolveSegmentRefs, segmentSource, segmentTiers, type Queryable, type SegmentRule, type Sql,
} from '@afterglow/db';
import { publishedDefinitionOf, type JourneyPlan } from '@afterglow/journey-core';
import type { CalendarTrigger, NodeRegistry } from '@afterglow/node-sdk';
import type { Fragment } from 'postgres';
import { clockZones, dateOccurs, knownTimeZones, occurrenceDate, scheduleOccurs, sourceDate } from '../calendar-sql';

export interface ScheduledEntry {
  customerId: string;
  /** ms */
  at: number;
  entryKey: string;
  cooldownDays: number | null;
  context: Record<string, unknown>;
}

export interface ScheduledScope {
  workspaceId: string;
  from: Date;
  to: Date;
  /** Only this customer (following one customer). */
  customerId?: string;
}

/** The entries made in [start, end), in time order. */
export type ScheduledEntries = (tx: Queryable, start: Date, end: Date) => Promise<ScheduledEntry[]>;

type Row = { customerId: string; at: number; occurrence: string };

/** How `plan` enrols without events, or null when its trigger is an event's (or it cannot be replayed). */
export function scheduledEntries(registry: NodeRegistry, plan: JourneyPlan, scope: ScheduledScope): ScheduledEntries | null {
  if (plan.triggerEvent !== null) return null;
  const node = plan.nodes[plan.triggerNodeId];
  const trigger = publishedDefinitionOf(registry, node)?.trigger;
  const calendar = trigger?.calendar?.(node?.config as never);
  const reentry = plan.settings?.reentry ?? { mode: 'trigger' };
  const rules = new Map<string, Promise<Audience>>();
  const audienceOf = (tx: Queryable, segmentId: string) => {
    if (!rules.has(segmentId)) rules.set(segmentId, loadAudience(tx, scope.workspaceId, segmentId));
    return rules.get(segmentId)!;
  };
  if (calendar) {
    const prefix = calendar.kind === 'date' ? 'date:' : 'schedule:';
    return async (tx, start, end) => {
      const rows = await calendarRows(tx, calendar, scope, start, end, audienceOf);
      return rows.map((r) => ({ customerId: r.customerId, at: r.at, context: { calendar: { occurrence: r.occurrence } },
        entryKey: reentry.mode === 'once' ? 'once' : reentry.mode === 'cooldown' ? `cooldown:${r.occurrence}` : `${prefix}${r.occurrence}`,
        cooldownDays: reentry.mode === 'cooldown' ? reentry.days : null }));
    };
  }
  const audience = trigger?.audience?.(node?.config as never);
  if (!audience) return null;
  // Started at its instant when that falls in the period, else (on publish, or another day) as the period starts.
  const startAt = audience.startAt && audience.startAt >= scope.from && audience.startAt < scope.to ? audience.startAt : scope.from;
  return async (tx, start, end) => {
    if (startAt < start || startAt >= end) return [];
    const { rule, refs, tiers } = await audienceOf(tx, audience.segmentId);
    const rows = await tx<{ customerId: string }[]>`
      select c.id as "customerId" from ${segmentSource(tx as Sql, rule, refs)}
      where c.workspace_id = ${scope.workspaceId} ${only(tx, scope)}
        and ${compileSegmentRule(tx as Sql, rule, startAt, refs, { tiers })}
      order by c.id`;
    return rows.map((r) => ({ customerId: r.customerId, at: startAt.getTime(), entryKey: 'broadcast', cooldownDays: null,
      context: { segmentId: audience.segmentId } }));
  };
}

interface Audience { rule: SegmentRule; refs: Awaited<ReturnType<typeof resolveSegmentRefs>>; tiers: Awaited<ReturnType<typeof segmentTiers>> }

async function loadAudience(tx: Queryable, workspaceId: string, segmentId: string): Promise<Audience> {
  const [segment] = await tx<{ rule: unknown }[]>`select rule from segments where workspace_id = ${workspaceId} and id = ${segmentId}`;
  if (!segment) throw new Error(`Segment ${segmentId} does not exist`);
  const rule = parseSegmentRule(segment.rule);
  const refs = await resolveSegmentRefs(tx, workspaceId, rule);
  return { rule, refs, tiers: await segmentTiers(tx, workspaceId, rule, refs) };
}

const only = (tx: Queryable, scope: ScheduledScope): Fragment =>
  (scope.customerId === undefined ? tx`` : tx`and c.id = ${scope.customerId}`);

/**
 * The occurrences in [start, end): `l` holds each zone's local days whose trigger time falls in
 * the window (`l.day`, the instant `l.at`, `l.due` true), and customers are read in their own zone
 * (UTC when Postgres does not know it) or the schedule's, as the calendar job reads them.
 */
async function calendarRows(
  tx: Queryable, t: CalendarTrigger, scope: ScheduledScope, start: Date, end: Date, audienceOf: (tx: Queryable, id: string) => Promise<Audience>,
): Promise<Row[]> {
  const sql = tx as Sql;
  const zones = clockZones(t, await knownTimeZones(sql));
  const time = sql`make_time(${t.hour}::int, ${t.kind === 'date' ? 0 : t.minute}::int, 0)`;
  const days = Math.ceil((end.getTime() - start.getTime()) / 86_400_000) + 2;
  const local = sql`((f.first + k)::date + ${time}) at time zone z.zone`;
  const clocks = sql`select z.zone, (f.first + k)::date as day, true as due, ${local} as at
    from unnest(${zones}::text[]) z(zone)
    cross join lateral (select (${start}::timestamptz at time zone z.zone)::date - 1 as first) f
    cross join generate_series(0, ${days}::int) k
    where ${local} >= ${start}::timestamptz and ${local} < ${end}::timestamptz`;
  const zoned = t.kind === 'schedule' && t.timeZone !== null;
  const join = zoned ? sql`cross join clocks l`
    : sql`left join zones kz on kz.zone = c.timezone join clocks l on l.zone = coalesce(kz.zone, 'UTC')`;
  let source: Fragment = sql`customers c`;
  let occurs: Fragment;
  if (t.kind === 'date') {
    occurs = dateOccurs(sql, t, sourceDate(sql, t.source));
  } else {
    const { rule, refs, tiers } = await audienceOf(tx, t.segmentId);
    source = segmentSource(sql, rule, refs);
    occurs = sql`(${compileSegmentRule(sql, rule, start, refs, { tiers })}) and ${scheduleOccurs(sql, t)}`;
  }
  return tx<Row[]>`
    with zones as materialized (select unnest(${zones}::text[]) as zone), clocks as materialized (${clocks})
    select c.id as "customerId", (extract(epoch from l.at) * 1000)::float8 as at, ${occurrenceDate(sql, t)}::text as occurrence
    from ${source} ${join}
    where c.workspace_id = ${scope.workspaceId} and ${occurs} ${only(tx, scope)}
    order by l.at, c.id`;
}

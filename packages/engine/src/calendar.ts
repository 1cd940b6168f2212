// Calendar triggers (a birthday, a weekly promotion): the engine's calendar job enrols every
// customer whose occurrence has come with one INSERT … SELECT per live journey, never a loop
// over customers. The entry key names the occurrence ('date:2027-03-14'), so the runs' unique
// (workspace, customer, journey, entry key) index makes each occurrence enrol a customer once,
// however often the job runs or how many workers run it. Occurrences before the version was
// published are skipped; one missed while no worker ran is caught up later the same local day.
// Each zone is swept once per local day (calendar_sweeps): the job reads customers only in the
// few ticks a day when some zone's trigger time has newly come. A customer who joins a swept
// zone's audience later that day (a new sign-up with today's birthday) waits for the next occurrence.
import {
  compileSegmentRule, parseSegmentRule, resolveSegmentRefs, segmentSource, segmentTiers, type Sql,
} from '@afterglow/db';
import { publishedDefinitionOf, type JourneyPlan } from '@afterglow/journey-core';
import type { CalendarTrigger, NodeRegistry } from '@afterglow/node-sdk';
import type { Fragment, TransactionSql } from 'postgres';
import {
  clockZones, dateOccurs, knownTimeZones, localClock, markSwept, occurrenceDate, scheduleOccurs, sourceDate, unsweptZones,
} from './calendar-sql';
import { insertUnlessPresent } from './insert-unless-present';
import type { Logger } from './types';

interface LiveJourney {
  journeyId: string;
  workspaceId: string;
  versionId: string;
  publishedAt: Date;
  plan: JourneyPlan;
}

/** Enrols every calendar trigger's due occurrences; returns how many runs were created. */
export async function runCalendarTriggers(sql: Sql, registry: NodeRegistry, now: Date, log: Logger): Promise<number> {
  const journeys = await sql<LiveJourney[]>`
    select j.id as "journeyId", j.workspace_id as "workspaceId", v.id as "versionId", v.published_at as "publishedAt", v.plan
    from journeys j join journey_versions v on v.id = j.current_version_id
    where j.status = 'live' and v.plan->>'triggerEvent' is null`;
  // Sweeps older than the widest local day (UTC-12 to UTC+14) plus a day are never read again.
  await sql`delete from calendar_sweeps where day < ${now}::date - 2`;
  let enrolled = 0;
  for (const journey of journeys) {
    const node = journey.plan.nodes[journey.plan.triggerNodeId];
    const trigger = publishedDefinitionOf(registry, node)?.trigger?.calendar?.(node?.config as never);
    if (!trigger) continue;
    try {
      enrolled += await enrolOccurrences(sql, journey, trigger, now);
    } catch (err) {
      log.warn('calendar trigger enrolment failed; the next run retries', { versionId: journey.versionId, error: String(err) });
    }
  }
  return enrolled;
}

async function enrolOccurrences(sql: Sql, j: LiveJourney, t: CalendarTrigger, now: Date): Promise<number> {
  const zones = clockZones(t, await knownTimeZones(sql));
  const due = await unsweptZones(sql, j.versionId, now, t, j.publishedAt, zones);
  if (due.length === 0) return 0;
  const day = occurrenceDate(sql, t);
  const reentry = j.plan.settings?.reentry ?? { mode: 'trigger' };
  const prefix = t.kind === 'date' ? 'date:' : 'schedule:';
  const entryKey = reentry.mode === 'once' ? sql`'once'`
    : reentry.mode === 'cooldown' ? sql`'cooldown:' || ${day}::text` : sql`${prefix} || ${day}::text`;
  // Written as scalar subqueries with LIMIT, which Postgres runs per candidate through the
  // runs' unique index: as NOT EXISTS, a stale estimate right after a big enrolment made it an
  // anti join scanning the journey's every run for every candidate. A journey with no runs yet
  // skips them: on a young shop's journey_runs, analysed while small, each probe is a scan of
  // the table, the statement's own new rows included (20,000 birthdays took 39 s, not 0.3).
  const fresh = (await sql`select 1 from journey_runs where workspace_id = ${j.workspaceId} and journey_id = ${j.journeyId} limit 1`).length === 0;
  const cooled = reentry.mode === 'cooldown' && !fresh
    ? sql`and (select 1 from journey_runs r where r.workspace_id = c.workspace_id and r.customer_id = c.id
        and r.journey_id = ${j.journeyId} and r.entered_at > ${new Date(now.getTime() - reentry.days * 86400e3)} limit 1) is null`
    : sql``;
  const { source, occurs } = t.kind === 'date'
    ? { source: sql`customers c`, occurs: dateOccurs(sql, t, sourceDate(sql, t.source)) }
    : await scheduleAudience(sql, j.workspaceId, t, now);
  const clock = localClock(sql, now, t, j.publishedAt, zones, due.map((z) => z.zone));
  const insert = (via: TransactionSql, onConflict: Fragment) => via`
    ${clock.with}
    insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id, due_at,
      context, entered_at, updated_at)
    select c.workspace_id, c.id, ${j.journeyId}, ${j.versionId}, ${entryKey}, 'active', ${j.plan.triggerNodeId}, ${now},
      jsonb_build_object('calendar', jsonb_build_object('occurrence', ${day}::text)), ${now}, ${now}
    from ${source} ${clock.join}
    where c.workspace_id = ${j.workspaceId} and ${occurs}
      ${fresh ? sql`` : sql`and (select 1 from journey_runs r where r.workspace_id = c.workspace_id and r.customer_id = c.id
        and r.journey_id = ${j.journeyId} and r.entry_key = ${entryKey} limit 1) is null`}
      ${cooled}
    ${onConflict}`;
  return sql.begin(async (tx) => {
    // The same entry is there only if another worker or an event committed it meanwhile.
    const count = await insertUnlessPresent(tx, insert, tx`on conflict (workspace_id, customer_id, journey_id, entry_key) do nothing`);
    await markSwept(tx as unknown as Sql, j.versionId, due, now);
    return count;
  }) as Promise<number>;
}

/** A schedule's audience: the segment's members (its rule compiled as of now) on the schedule's days. */
async function scheduleAudience(sql: Sql, workspaceId: string, t: Extract<CalendarTrigger, { kind: 'schedule' }>, now: Date)
  : Promise<{ source: Fragment; occurs: Fragment }> {
  const [segment] = await sql<{ rule: unknown }[]>`select rule from segments where workspace_id = ${workspaceId} and id = ${t.segmentId}`;
  if (!segment) throw new Error(`Segment ${t.segmentId} does not exist`);
  const rule = parseSegmentRule(segment.rule);
  const refs = await resolveSegmentRefs(sql, workspaceId, rule);
  return {
    source: segmentSource(sql, rule, refs),
    occurs: sql`(${compileSegmentRule(sql, rule, now, refs, { tiers: await segmentTiers(sql, workspaceId, rule, refs) })}) and ${scheduleOccurs(sql, t)}`,
  };
}

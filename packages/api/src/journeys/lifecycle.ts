// A journey's life beyond editing: duplicated into a new draft, archived (no one new enters;
// customers already inside walk on to the end, as when paused) and back, and deleted, which
// only a journey no customer ever entered may be: runs, their steps, emails, coupons and
// conversions name its versions, and the reports read them.
import { randomBytes } from 'node:crypto';
import { say, text } from '../i18n/catalogue';
import type { Locale } from '@afterglow/i18n';
import type { ApiDeps } from '../trpc/deps';
import { DomainError, notFound } from './errors';

const MAX_NAME = 200;

/** A new draft "Copy of …" with the same graph (secrets stay sealed) and settings. */
export async function duplicateJourney(deps: ApiDeps, workspaceId: string, id: string, locale: Locale): Promise<{ id: string; name: string }> {
  const { sql } = deps.database;
  const [source] = await sql<{ name: string }[]>`select name from journeys where workspace_id = ${workspaceId} and id = ${id}`;
  if (!source) throw notFound('journey', id);
  const name = say(text('journey.copyOf', { name: source.name }), locale).slice(0, MAX_NAME);
  const copyId = `jrn_${randomBytes(9).toString('base64url')}`;
  const now = deps.clock.now().toISOString();
  await sql`
    insert into journeys (id, workspace_id, name, draft, status, settings, created_at, updated_at)
    select ${copyId}, workspace_id, ${name}, draft, 'draft', settings, ${now}::timestamptz, ${now}::timestamptz
    from journeys where workspace_id = ${workspaceId} and id = ${id}`;
  return { id: copyId, name };
}

/**
 * Archived: no one new enters (triggers, broadcasts and the calendar enrol only live
 * journeys); runs inside walk on. Unarchived, a published journey comes back paused (its
 * entries start again only when someone resumes it) and an unpublished one as a draft.
 */
export async function setArchived(deps: ApiDeps, workspaceId: string, id: string, archived: boolean): Promise<{ status: string }> {
  const now = deps.clock.now().toISOString();
  const status = archived
    ? deps.database.sql`'archived'`
    : deps.database.sql`case when current_version_id is null then 'draft' else 'paused' end`;
  const [row] = await deps.database.sql<{ status: string }[]>`
    update journeys set status = ${status}, updated_at = ${now}::timestamptz
    where workspace_id = ${workspaceId} and id = ${id} returning status`;
  if (!row) throw notFound('journey', id);
  return row;
}

export interface JourneyRunCounts { active: number; total: number; deletable: boolean }

/** How many customers are in the journey now and ever: what deleting it would touch. */
export async function journeyRunCounts(deps: ApiDeps, workspaceId: string, id: string): Promise<JourneyRunCounts> {
  const { sql } = deps.database;
  const [row] = await sql<{ found: boolean; active: number; total: number }[]>`
    select exists (select 1 from journeys where workspace_id = ${workspaceId} and id = ${id}) as found,
      coalesce(sum(p.n) filter (where p.status in ('active', 'waiting')), 0)::int as active, coalesce(sum(p.n), 0)::int as total
    from journey_places_now p join journey_versions v on v.id = p.version_id
    where v.workspace_id = ${workspaceId} and v.journey_id = ${id}`;
  if (!row?.found) throw notFound('journey', id);
  return { active: row.active, total: row.total, deletable: row.total === 0 };
}

/** Deletes a journey no one ever entered: its versions, counters and publish requests go with it. */
export async function deleteJourney(deps: ApiDeps, workspaceId: string, id: string): Promise<void> {
  await deps.database.sql.begin(async (tx) => {
    const [locked] = await tx`select id from journeys where workspace_id = ${workspaceId} and id = ${id} for update`;
    if (!locked) throw notFound('journey', id);
    // Enrolment reads the journey row; with it locked, no one can enter while this decides.
    // Every run ever is counted where it is (places); a conversion is looked for by its index.
    const [entered] = await tx<{ n: number }[]>`
      select (coalesce((select sum(p.n) from journey_places_now p join journey_versions v on v.id = p.version_id
        where v.journey_id = ${id}), 0)
        + (select count(*) from (select 1 from conversions where journey_id = ${id} limit 1) c))::int as n`;
    if ((entered?.n ?? 0) > 0) throw new DomainError('CONFLICT', text('journey.hasRuns', { count: entered!.n }), 'id');
    const versions = tx`select id from journey_versions where journey_id = ${id}`;
    await tx`delete from journey_node_counts where version_id in (${versions})`;
    await tx`delete from journey_places where version_id in (${versions})`;
    await tx`delete from journey_place_deltas where version_id in (${versions})`;
    await tx`delete from calendar_sweeps where version_id in (${versions})`;
    await tx`delete from broadcasts where journey_id = ${id}`;
    await tx`delete from publish_requests where journey_id = ${id}`;
    await tx`update journeys set current_version_id = null where id = ${id}`;
    await tx`delete from journey_versions where journey_id = ${id}`;
    await tx`delete from journeys where id = ${id}`;
  });
}

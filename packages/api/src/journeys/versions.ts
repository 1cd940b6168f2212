// A journey's published versions: who published each and when, what changed between two of
// them (the same diff an approver reads), and putting a version back as the draft. Reverting
// replaces the draft's steps and settings; reverting again to another version undoes it.
import {
  diffGraphs, journeyGraphSchema, readJourneySettings, type FieldChange, type GraphDiff, type JourneyGraph,
} from '@afterglow/journey-core';
import type { ApiDeps } from '../trpc/deps';
import { iso } from '../trpc/time';
import { notFound } from './errors';
import { graphForReader } from './redact';

export interface VersionEntry { id: string; version: number; publishedAt: string; publishedBy: string | null }

export async function listVersions(deps: ApiDeps, workspaceId: string, journeyId: string): Promise<VersionEntry[]> {
  const { sql } = deps.database;
  const [journey] = await sql`select 1 as one from journeys where workspace_id = ${workspaceId} and id = ${journeyId}`;
  if (!journey) throw notFound('journey', journeyId);
  const rows = await sql<(Omit<VersionEntry, 'publishedAt'> & { publishedAt: Date | string })[]>`
    select v.id, v.version, v.published_at as "publishedAt", coalesce(nullif(u.name, ''), u.email) as "publishedBy"
    from journey_versions v left join users u on u.id = v.published_by
    where v.workspace_id = ${workspaceId} and v.journey_id = ${journeyId}
    order by v.version desc`;
  return rows.map((r) => ({ ...r, publishedAt: iso(r.publishedAt) }));
}

interface StoredVersion { id: string; version: number; graph: unknown; settings: unknown }

async function versionOf(deps: ApiDeps, workspaceId: string, journeyId: string, versionId: string): Promise<StoredVersion> {
  const [row] = await deps.database.sql<StoredVersion[]>`
    select id, version, graph, plan -> 'settings' as settings from journey_versions
    where workspace_id = ${workspaceId} and journey_id = ${journeyId} and id = ${versionId}`;
  if (!row) throw notFound('journeyVersion', versionId, 'versionId');
  return row;
}

export interface VersionDiff extends GraphDiff {
  /** The journey's settings (re-entry, goal) that differ, by field. */
  settings: FieldChange[];
  /** The two versions' graphs, so the reader can name their steps. */
  before: JourneyGraph;
  after: JourneyGraph;
}

/** What changed from one version to another, secrets as the reader may see them. */
export async function diffVersions(
  deps: ApiDeps, workspaceId: string, journeyId: string, fromId: string, toId: string, canEdit: boolean,
): Promise<VersionDiff> {
  const [from, to] = await Promise.all([versionOf(deps, workspaceId, journeyId, fromId), versionOf(deps, workspaceId, journeyId, toId)]);
  // Opened for editors (sealed values differ at every sealing, so only opened ones compare).
  const read = (graph: unknown) => graphForReader(journeyGraphSchema.parse(graph), deps.registry, deps.database.secrets, canEdit);
  const [before, after] = [read(from.graph), read(to.graph)];
  const [a, b] = [readJourneySettings(from.settings), readJourneySettings(to.settings)] as Record<string, unknown>[];
  const settings = [...new Set([...Object.keys(a!), ...Object.keys(b!)])]
    .filter((field) => JSON.stringify(a![field]) !== JSON.stringify(b![field]))
    .map((field) => ({ field, before: a![field], after: b![field] }));
  const diff = diffGraphs(before, after);
  return { ...diff, empty: diff.empty && settings.length === 0, settings, before, after };
}

/** The draft becomes the version's graph and settings (as it was published, secrets sealed). */
export async function revertDraft(deps: ApiDeps, workspaceId: string, journeyId: string, versionId: string): Promise<{ version: number }> {
  const version = await versionOf(deps, workspaceId, journeyId, versionId);
  const now = deps.clock.now().toISOString();
  await deps.database.sql`
    update journeys set draft = ${JSON.stringify(version.graph)}::text::jsonb,
      settings = ${JSON.stringify(readJourneySettings(version.settings))}::text::jsonb, updated_at = ${now}::timestamptz
    where workspace_id = ${workspaceId} and id = ${journeyId}`;
  return { version: version.version };
}

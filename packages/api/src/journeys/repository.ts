// Journey reads and writes, always scoped by workspace: an id from another workspace is
// indistinguishable from one that does not exist.
import type { Queryable } from '@afterglow/db';
import { journeyGraphSchema, readJourneySettings, type JourneyGraph, type JourneySettings } from '@afterglow/journey-core';
import { randomBytes } from 'node:crypto';
import { text } from '../i18n/catalogue';
import type { ApiDeps } from '../trpc/deps';
import { iso } from '../trpc/time';
import { DomainError, notFound } from './errors';
import { sealDraftSecrets } from './keep-secrets';

/** A new draft holds one unconfigured trigger: the first trigger in palette order. */
export async function createJourney(deps: ApiDeps, workspaceId: string, name: string): Promise<{ id: string }> {
  const trigger = deps.registry.triggers()[0];
  if (!trigger) throw new DomainError('INVALID', text('journey.noTriggerType'), 'draft');
  const draft: JourneyGraph = {
    nodes: [{ id: 'trigger', type: trigger.id, typeVersion: trigger.version, position: { x: 0, y: 0 }, config: structuredClone(trigger.defaults) as Record<string, unknown> }],
    edges: [],
  };
  const id = `jrn_${randomBytes(9).toString('base64url')}`;
  const now = deps.clock.now().toISOString();
  await deps.database.sql`
    insert into journeys (id, workspace_id, name, draft, status, created_at, updated_at)
    values (${id}, ${workspaceId}, ${name}, ${JSON.stringify(draft)}::text::jsonb, 'draft', ${now}::timestamptz, ${now}::timestamptz)`;
  return { id };
}

export interface JourneyDetail {
  id: string;
  name: string;
  status: string;
  draft: JourneyGraph;
  /**
   * Which stored draft this is (a hash of it): the editor sends it back with each save, so a save
   * over a draft changed since (another tab, a restored version, an A/B winner) is refused.
   */
  draftRevision: string;
  updatedAt: string;
  currentVersionId: string | null;
  versions: { id: string; version: number; publishedAt: string }[];
  /** Re-entry rule and goal as saved; they take effect at the next publish. */
  settings: JourneySettings;
}

export async function getJourney(deps: ApiDeps, workspaceId: string, id: string): Promise<JourneyDetail> {
  const { sql } = deps.database;
  const [row] = await sql<{
    id: string; name: string; status: string; draft: JourneyGraph; draftRevision: string; updatedAt: Date | string;
    currentVersionId: string | null; settings: unknown;
  }[]>`
    select id, name, status, draft, ${draftRevision(sql)} as "draftRevision", updated_at as "updatedAt",
      current_version_id as "currentVersionId", settings
    from journeys where workspace_id = ${workspaceId} and id = ${id}`;
  if (!row) throw notFound('journey', id);
  const versions = await sql<{ id: string; version: number; publishedAt: Date | string }[]>`
    select id, version, published_at as "publishedAt" from journey_versions
    where journey_id = ${id} and workspace_id = ${workspaceId} order by version desc`;
  return {
    ...row,
    settings: readJourneySettings(row.settings),
    updatedAt: iso(row.updatedAt),
    versions: versions.map((v) => ({ ...v, publishedAt: iso(v.publishedAt) })),
  };
}

/** The stored draft's revision: its hash, so every writer of the draft changes it without knowing. */
const draftRevision = (sql: Queryable) => sql`md5(draft::text)`;

/**
 * Autosave: the graph must be well-formed; node configs may still be incomplete. Secrets are
 * sealed. With `revision` (the editor's), only over that draft: a newer one is a CONFLICT.
 */
export async function saveDraft(
  deps: ApiDeps, workspaceId: string, id: string, draft: JourneyGraph, name?: string, revision?: string,
): Promise<{ updatedAt: string; revision: string }> {
  const { sql } = deps.database;
  const [current] = await deps.database.sql<{ draft: unknown }[]>`select draft from journeys where workspace_id = ${workspaceId} and id = ${id}`;
  if (!current) throw notFound('journey', id);
  const stored = journeyGraphSchema.safeParse(current.draft);
  const sealed = sealDraftSecrets(draft, stored.success ? stored.data : null, deps.registry, deps.database.secrets);
  const now = deps.clock.now().toISOString();
  const [row] = await sql<{ updatedAt: Date | string; revision: string }[]>`
    update journeys set draft = ${JSON.stringify(sealed)}::text::jsonb, name = coalesce(${name ?? null}::text, name),
      updated_at = ${now}::timestamptz
    where workspace_id = ${workspaceId} and id = ${id} ${revision ? sql`and ${draftRevision(sql)} = ${revision}` : sql``}
    returning updated_at as "updatedAt", ${draftRevision(sql)} as revision`;
  if (!row && revision) throw new DomainError('CONFLICT', text('journey.draftChanged'), 'revision');
  if (!row) throw notFound('journey', id);
  return { updatedAt: iso(row.updatedAt), revision: row.revision };
}

export async function setJourneyStatus(deps: ApiDeps, workspaceId: string, id: string, status: 'live' | 'paused'): Promise<void> {
  const now = deps.clock.now().toISOString();
  const [row] = await deps.database.sql`
    update journeys set status = ${status}, updated_at = ${now}::timestamptz
    where workspace_id = ${workspaceId} and id = ${id} and current_version_id is not null
    returning id`;
  if (row) return;
  await assertJourneyInWorkspace(deps, workspaceId, id);
  throw new DomainError('INVALID', text('journey.neverPublished', { id, status }), 'status');
}

/** Throws NOT_FOUND unless the version belongs to the workspace. */
export async function assertVersionInWorkspace(deps: ApiDeps, workspaceId: string, versionId: string): Promise<void> {
  const [row] = await deps.database.sql`
    select 1 as one from journey_versions where workspace_id = ${workspaceId} and id = ${versionId}`;
  if (!row) throw notFound('journeyVersion', versionId, 'versionId');
}

/** Throws NOT_FOUND unless the journey belongs to the workspace. */
export async function assertJourneyInWorkspace(deps: ApiDeps, workspaceId: string, id: string): Promise<void> {
  const [row] = await deps.database.sql`select 1 as one from journeys where workspace_id = ${workspaceId} and id = ${id}`;
  if (!row) throw notFound('journey', id);
}

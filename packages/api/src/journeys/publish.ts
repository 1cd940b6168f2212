// Publishing: validate the draft with the workspace's data, compile it, and store an
// immutable version that the journey then points at. Runs keep the version_id they
// entered with, so publishing never disturbs customers already walking the journey.
import {
  checkForPublish, compileGraph, journeyGraphSchema, mapGraphSecrets, mapPlanSecrets, type GraphIssue, type JourneyGraph,
} from '@afterglow/journey-core';
import type { CheckContext } from '@afterglow/node-sdk';
import { applyWaitingMoves } from '@afterglow/engine';
import { randomBytes } from 'node:crypto';
import type { ApiDeps } from '../trpc/deps';
import { checkSavedTemplate } from '../templates/repository';
import { notFound } from './errors';

export type PublishResult =
  | { ok: true; versionId: string; version: number; moved: number; exited: number }
  | { ok: false; issues: GraphIssue[] };

/** Zod issues of a malformed draft, attributed to the node they are in when possible. */
function draftIssues(draft: unknown, issues: { path: PropertyKey[]; message: string }[]): GraphIssue[] {
  const nodes = (draft as { nodes?: { id?: unknown }[] } | null)?.nodes;
  return issues.map(({ path, message }) => {
    if (path[0] === 'nodes' && typeof path[1] === 'number') {
      const id = nodes?.[path[1]]?.id;
      if (typeof id === 'string') return { nodeId: id, field: path.slice(2).map(String).join('.') || 'node', code: 'draft' as const, message };
    }
    return { nodeId: null, field: path.map(String).join('.') || 'draft', code: 'draft' as const, message };
  });
}

function checkContext(deps: ApiDeps, workspaceId: string): CheckContext {
  return {
    async segmentExists(segmentId) {
      const [row] = await deps.database.sql`
        select 1 as one from segments where workspace_id = ${workspaceId} and id = ${segmentId}`;
      return Boolean(row);
    },
    checkEmailTemplate: (request) => deps.templateSandbox.check(request),
    checkSavedTemplate: (templateId) => checkSavedTemplate(deps.database.sql, deps.templateSandbox.check, workspaceId, templateId),
  };
}

/** What is published: the journey's draft and settings, or a snapshot of them (an approved request). */
export interface PublishSource { draft: unknown; settings: unknown }

/** The draft's problems that would stop it being published (none: it can be). */
export async function publishIssues(deps: ApiDeps, workspaceId: string, draft: unknown): Promise<GraphIssue[]> {
  const parsed = journeyGraphSchema.safeParse(draft);
  if (!parsed.success) return draftIssues(draft, parsed.error.issues);
  const opened = mapGraphSecrets(parsed.data, deps.registry, (value) => deps.database.secrets.open(value));
  return checkForPublish(opened, deps.registry, checkContext(deps, workspaceId));
}

export async function publishJourney(
  deps: ApiDeps, journeyId: string, userId: string | null, snapshot?: PublishSource,
): Promise<PublishResult> {
  const { sql } = deps.database;
  const [stored] = await sql<{ workspaceId: string; draft: unknown; settings: unknown }[]>`
    select workspace_id as "workspaceId", draft, settings from journeys where id = ${journeyId}`;
  if (!stored) throw notFound('journey', journeyId);
  const journey = { ...stored, ...snapshot };

  const parsed = journeyGraphSchema.safeParse(journey.draft);
  if (!parsed.success) return { ok: false, issues: draftIssues(journey.draft, parsed.error.issues) };
  // Secrets are checked opened (a signing secret's length, a header's line breaks), stored sealed.
  const { secrets } = deps.database;
  const graph: JourneyGraph = mapGraphSecrets(parsed.data, deps.registry, (value) => secrets.open(value));
  // Template compilation and segment look-ups happen before the transaction, keeping it short.
  const issues = await checkForPublish(graph, deps.registry, checkContext(deps, journey.workspaceId));
  if (issues.length > 0) return { ok: false, issues };
  const seal = (value: string) => secrets.seal(value);
  const plan = mapPlanSecrets(compileGraph(graph, deps.registry, journey.settings), deps.registry, seal);
  // The moves are the draft's instructions to this publish, not part of the version's graph.
  const { waitingMoves = [], ...published } = graph;
  const sealedGraph = mapGraphSecrets(published, deps.registry, seal);

  const now = deps.clock.now().toISOString();
  const versionId = `ver_${randomBytes(9).toString('base64url')}`;
  return sql.begin(async (tx) => {
    // The row lock serialises concurrent publishes of one journey, so version numbers never clash.
    const [locked] = await tx`select id from journeys where id = ${journeyId} for update`;
    if (!locked) throw notFound('journey', journeyId);
    const [{ version }] = await tx<{ version: number }[]>`
      select coalesce(max(version), 0)::int + 1 as version from journey_versions where journey_id = ${journeyId}`;
    await tx`
      insert into journey_versions (id, journey_id, workspace_id, version, graph, plan, published_at, published_by)
      values (${versionId}, ${journeyId}, ${journey.workspaceId}, ${version}, ${JSON.stringify(sealedGraph)}::text::jsonb,
        ${JSON.stringify(plan)}::text::jsonb, ${now}::timestamptz, ${userId})`;
    await tx`
      update journeys set current_version_id = ${versionId}, status = 'live', updated_at = ${now}::timestamptz
      where id = ${journeyId}`;
    // Only steps this version no longer has: a step brought back (undo) keeps its customers.
    const moves = waitingMoves.filter((m) => !graph.nodes.some((n) => n.id === m.from));
    const handled = await applyWaitingMoves(tx, { journeyId, versionId, moves, now: new Date(now) });
    return { ok: true as const, versionId, version, ...handled };
  });
}

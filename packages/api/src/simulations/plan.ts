// The plan a simulation replays: a published version's, or the draft compiled as publishing
// would compile it (validated, secrets sealed as in journey_versions). A draft's revision is the
// md5 of its graph and settings as stored: a result is stale once the journey's differs.
import {
  compileGraph, journeyGraphSchema, mapGraphSecrets, mapPlanSecrets, publishedDefinitionOf, validateGraph, type JourneyPlan,
} from '@afterglow/journey-core';
import { text } from '../i18n/catalogue';
import { DomainError, notFound } from '../journeys/errors';
import type { ApiDeps } from '../trpc/deps';
import type { StartInput } from './schema';

export interface SimulatedPlan { versionId: string | null; draftRevision: string | null; plan: JourneyPlan }

/** The md5 of the journey's draft and settings, as `simulations.draft_revision` stores it. */
export const revisionSql = 'md5(draft::text || settings::text)';

export async function planToSimulate(deps: ApiDeps, workspaceId: string, journeyId: string, source: StartInput['source']): Promise<SimulatedPlan> {
  const { sql, secrets } = deps.database;
  if (source.kind === 'version') {
    const [row] = await sql<{ plan: JourneyPlan }[]>`
      select plan from journey_versions where id = ${source.versionId} and journey_id = ${journeyId} and workspace_id = ${workspaceId}`;
    if (!row) throw notFound('journeyVersion', source.versionId, 'source.versionId');
    return refuseUnreplayable(deps, { versionId: source.versionId, draftRevision: null, plan: row.plan });
  }
  const [row] = await sql<{ draft: unknown; settings: unknown; revision: string }[]>`
    select draft, settings, ${sql.unsafe(revisionSql)} as revision from journeys where id = ${journeyId} and workspace_id = ${workspaceId}`;
  if (!row) throw notFound('journey', journeyId, 'journeyId');
  const parsed = journeyGraphSchema.safeParse(row.draft);
  if (!parsed.success) throw new DomainError('INVALID', text('simulation.invalidDraft', { issue: parsed.error.issues[0].message }), 'source');
  const graph = mapGraphSecrets(parsed.data, deps.registry, (value) => secrets.open(value));
  const [issue] = validateGraph(graph, deps.registry);
  if (issue) throw new DomainError('INVALID', text('simulation.invalidDraft', { issue: issue.message }), 'source');
  const plan = mapPlanSecrets(compileGraph(graph, deps.registry, row.settings), deps.registry, (value) => secrets.seal(value));
  return refuseUnreplayable(deps, { versionId: null, draftRevision: row.revision, plan });
}

/**
 * Events, calendar occurrences (a date, a schedule) and broadcasts are replayed; a trigger that
 * enters on none of them (a plugin's own) has nothing to replay.
 */
function refuseUnreplayable(deps: ApiDeps, simulated: SimulatedPlan): SimulatedPlan {
  const { plan } = simulated;
  const node = plan.nodes[plan.triggerNodeId];
  const trigger = publishedDefinitionOf(deps.registry, node)?.trigger;
  if (plan.triggerEvent === null && !trigger?.calendar && !trigger?.audience) {
    throw new DomainError('INVALID', text('simulation.unreplayableTrigger'), 'source');
  }
  return simulated;
}

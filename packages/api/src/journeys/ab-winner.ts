// "Make this arm the winner" (the report's A/B section): the live version's graph with the A/B
// split replaced by the chosen arm (journey-core keepBranch) is published as a new version, with
// the live version's settings, and becomes the draft. Runs stay pinned to the version they
// entered, so customers already past the split walk on along their arm until they finish; only
// new entrants take the winning path. Refused, like a publish, where marketers need approval.
import { journeyGraphSchema, keepBranch, readJourneySettings } from '@afterglow/journey-core';
import { branchesOf } from '@afterglow/node-sdk';
import { z } from 'zod';
import { text } from '../i18n/catalogue';
import type { Role } from '../auth/roles';
import type { ApiDeps } from '../trpc/deps';
import { approvalRequired } from './approvals';
import { DomainError, notFound } from './errors';
import { publishJourney, type PublishResult } from './publish';

export const makeWinnerInput = z.object({
  journeyId: z.string().min(1).max(100),
  nodeId: z.string().min(1).max(64),
  armId: z.string().min(1).max(64),
});
type MakeWinnerInput = z.output<typeof makeWinnerInput>;

interface Caller { id: string; workspaceId: string; role: Role }

export async function makeArmWinner(deps: ApiDeps, user: Caller, input: MakeWinnerInput): Promise<PublishResult> {
  const { sql } = deps.database;
  const [live] = await sql<{ graph: unknown; settings: unknown }[]>`
    select v.graph, v.plan -> 'settings' as settings from journeys j join journey_versions v on v.id = j.current_version_id
    where j.workspace_id = ${user.workspaceId} and j.id = ${input.journeyId}`;
  if (!live) throw notFound('journey', input.journeyId, 'journeyId');
  if (await approvalRequired(sql, user.workspaceId, user.role)) throw new DomainError('INVALID', text('approval.required'), 'approval');
  const graph = journeyGraphSchema.parse(live.graph);
  const node = graph.nodes.find((n) => n.id === input.nodeId);
  // Only a step the report compares arms of: one whose runs were put in A/B groups.
  const [experiment] = await sql`
    select 1 as one from journey_group_totals
    where journey_id = ${input.journeyId} and starts_with(grp, ${`arm:${input.nodeId}:`}) limit 1`;
  if (!node || !experiment) throw new DomainError('NOT_FOUND', text('winner.noSplit', { id: input.nodeId }), 'nodeId');
  const def = deps.registry.get(node.type, node.typeVersion);
  if (!def || !branchesOf(def, node.config).some((b) => b.id === input.armId)) {
    throw new DomainError('INVALID', text('winner.noArm', { id: input.armId }), 'armId');
  }
  const draft = keepBranch(graph, node.id, input.armId);
  const settings = readJourneySettings(live.settings);
  const result = await publishJourney(deps, input.journeyId, user.id, { draft, settings });
  if (!result.ok) return result;
  // The draft continues from what is now live (its unpublished changes, if any, are replaced). Its
  // revision changes with it, so an editor still open on the old draft cannot save it back.
  await sql`
    update journeys set draft = ${JSON.stringify(draft)}::text::jsonb, settings = ${JSON.stringify(settings)}::text::jsonb,
      updated_at = ${deps.clock.now().toISOString()}::timestamptz
    where workspace_id = ${user.workspaceId} and id = ${input.journeyId}`;
  return result;
}

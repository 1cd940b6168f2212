// Publish requests: the setting that turns approval on, the list of requests, one request
// with what it would change, and the decisions (see journeys/approvals.ts for the rules).
import { diffGraphs, journeyGraphSchema, type JourneyGraph } from '@afterglow/journey-core';
import { z } from 'zod';
import { approvalRequired, decideRequest, requestPublish, withdrawRequest } from '../journeys/approvals';
import { notFound } from '../journeys/errors';
import { graphForReader } from '../journeys/redact';
import { protectedProcedure, router } from './init';
import { mayCall } from './permissions';
import { iso } from './time';

const requestId = z.uuid('id must be a publish request id');
const comment = z.string().trim().max(2000, 'Keep the comment under 2,000 characters').default('');

export const approvalsRouter = router({
  /** The setting, and whether this user's publish must be requested. */
  settings: protectedProcedure.query(async ({ ctx }) => {
    const { sql } = ctx.deps.database;
    const [row] = await sql<{ publishApproval: boolean }[]>`
      select publish_approval as "publishApproval" from workspaces where id = ${ctx.user.workspaceId}`;
    const mustRequest = await approvalRequired(sql, ctx.user.workspaceId, ctx.user.role);
    return { publishApproval: row?.publishApproval ?? false, mustRequest };
  }),

  saveSettings: protectedProcedure.input(z.object({ publishApproval: z.boolean() })).mutation(async ({ ctx, input }) => {
    await ctx.deps.database.sql`update workspaces set publish_approval = ${input.publishApproval} where id = ${ctx.user.workspaceId}`;
    return { ...input, mustRequest: await approvalRequired(ctx.deps.database.sql, ctx.user.workspaceId, ctx.user.role) };
  }),

  list: protectedProcedure
    .input(z.object({ status: z.enum(['pending', 'decided']).default('pending') }).default({ status: 'pending' }))
    .query(async ({ ctx, input }) => {
      const { sql } = ctx.deps.database;
      const rows = await sql<{
        id: string; journeyId: string; journeyName: string; status: string; requestedBy: string; decidedBy: string | null;
        comment: string; createdAt: Date | string; decidedAt: Date | string | null;
      }[]>`
        select r.id, r.journey_id as "journeyId", j.name as "journeyName", r.status, coalesce(u.email, '') as "requestedBy",
          d.email as "decidedBy", r.comment, r.created_at as "createdAt", r.decided_at as "decidedAt"
        from publish_requests r join journeys j on j.id = r.journey_id
        left join users u on u.id = r.requested_by left join users d on d.id = r.decided_by
        where r.workspace_id = ${ctx.user.workspaceId}
          and ${input.status === 'pending' ? sql`r.status = 'pending'` : sql`r.status <> 'pending'`}
        order by r.created_at desc limit 100`;
      return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), decidedAt: iso(r.decidedAt) }));
    }),

  /** A request and what it changes from the live version (secrets hidden from those who cannot edit). */
  get: protectedProcedure.input(z.object({ id: requestId })).query(async ({ ctx, input }) => {
    const [row] = await ctx.deps.database.sql<{ journeyId: string; journeyName: string; status: string; graph: unknown; live: unknown }[]>`
      select r.journey_id as "journeyId", j.name as "journeyName", r.status, r.graph, v.graph as live
      from publish_requests r join journeys j on j.id = r.journey_id
      left join journey_versions v on v.id = j.current_version_id
      where r.workspace_id = ${ctx.user.workspaceId} and r.id = ${input.id}`;
    if (!row) throw notFound('publishRequest', input.id);
    const show = (graph: unknown): JourneyGraph | null => {
      const parsed = journeyGraphSchema.safeParse(graph);
      if (!parsed.success) return null;
      // Opened for those who may edit (sealed values differ at every sealing, so only opened ones compare).
      return graphForReader(parsed.data, ctx.deps.registry, ctx.deps.database.secrets, mayCall(ctx.user.role, 'journeys.saveDraft'));
    };
    const draft = show(row.graph) ?? { nodes: [], edges: [] };
    return { journeyId: row.journeyId, journeyName: row.journeyName, status: row.status, diff: diffGraphs(show(row.live), draft) };
  }),

  /** Asks for the journey's current draft to be published (when the workspace requires approval). */
  request: protectedProcedure.input(z.object({ journeyId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => requestPublish(ctx.deps, ctx.user, input.journeyId)),

  decide: protectedProcedure
    .input(z.object({ id: requestId, approve: z.boolean(), comment }))
    .mutation(({ ctx, input }) => decideRequest(ctx.deps, ctx.user, input.id, input.approve, input.comment)),

  withdraw: protectedProcedure.input(z.object({ id: requestId })).mutation(async ({ ctx, input }) => {
    await withdrawRequest(ctx.deps.database.sql, ctx.user, input.id, ctx.deps.clock.now());
    return { ok: true as const };
  }),
});

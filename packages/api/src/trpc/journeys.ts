import { journeyGraphSchema, journeySettingsSchema } from '@afterglow/journey-core';
import { z } from 'zod';
import { text } from '../i18n/catalogue';
import { approvalRequired } from '../journeys/approvals';
import { DomainError } from '../journeys/errors';
import { publishJourney } from '../journeys/publish';
import {
  assertJourneyInWorkspace, assertVersionInWorkspace, createJourney, getJourney, listJourneys, saveDraft,
  setJourneyStatus,
} from '../journeys/repository';
import { openDraft } from '../journeys/open-draft';
import { saveJourneySettings } from '../journeys/settings';
import { journeyReport, reportInputSchema } from '../journeys/report/index';
import { protectedProcedure, router } from './init';
import { mayCall } from './permissions';

const journeyId = z.string().min(1).max(100);
const journeyName = z.string().trim().min(1, 'Give the journey a name').max(200, 'Keep the name under 200 characters');

export const journeysRouter = router({
  list: protectedProcedure.query(({ ctx }) => listJourneys(ctx.deps, ctx.user.workspaceId)),

  create: protectedProcedure
    .input(z.object({ name: journeyName }))
    .mutation(({ ctx, input }) => createJourney(ctx.deps, ctx.user.workspaceId, input.name)),

  get: protectedProcedure
    .input(z.object({ id: journeyId }))
    .query(async ({ ctx, input }) => {
      const journey = await getJourney(ctx.deps, ctx.user.workspaceId, input.id);
      // Whoever may save the draft reads its secrets; everyone else reads placeholders. Steps on an
      // older version of their type come back migrated, with the notes (journeys/open-draft.ts).
      const canEdit = mayCall(ctx.user.role, 'journeys.saveDraft');
      return { ...journey, ...openDraft(ctx.deps, journey.draft, canEdit) };
    }),

  saveDraft: protectedProcedure
    .input(z.object({ id: journeyId, draft: journeyGraphSchema, name: journeyName.optional() }))
    .mutation(({ ctx, input }) => saveDraft(ctx.deps, ctx.user.workspaceId, input.id, input.draft, input.name)),

  publish: protectedProcedure
    .input(z.object({ id: journeyId }))
    .mutation(async ({ ctx, input }) => {
      await assertJourneyInWorkspace(ctx.deps, ctx.user.workspaceId, input.id);
      // With approval on, a marketer asks instead (approvals.request; journeys/approvals.ts).
      if (await approvalRequired(ctx.deps.database.sql, ctx.user.workspaceId, ctx.user.role)) {
        throw new DomainError('INVALID', text('approval.required'), 'approval');
      }
      return publishJourney(ctx.deps, input.id, ctx.user.id);
    }),

  setStatus: protectedProcedure
    .input(z.object({ id: journeyId, status: z.enum(['live', 'paused']) }))
    .mutation(async ({ ctx, input }) => {
      await setJourneyStatus(ctx.deps, ctx.user.workspaceId, input.id, input.status);
      return { ok: true as const };
    }),

  stats: protectedProcedure
    .input(z.object({ versionId: z.string().min(1).max(100) }))
    .query(async ({ ctx, input }) => {
      await assertVersionInWorkspace(ctx.deps, ctx.user.workspaceId, input.versionId);
      return ctx.deps.engine.stats(input.versionId);
    }),

  /** Figures, funnel and experiments over a period, from the rollups (journeys/report). */
  report: protectedProcedure
    .input(reportInputSchema)
    .query(({ ctx, input }) => journeyReport(ctx.deps, ctx.user.workspaceId, input)),

  /** Re-entry rule and exit goal; they take effect when the journey is next published. */
  saveSettings: protectedProcedure
    .input(z.object({ id: journeyId, settings: journeySettingsSchema }))
    .mutation(({ ctx, input }) => saveJourneySettings(ctx.deps, ctx.user.workspaceId, input.id, input.settings)),

  /** Failed runs of a version (or of one step) try again from the step that failed. */
  retryFailed: protectedProcedure
    .input(z.object({ versionId: z.string().min(1).max(100), nodeId: z.string().min(1).max(64).optional() }))
    .mutation(async ({ ctx, input }) => {
      await assertVersionInWorkspace(ctx.deps, ctx.user.workspaceId, input.versionId);
      return { retried: await ctx.deps.engine.retryFailed(input.versionId, input.nodeId) };
    }),
});

import { journeyGraphSchema, journeySettingsSchema } from '@afterglow/journey-core';
import { z } from 'zod';
import { text } from '../i18n/catalogue';
import { approvalRequired } from '../journeys/approvals';
import { DomainError } from '../journeys/errors';
import { publishJourney } from '../journeys/publish';
import {
  assertJourneyInWorkspace, assertVersionInWorkspace, createJourney, getJourney, saveDraft, setJourneyStatus,
} from '../journeys/repository';
import { openDraft } from '../journeys/open-draft';
import { saveJourneySettings } from '../journeys/settings';
import { waitingAtRemovedSteps } from '../journeys/waiting-at-removed';
import { exportJourneyFile } from '../journeys/journey-file/export';
import { importJourneyFile } from '../journeys/journey-file/import';
import { galleryCards, useGalleryEntry } from '../gallery/index';
import { localeOf } from './localize';
import { customerRuns, customerRunsInput } from '../runs/customer-runs';
import { runTimeline } from '../runs/run-timeline';
import { stepCustomers, stepCustomersInput } from '../runs/step-customers';
import { journeyReport, reportInputSchema } from '../journeys/report/index';
import { makeArmWinner, makeWinnerInput } from '../journeys/ab-winner';
import { protectedProcedure, router } from './init';
import { journeyListProcedures } from './journey-list';
import { mayCall } from './permissions';

const journeyId = z.string().min(1).max(100);
const journeyName = z.string().trim().min(1, 'Give the journey a name').max(200, 'Keep the name under 200 characters');

export const journeysRouter = router({
  ...journeyListProcedures,

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
    .input(z.object({
      id: journeyId, draft: journeyGraphSchema, name: journeyName.optional(),
      /** The draftRevision the editor opened or last saved; without it, the last save wins. */
      revision: z.string().max(64).optional(),
    }))
    .mutation(({ ctx, input }) => saveDraft(ctx.deps, ctx.user.workspaceId, input.id, input.draft, input.name, input.revision)),

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

  /** Removed steps where customers wait now: the publish dialog asks what happens to them. */
  waitingAtRemoved: protectedProcedure
    .input(z.object({ id: journeyId }))
    .query(({ ctx, input }) => waitingAtRemovedSteps(ctx.deps, ctx.user.workspaceId, input.id)),

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

  /** An A/B split's arm becomes the only path: the live version without the other arms is published. */
  makeWinner: protectedProcedure
    .input(makeWinnerInput)
    .mutation(({ ctx, input }) => makeArmWinner(ctx.deps, ctx.user, input)),

  /** Re-entry rule and exit goal; they take effect when the journey is next published. */
  saveSettings: protectedProcedure
    .input(z.object({ id: journeyId, settings: journeySettingsSchema }))
    .mutation(({ ctx, input }) => saveJourneySettings(ctx.deps, ctx.user.workspaceId, input.id, input.settings)),

  /** The journey as a file (docs/journey-format.md): its draft, settings, templates and segments; secrets blanked. */
  exportFile: protectedProcedure
    .input(z.object({ id: journeyId }))
    .query(({ ctx, input }) => exportJourneyFile(ctx.deps, ctx.user.workspaceId, input.id)),

  /** A journey file as a new draft with its own copies of the templates (and segments) it carries; problems named by step. */
  importFile: protectedProcedure
    .input(z.object({ file: z.unknown() }))
    .mutation(({ ctx, input }) => importJourneyFile(ctx.deps, { workspaceId: ctx.user.workspaceId, userId: ctx.user.id, locale: localeOf(ctx) }, input.file)),

  /** The playbook's journeys (and a blank one) to start from, with the events each needs and whether they have arrived. */
  gallery: protectedProcedure.query(({ ctx }) => galleryCards(ctx.deps, ctx.user.workspaceId, localeOf(ctx))),

  /** A gallery journey as a new draft with its templates (every language) and segments: the same import as a file's. */
  useGalleryTemplate: protectedProcedure
    .input(z.object({ key: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => useGalleryEntry(ctx.deps, { workspaceId: ctx.user.workspaceId, userId: ctx.user.id, locale: localeOf(ctx) }, input.key)),

  /** Failed runs of a version (or of one step) try again from the step that failed. */
  retryFailed: protectedProcedure
    .input(z.object({ versionId: z.string().min(1).max(100), nodeId: z.string().min(1).max(64).optional() }))
    .mutation(async ({ ctx, input }) => {
      await assertVersionInWorkspace(ctx.deps, ctx.user.workspaceId, input.versionId);
      return { retried: await ctx.deps.engine.retryFailed(input.versionId, input.nodeId) };
    }),

  /** Who is at a step now, or went on from it (the run explorer). */
  stepCustomers: protectedProcedure
    .input(stepCustomersInput)
    .query(async ({ ctx, input }) => {
      await assertJourneyInWorkspace(ctx.deps, ctx.user.workspaceId, input.journeyId);
      return stepCustomers(ctx.deps.database.sql, ctx.user.workspaceId, input);
    }),

  /** One run, step by step, with what its steps did. */
  runTimeline: protectedProcedure
    .input(z.object({ runId: z.uuid('Run ids are UUIDs') }))
    .query(({ ctx, input }) => runTimeline(ctx.deps.database.sql, ctx.user.workspaceId, input.runId)),

  /** Every journey a customer walked (the customer page). */
  customerRuns: protectedProcedure
    .input(customerRunsInput)
    .query(({ ctx, input }) => customerRuns(ctx.deps.database.sql, ctx.user.workspaceId, input)),
});

// The journey list and what its rows and the editor's version history do: a page of journeys,
// duplicate, archive, delete, the published versions, a diff between two and reverting the
// draft to one. Spread into the journeys router (journeys.ts), so the paths stay journeys.*.
import { z } from 'zod';
import { duplicateJourney, deleteJourney, journeyRunCounts, setArchived } from '../journeys/lifecycle';
import { JOURNEY_STATUSES, listJourneys } from '../journeys/list';
import { diffVersions, listVersions, revertDraft } from '../journeys/versions';
import { localeOf } from './localize';
import { protectedProcedure } from './init';
import { mayCall } from './permissions';

const journeyId = z.string().min(1).max(100);
const versionId = z.string().min(1).max(100);

const listInput = z.object({
  search: z.string().trim().max(200, 'Keep the search under 200 characters').optional(),
  status: z.enum([...JOURNEY_STATUSES, 'current']).default('current'),
  sort: z.enum(['name', 'updated', 'entries']).default('updated'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(100).default(25),
});

export const journeyListProcedures = {
  list: protectedProcedure
    .input(listInput.default(listInput.parse({})))
    .query(({ ctx, input }) => listJourneys(ctx.deps, ctx.user.workspaceId, input)),

  /** A new draft "Copy of …" with the same steps and settings. */
  duplicate: protectedProcedure
    .input(z.object({ id: journeyId }))
    .mutation(({ ctx, input }) => duplicateJourney(ctx.deps, ctx.user.workspaceId, input.id, localeOf(ctx))),

  /** Archived: no one new enters; customers inside walk on. Unarchived: paused (or a draft). */
  setArchived: protectedProcedure
    .input(z.object({ id: journeyId, archived: z.boolean() }))
    .mutation(({ ctx, input }) => setArchived(ctx.deps, ctx.user.workspaceId, input.id, input.archived)),

  /** Customers in the journey now and ever, and whether it may be deleted (no one ever entered). */
  runCounts: protectedProcedure
    .input(z.object({ id: journeyId }))
    .query(({ ctx, input }) => journeyRunCounts(ctx.deps, ctx.user.workspaceId, input.id)),

  delete: protectedProcedure
    .input(z.object({ id: journeyId }))
    .mutation(async ({ ctx, input }) => {
      await deleteJourney(ctx.deps, ctx.user.workspaceId, input.id);
      return { ok: true as const };
    }),

  versions: protectedProcedure
    .input(z.object({ id: journeyId }))
    .query(({ ctx, input }) => listVersions(ctx.deps, ctx.user.workspaceId, input.id)),

  diffVersions: protectedProcedure
    .input(z.object({ id: journeyId, fromVersionId: versionId, toVersionId: versionId }))
    .query(({ ctx, input }) => diffVersions(
      ctx.deps, ctx.user.workspaceId, input.id, input.fromVersionId, input.toVersionId, mayCall(ctx.user.role, 'journeys.saveDraft'))),

  /** The draft becomes that version again; reverting to another version undoes it. */
  revertDraft: protectedProcedure
    .input(z.object({ id: journeyId, versionId }))
    .mutation(({ ctx, input }) => revertDraft(ctx.deps, ctx.user.workspaceId, input.id, input.versionId)),
};

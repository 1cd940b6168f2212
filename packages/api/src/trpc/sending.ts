import { workspaceSettingsSchema } from '@afterglow/journey-core';
import { getWorkspaceSettings, saveWorkspaceSettings } from '../journeys/settings';
import { protectedProcedure, router } from './init';

/** Sending rules across all journeys: the frequency cap and quiet hours. */
export const sendingRouter = router({
  get: protectedProcedure.query(({ ctx }) => getWorkspaceSettings(ctx.deps, ctx.user.workspaceId)),
  save: protectedProcedure
    .input(workspaceSettingsSchema)
    .mutation(({ ctx, input }) => saveWorkspaceSettings(ctx.deps, ctx.user.workspaceId, input)),
});

import { sendingRulesSchema } from '@afterglow/journey-core';
import { getWorkspaceSettings, saveWorkspaceSettings } from '../journeys/settings';
import { protectedProcedure, router } from './init';

/**
 * Sending rules across all journeys: the frequency cap and quiet hours. The send rate limit
 * and the approved test recipients are limits, saved by settings.sendingLimits.save.
 */
export const sendingRouter = router({
  get: protectedProcedure.query(({ ctx }) => getWorkspaceSettings(ctx.deps, ctx.user.workspaceId)),
  save: protectedProcedure
    .input(sendingRulesSchema)
    .mutation(({ ctx, input }) => saveWorkspaceSettings(ctx.deps, ctx.user.workspaceId, input)),
});

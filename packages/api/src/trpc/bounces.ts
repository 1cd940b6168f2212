import { bounceSettingsSchema } from '@afterglow/journey-core';
import { getBounceSettings, saveBounceSettings } from '../bounces/settings';
import { protectedProcedure, router } from './init';

/** How many soft bounces within how many days suppress an address (docs/email.md, "Bounces"). */
export const bouncesRouter = router({
  settings: protectedProcedure.query(({ ctx }) => getBounceSettings(ctx.deps.database.sql, ctx.user.workspaceId)),
  saveSettings: protectedProcedure
    .input(bounceSettingsSchema)
    .mutation(({ ctx, input }) => saveBounceSettings(ctx.deps.database.sql, ctx.user.workspaceId, input)),
});

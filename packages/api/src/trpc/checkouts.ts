import { checkoutSettingsSchema } from '@afterglow/journey-core';
import { getCheckoutSettings, saveCheckoutSettings } from '../checkouts/settings';
import { protectedProcedure, router } from './init';

/** When a checkout counts as abandoned (the "Checkout Abandoned" event journeys trigger on). */
export const checkoutsRouter = router({
  settings: protectedProcedure.query(({ ctx }) => getCheckoutSettings(ctx.deps, ctx.user.workspaceId)),
  saveSettings: protectedProcedure
    .input(checkoutSettingsSchema)
    .mutation(({ ctx, input }) => saveCheckoutSettings(ctx.deps, ctx.user.workspaceId, input)),
});

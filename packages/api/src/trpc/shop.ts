import { shopSettingsSchema } from '@afterglow/journey-core';
import { getShopSettings, saveShopSettings } from '../journeys/shop-settings';
import { protectedProcedure, router } from './init';

/** The shop's name and https address, for links in emails: owners and marketers change them. */
export const shopRouter = router({
  get: protectedProcedure.query(({ ctx }) => getShopSettings(ctx.deps, ctx.user.workspaceId)),
  save: protectedProcedure
    .input(shopSettingsSchema)
    .mutation(({ ctx, input }) => saveShopSettings(ctx.deps, ctx.user.workspaceId, input)),
});

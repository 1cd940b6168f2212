import { shopSettingsSchema } from '@afterglow/journey-core';
import { getShopSettings, saveShopSettings } from '../journeys/shop-settings';
import { buyingCyclesInput, buyingCyclesOf, saveBuyingCycles } from './buying-cycles';
import { protectedProcedure, router } from './init';

/** The shop's name and https address, for links in emails, and its categories' buying cycles: owners and marketers change them. */
export const shopRouter = router({
  get: protectedProcedure.query(({ ctx }) => getShopSettings(ctx.deps, ctx.user.workspaceId)),
  save: protectedProcedure
    .input(shopSettingsSchema)
    .mutation(({ ctx, input }) => saveShopSettings(ctx.deps, ctx.user.workspaceId, input)),
  /** The categories' buying cycles, for replenishment predictions: owners and marketers change them. */
  buyingCycles: protectedProcedure.query(({ ctx }) => buyingCyclesOf(ctx.deps, ctx.user.workspaceId)),
  saveBuyingCycles: protectedProcedure
    .input(buyingCyclesInput)
    .mutation(({ ctx, input }) => saveBuyingCycles(ctx.deps, ctx.user.workspaceId, input)),
});

// loyalty.analytics: the Loyalty page's figures for the period (loyalty/analytics.ts). Mounted
// under `loyalty` beside the programme's settings and redemption procedures.
import { loyaltyAnalytics } from '../loyalty/analytics';
import { loyaltyAnalyticsInput } from '../loyalty/analytics-period';
import { protectedProcedure } from './init';

export const loyaltyAnalyticsProcedure = protectedProcedure
  .input(loyaltyAnalyticsInput)
  .query(({ ctx, input }) => loyaltyAnalytics(ctx.deps.database, ctx.user.workspaceId, input, ctx.deps.clock.now()));

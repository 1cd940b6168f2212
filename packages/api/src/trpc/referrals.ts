import { referralSettingsSchema } from '@afterglow/journey-core';
import { getReferralSettings, referralStats, saveReferralSettings } from '../referrals/settings';
import { protectedProcedure, router } from './init';

/** The referral programme: its qualifying period, and what became of the workspace's referrals. */
export const referralsRouter = router({
  settings: protectedProcedure.query(({ ctx }) => getReferralSettings(ctx.deps, ctx.user.workspaceId)),
  stats: protectedProcedure.query(({ ctx }) => referralStats(ctx.deps, ctx.user.workspaceId)),
  saveSettings: protectedProcedure
    .input(referralSettingsSchema)
    .mutation(({ ctx, input }) => saveReferralSettings(ctx.deps, ctx.user.workspaceId, input)),
});

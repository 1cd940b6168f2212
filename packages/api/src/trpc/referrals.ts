import { referralSettingsSection } from '@afterglow/db';
import { referralSettingsSchema } from '@afterglow/journey-core';
import { referralStats } from '../referrals/stats';
import { protectedProcedure, router } from './init';
import { settingsProcedures } from './settings-section';

/** The referral programme: its qualifying period, and what became of the workspace's referrals. */
export const referralsRouter = router({
  ...settingsProcedures(referralSettingsSection, referralSettingsSchema),
  stats: protectedProcedure.query(({ ctx }) => referralStats(ctx.deps, ctx.user.workspaceId)),
});

// The loyalty programme for staff: its settings (Settings > Loyalty; everyone reads, marketers
// save), redeeming a reward for a customer (the customer page's "Redeem reward"), and the
// Loyalty page's figures.
import { loyaltySettingsSection } from '@afterglow/db';
import { loyaltySettingsSchema } from '@afterglow/journey-core';
import { z } from 'zod';
import { refusalAsDomainError } from '../loyalty/refusals';
import { RedemptionRefused } from '../loyalty/redeem';
import { runRedemption } from '../loyalty/redeem-run';
import { protectedProcedure, router } from './init';
import { loyaltyAnalyticsProcedure } from './loyalty-analytics';
import { settingsProcedures } from './settings-section';

const redeemInput = z.object({
  customerId: z.string({ error: 'Choose a customer' }).min(1, 'Choose a customer').max(200, 'A customer id is at most 200 characters'),
  rewardId: z.string({ error: 'Choose a reward' }).min(1, 'Choose a reward').max(40, 'A reward id is at most 40 characters'),
});

export const loyaltyRouter = router({
  analytics: loyaltyAnalyticsProcedure,
  ...settingsProcedures(loyaltySettingsSection, loyaltySettingsSchema),
  redeem: protectedProcedure.input(redeemInput).mutation(async ({ ctx, input }) => {
    const { engine, database, clock, log } = ctx.deps;
    try {
      const done = await runRedemption(
        { database, enrolEvents: engine.enrolEvents ? (tx, events) => engine.enrolEvents!(tx, events) : undefined, wake: () => engine.wake(), log },
        { workspaceId: ctx.user.workspaceId, customerId: input.customerId, rewardId: input.rewardId, now: clock.now() },
      );
      return { rewardId: done.reward.id, rewardName: done.reward.name, points: done.reward.points, balance: done.balance, coupon: done.coupon };
    } catch (err) {
      throw err instanceof RedemptionRefused ? refusalAsDomainError(err) : err;
    }
  }),
});

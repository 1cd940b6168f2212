// The workspace dashboard (the managers' home page) and the signed-in user's weekly digest
// opt-in. Figures come from rollups only (@afterglow/db dashboard); the digest itself is sent by
// the engine's weekly job (packages/engine/src/weekly-digest.ts).
import { DASHBOARD_DAYS, dashboardFigures, dashboardPeriod } from '@afterglow/db';
import { z } from 'zod';
import { protectedProcedure, router } from './init';


const dashboardInput = z.object({
  days: z.literal(DASHBOARD_DAYS, { error: 'The period is 7, 30 or 90 days' }).default(30),
});

export const dashboardRouter = router({
  get: protectedProcedure.input(dashboardInput).query(({ ctx, input }) => {
    const now = ctx.deps.clock.now();
    return dashboardFigures(ctx.deps.database.sql, ctx.user.workspaceId, dashboardPeriod(input.days, now), now);
  }),

  /** Whether the signed-in user gets the weekly digest, and whether their role may. */
  digest: protectedProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.deps.database.sql<{ weeklyDigest: boolean }[]>`
      select weekly_digest as "weeklyDigest" from users where id = ${ctx.user.id}`;
    return { enabled: row?.weeklyDigest ?? false };
  }),

  setDigest: protectedProcedure
    .input(z.object({ enabled: z.boolean({ error: 'enabled must be true or false' }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.deps.database.sql`update users set weekly_digest = ${input.enabled} where id = ${ctx.user.id}`;
      return { enabled: input.enabled };
    }),
});

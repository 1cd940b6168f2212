// The first-run page: while no account exists (production mode, no demo), whoever has the
// set-up code from the server's start-up log may create the owner and their workspace, once;
// then it signs them in.
import { TRPCError } from '@trpc/server';
import { recordAudit } from '../audit/record';
import { DomainError } from '../journeys/errors';
import { createFirstOwner, firstOwnerSchema, hasNoUser } from '../setup/first-owner';
import { isFirstRunCode } from '../setup/setup-code';
import { publicProcedure, router } from './init';
import { signIn } from './sign-in';

export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({ needsOwner: await hasNoUser(ctx.deps.database) })),

  createOwner: publicProcedure
    .input(firstOwnerSchema)
    .mutation(async ({ ctx, input }) => {
      if (!isFirstRunCode(ctx.deps.database.secrets, input.setupCode)) {
        throw new DomainError('INVALID', 'This is not the set-up code: copy it from the server’s start-up log', 'setupCode');
      }
      const created = await createFirstOwner(ctx.deps.database, input, ctx.deps.clock.now());
      if (!created) throw new TRPCError({ code: 'CONFLICT', message: 'Afterglow already has an owner: sign in instead' });
      await recordAudit(ctx.deps.database.sql, {
        workspaceId: created.workspaceId, at: ctx.deps.clock.now(), actorId: created.userId, actorEmail: input.email,
        action: 'setup.createOwner', targetId: created.userId, detail: { workspaceName: input.workspaceName }, ip: ctx.clientAddress,
      });
      return signIn(ctx, created.userId);
    }),
});

// The first-run page: while no account exists (production mode, no demo), whoever has the
// set-up code from the server's start-up log may create the owner and their workspace, once;
// then it signs them in.
import { recordAudit } from '../audit/record';
import { text } from '../i18n/catalogue';
import { DomainError } from '../journeys/errors';
import { createFirstOwner, firstOwnerSchema, hasNoUser } from '../setup/first-owner';
import { isFirstRunCode } from '../setup/setup-code';
import { publicProcedure, router } from './init';
import { Refusal } from './refusal';
import { signIn } from './sign-in';

export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({ needsOwner: await hasNoUser(ctx.deps.database) })),

  createOwner: publicProcedure
    .input(firstOwnerSchema)
    .mutation(async ({ ctx, input }) => {
      if (!isFirstRunCode(ctx.deps.database.secrets, input.setupCode)) {
        throw new DomainError('INVALID', text('setup.wrongCode'), 'setupCode');
      }
      const created = await createFirstOwner(ctx.deps.database, input, ctx.deps.clock.now());
      if (!created) throw new Refusal('CONFLICT', text('setup.hasOwner'));
      await recordAudit(ctx.deps.database.sql, {
        workspaceId: created.workspaceId, at: ctx.deps.clock.now(), actorId: created.userId, actorEmail: input.email,
        action: 'setup.createOwner', targetId: created.userId, detail: { workspaceName: input.workspaceName }, ip: ctx.clientAddress,
      });
      return signIn(ctx, created.userId);
    }),
});

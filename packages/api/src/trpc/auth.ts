import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { clearedSessionCookie, deleteSession, hashPassword, verifyPassword } from '../auth/index';
import { recordAudit } from '../audit/record';
import { protectedProcedure, publicProcedure, router } from './init';
import { callableBy } from './permissions';
import { signIn } from './sign-in';

// Compared against when the email is unknown, so both failures take the same time.
const unknownUserHash = hashPassword('afterglow-no-such-user');

export const authRouter = router({
  login: publicProcedure
    .input(z.object({
      email: z.string().trim().min(1, 'Enter your email').max(320),
      password: z.string().min(1, 'Enter your password').max(1000),
    }))
    .mutation(async ({ ctx, input }) => {
      const { database, clock } = ctx.deps;
      const [row] = await database.sql<{ id: string; passwordHash: string; workspaceId: string }[]>`
        select id, password_hash as "passwordHash", workspace_id as "workspaceId" from users where lower(email) = lower(${input.email})`;
      const valid = await verifyPassword(input.password, row?.passwordHash ?? (await unknownUserHash));
      // A failed sign-in to a known account is the account's workspace's business.
      if (row) {
        await recordAudit(database.sql, {
          workspaceId: row.workspaceId, at: clock.now(), actorId: valid ? row.id : null, actorEmail: input.email,
          action: valid ? 'auth.login' : 'auth.login.failed', targetId: row.id, ip: ctx.ip,
        });
      }
      if (!row || !valid) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect' });
      return signIn(ctx, row.id);
    }),

  logout: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.deps.database, ctx.sessionToken);
    ctx.res.setHeader('Set-Cookie', clearedSessionCookie);
    return { ok: true as const };
  }),

  /** The signed-in user and the procedures their role may call (the web app hides the rest). */
  me: publicProcedure.query(({ ctx }) => (ctx.user ? { ...ctx.user, can: callableBy(ctx.user.role) } : null)),
});

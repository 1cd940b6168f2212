import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  clearedSessionCookie, createSession, deleteSession, hashPassword, sessionCookie, userForToken, verifyPassword,
} from '../auth/index';
import { recordAudit } from '../audit/record';
import { protectedProcedure, publicProcedure, router } from './init';
import { callableBy } from './permissions';

// Compared against when the email is unknown, so both failures take the same time.
const unknownUserHash = hashPassword('afterglow-no-such-user');

export const authRouter = router({
  login: publicProcedure
    .input(z.object({
      email: z.string().trim().min(1, 'Enter your email').max(320),
      password: z.string().min(1, 'Enter your password').max(1000),
    }))
    .mutation(async ({ ctx, input }) => {
      const { database, clock, secureCookies } = ctx.deps;
      const [row] = await database.sql<{ id: string; passwordHash: string; workspaceId: string }[]>`
        select id, password_hash as "passwordHash", workspace_id as "workspaceId" from users where lower(email) = lower(${input.email})`;
      const valid = await verifyPassword(input.password, row?.passwordHash ?? (await unknownUserHash));
      const now = clock.now();
      // A failed sign-in to a known account is the account's workspace's business.
      if (row) {
        await recordAudit(database.sql, {
          workspaceId: row.workspaceId, at: now, actorId: valid ? row.id : null, actorEmail: input.email,
          action: valid ? 'auth.login' : 'auth.login.failed', targetId: row.id, ip: ctx.ip,
        });
      }
      if (!row || !valid) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect' });
      const session = await createSession(database, row.id, now);
      ctx.res.setHeader('Set-Cookie', sessionCookie(session.token, session.expiresAt, secureCookies ?? false));
      const user = await userForToken(database, session.token, now);
      if (!user) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `Session for user ${row.id} was not stored` });
      return { ...user, can: callableBy(user.role) };
    }),

  logout: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.deps.database, ctx.sessionToken);
    ctx.res.setHeader('Set-Cookie', clearedSessionCookie);
    return { ok: true as const };
  }),

  /** The signed-in user and the procedures their role may call (the web app hides the rest). */
  me: publicProcedure.query(({ ctx }) => (ctx.user ? { ...ctx.user, can: callableBy(ctx.user.role) } : null)),
});

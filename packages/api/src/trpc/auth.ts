// Signing in and out. A sign-in refused by throttling is a 429 with Retry-After and a message
// that names the wait, so the login page can say how long; wrong passwords and unknown emails
// get the same 401.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  checkSignIn, clearedSessionCookie, createSession, deleteSession, endAllSessions, sessionCookie, userForToken,
} from '../auth/index';
import { protectedProcedure, publicProcedure, router } from './init';

/** "45 seconds", "3 minutes": a wait as a person reads it. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export const authRouter = router({
  login: publicProcedure
    .input(z.object({
      email: z.string().trim().min(1, 'Enter your email').max(320),
      password: z.string().min(1, 'Enter your password').max(1000),
    }))
    .mutation(async ({ ctx, input }) => {
      const { database, clock, secureCookies } = ctx.deps;
      const now = clock.now();
      const log = ctx.deps.log ?? (() => {});
      const result = await checkSignIn(database, { ...input, address: ctx.clientAddress }, now, log);
      if (!result.ok && result.reason === 'throttled') {
        ctx.res.setHeader('Retry-After', String(result.retryAfterSeconds));
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `Too many sign-in attempts${result.by === 'address' ? ' from your network' : ' for this account'}: `
            + `try again in ${describeWait(result.retryAfterSeconds)}`,
        });
      }
      if (!result.ok) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect' });
      const session = await createSession(database, result.userId, now);
      ctx.res.setHeader('Set-Cookie', sessionCookie(session.token, session.expiresAt, secureCookies ?? false));
      const user = await userForToken(database, session.token, now);
      if (!user) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `Session for user ${result.userId} was not stored` });
      return user;
    }),

  logout: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.deps.database, ctx.sessionToken);
    ctx.res.setHeader('Set-Cookie', clearedSessionCookie);
    return { ok: true as const };
  }),

  /** Ends every session of the signed-in user, this one included (a lost laptop, a shared computer). */
  logoutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    const ended = await endAllSessions(ctx.deps.database, ctx.user.id);
    ctx.res.setHeader('Set-Cookie', clearedSessionCookie);
    ctx.deps.log?.('signed out everywhere', { userId: ctx.user.id, sessions: ended });
    return { ended };
  }),

  me: publicProcedure.query(({ ctx }) => ctx.user),
});

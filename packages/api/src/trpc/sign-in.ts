// Starting a session for a user whose identity was just proven (sign-in, first-run owner):
// the cookie goes on the response, the session user is what the app shows.
import { TRPCError } from '@trpc/server';
import { createSession, sessionCookie, userForToken, type SessionUser } from '../auth/index';
import type { TrpcContext } from './init';
import { callableBy } from './permissions';

/** The session user, with the procedures their role may call (as auth.me answers). */
export async function signIn(ctx: TrpcContext, userId: string): Promise<SessionUser & { can: string[] }> {
  const { database, clock, secureCookies } = ctx.deps;
  const now = clock.now();
  const session = await createSession(database, userId, now);
  ctx.res.setHeader('Set-Cookie', sessionCookie(session.token, session.expiresAt, secureCookies ?? false));
  const user = await userForToken(database, session.token, now);
  if (!user) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `Session for user ${userId} was not stored` });
  return { ...user, can: callableBy(user.role) };
}

// Signing in and out. A sign-in refused by throttling is a 429 with Retry-After and a message
// that names the wait, so the login page can say how long; wrong passwords and unknown emails
// get the same 401. Sign-ins, failed and throttled ones to known accounts go to the account's
// workspace's audit log.
import { LOCALES } from '@afterglow/i18n';
import { z } from 'zod';
import { checkSignIn, clearedSessionCookie, deleteSession, endAllSessions, type SignInResult } from '../auth/index';
import { recordAudit } from '../audit/record';
import { text } from '../i18n/catalogue';
import { protectedProcedure, publicProcedure, router, type TrpcContext } from './init';
import { callableBy } from './permissions';
import { Refusal } from './refusal';
import { signIn } from './sign-in';

/** "45 seconds", "3 minutes": a wait as a person reads it (the catalogue words it). */
const waitOf = (seconds: number) =>
  (seconds < 60 ? { unit: 'second', count: seconds } : { unit: 'minute', count: Math.ceil(seconds / 60) });

const auditAction = (result: SignInResult) =>
  result.ok ? 'auth.login' : result.reason === 'throttled' ? 'auth.login.throttled' : 'auth.login.failed';

async function auditSignIn(ctx: TrpcContext, email: string, result: SignInResult, now: Date) {
  const { sql } = ctx.deps.database;
  const [account] = await sql<{ id: string; workspaceId: string }[]>`
    select id, workspace_id as "workspaceId" from users where lower(email) = lower(${email.trim()})`;
  if (!account) return; // an unknown email belongs to no workspace
  await recordAudit(sql, {
    workspaceId: account.workspaceId, at: now, actorId: result.ok ? account.id : null, actorEmail: email.trim(),
    action: auditAction(result), targetId: account.id, ip: ctx.clientAddress,
    detail: !result.ok && result.reason === 'throttled' ? { by: result.by, retryAfterSeconds: result.retryAfterSeconds } : {},
  });
}

export const authRouter = router({
  login: publicProcedure
    .input(z.object({
      email: z.string().trim().min(1, 'Enter your email').max(320),
      password: z.string().min(1, 'Enter your password').max(1000),
    }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.deps.clock.now();
      const log = (msg: string, data?: object) => ctx.deps.log?.warn(msg, data as Record<string, unknown>);
      const result = await checkSignIn(ctx.deps.database, { ...input, address: ctx.clientAddress }, now, log);
      await auditSignIn(ctx, input.email, result, now);
      if (!result.ok && result.reason === 'throttled') {
        ctx.res.setHeader('Retry-After', String(result.retryAfterSeconds));
        throw new Refusal('TOO_MANY_REQUESTS', text('auth.throttled', { by: result.by, ...waitOf(result.retryAfterSeconds) }));
      }
      if (!result.ok) throw new Refusal('UNAUTHORIZED', text('auth.wrongPassword'));
      return signIn(ctx, result.userId);
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
    ctx.deps.log?.info('signed out everywhere', { userId: ctx.user.id, sessions: ended });
    return { ended };
  }),

  /** The signed-in user's own language for the app (any role, for themselves only). */
  setLocale: protectedProcedure
    .input(z.object({ locale: z.enum(LOCALES, { error: `locale: one of ${LOCALES.join(', ')}` }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.deps.database.sql`update users set locale = ${input.locale} where id = ${ctx.user.id}`;
      return { locale: input.locale };
    }),

  /** The signed-in user and the procedures their role may call (the web app hides the rest). */
  me: publicProcedure.query(({ ctx }) => (ctx.user ? { ...ctx.user, can: callableBy(ctx.user.role) } : null)),
});

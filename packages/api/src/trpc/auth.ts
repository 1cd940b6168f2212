import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { clearedSessionCookie, deleteSession, hashPassword, verifyPassword } from '../auth/index';
import { protectedProcedure, publicProcedure, router } from './init';
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
      const { database } = ctx.deps;
      const [row] = await database.sql<{ id: string; passwordHash: string }[]>`
        select id, password_hash as "passwordHash" from users where lower(email) = lower(${input.email})`;
      const valid = await verifyPassword(input.password, row?.passwordHash ?? (await unknownUserHash));
      if (!row || !valid) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect' });
      return signIn(ctx, row.id);
    }),

  logout: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.deps.database, ctx.sessionToken);
    ctx.res.setHeader('Set-Cookie', clearedSessionCookie);
    return { ok: true as const };
  }),

  me: publicProcedure.query(({ ctx }) => ctx.user),
});

// The Users page (owners and admins): the team, their roles, and invitations; and the two
// public steps of accepting an invitation (see team/invitations.ts for the rules).
import { z } from 'zod';
import { ROLES } from '../auth/roles';
import { recordAudit } from '../audit/record';
import {
  acceptInvitation, invite, listInvitations, lookupInvitation, resendInvitation, revokeInvitation,
} from '../team/invitations';
import { changeRole, listUsers, removeUser } from '../team/users';
import { appUrl } from './deps';
import { protectedProcedure, publicProcedure, router } from './init';
import { signIn } from './sign-in';
import { iso } from './time';

const role = z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` });
const userId = z.string().min(1, 'userId is required').max(100);
const invitationId = z.uuid('id must be an invitation id');
const token = z.string().min(20, 'This invitation link is not valid').max(200, 'This invitation link is not valid');
export const newPassword = z.string()
  .min(10, 'Choose a password of at least 10 characters').max(200, 'Keep the password under 200 characters');

const inviter = (ctx: { user: { id: string; name: string; email: string; role: (typeof ROLES)[number]; workspaceId: string; workspaceName: string } }) => ctx.user;

export const usersRouter = router({
  list: protectedProcedure.query(async ({ ctx }) => {
    const [members, invitations] = await Promise.all([
      listUsers(ctx.deps.database, ctx.user.workspaceId), listInvitations(ctx.deps.database, ctx.user.workspaceId),
    ]);
    return {
      members: members.map((m) => ({ ...m, createdAt: iso(m.createdAt), you: m.id === ctx.user.id })),
      invitations: invitations.map((i) => ({ ...i, createdAt: iso(i.createdAt), expiresAt: iso(i.expiresAt) })),
    };
  }),

  invite: protectedProcedure
    .input(z.object({ email: z.email('email must be an email address').trim().toLowerCase().max(320), role }))
    .mutation(({ ctx, input }) =>
      invite(ctx.deps.database, inviter(ctx), input.email, input.role, appUrl(ctx.deps), ctx.deps.clock.now())),

  resendInvitation: protectedProcedure.input(z.object({ id: invitationId })).mutation(async ({ ctx, input }) => {
    await resendInvitation(ctx.deps.database, inviter(ctx), input.id, appUrl(ctx.deps), ctx.deps.clock.now());
    return { ok: true as const };
  }),

  revokeInvitation: protectedProcedure.input(z.object({ id: invitationId })).mutation(async ({ ctx, input }) => {
    await revokeInvitation(ctx.deps.database, ctx.user.workspaceId, input.id, ctx.deps.clock.now());
    return { ok: true as const };
  }),

  changeRole: protectedProcedure.input(z.object({ userId, role })).mutation(async ({ ctx, input }) => {
    const member = await changeRole(ctx.deps.database, ctx.user, input.userId, input.role);
    return { ...member, createdAt: iso(member.createdAt) };
  }),

  remove: protectedProcedure.input(z.object({ userId }))
    .mutation(({ ctx, input }) => removeUser(ctx.deps.database, ctx.user, input.userId)),
});

export const invitationsRouter = router({
  lookup: publicProcedure.input(z.object({ token }))
    .query(({ ctx, input }) => lookupInvitation(ctx.deps.database, input.token, ctx.deps.clock.now())),

  accept: publicProcedure
    .input(z.object({ token, name: z.string().trim().min(1, 'Enter your name').max(200), password: newPassword }))
    .mutation(async ({ ctx, input }) => {
      const { database, clock } = ctx.deps;
      const now = clock.now();
      const account = await acceptInvitation(database, input.token, input.name, input.password, now);
      await recordAudit(database.sql, {
        workspaceId: account.workspaceId, at: now, actorId: account.userId, actorEmail: account.email,
        action: 'invitations.accept', targetId: account.userId, ip: ctx.clientAddress,
      });
      return signIn(ctx, account.userId);
    }),
});

// The people of a workspace: list them, change a role, remove one. Rules that keep a
// workspace governable: it always keeps an owner; only owners make or unmake owners; nobody
// removes or demotes themselves (another owner or admin must). A removed user's sessions end
// at once, and so do a user's sessions when their role changes (the next request signs in
// again with the new role's rights).
import type { Database, Queryable } from '@afterglow/db';
import { text } from '../i18n/catalogue';
import type { Role } from '../auth/roles';
import { DomainError, notFound } from '../journeys/errors';

export interface TeamMember { id: string; email: string; name: string; role: Role; createdAt: Date | string }

export interface Actor { id: string; role: Role; workspaceId: string }

export async function listUsers(database: Database, workspaceId: string): Promise<TeamMember[]> {
  return database.sql<TeamMember[]>`
    select id, email, name, role, created_at as "createdAt" from users
    where workspace_id = ${workspaceId} order by lower(name), lower(email)`;
}

async function lockMember(tx: Queryable, sessionActor: Actor, userId: string): Promise<{ member: TeamMember; actor: Actor }> {
  // Locking every owner row (in one order) serialises changes that could leave the workspace
  // without one, such as two owners demoting each other at the same moment; the actor's role
  // is then read again, as it may have changed since their session began.
  await tx`select id from users where workspace_id = ${sessionActor.workspaceId} and role = 'owner' order by id for update`;
  const [current] = await tx<{ role: Role }[]>`select role from users where id = ${sessionActor.id}`;
  if (!current) throw new DomainError('INVALID', text('team.accountGone'), 'userId');
  const actor = { ...sessionActor, role: current.role };
  const [member] = await tx<TeamMember[]>`
    select id, email, name, role, created_at as "createdAt" from users
    where workspace_id = ${actor.workspaceId} and id = ${userId} for update`;
  if (!member) throw notFound('user', userId, 'userId');
  if (member.id === actor.id) throw new DomainError('INVALID', text('team.notYourself'), 'userId');
  if (member.role === 'owner' && actor.role !== 'owner') throw new DomainError('INVALID', text('team.ownerChangesOwner'), 'userId');
  return { member, actor };
}

export async function changeRole(database: Database, sessionActor: Actor, userId: string, role: Role): Promise<TeamMember> {
  return database.sql.begin(async (tx) => {
    const { member, actor } = await lockMember(tx, sessionActor, userId);
    if (role === 'owner' && actor.role !== 'owner') throw new DomainError('INVALID', text('team.ownerMakesOwner'), 'role');
    if (member.role === role) return member;
    await tx`update users set role = ${role} where id = ${userId}`;
    await tx`delete from sessions where user_id = ${userId}`;
    return { ...member, role };
  });
}

export async function removeUser(database: Database, actor: Actor, userId: string): Promise<{ id: string; email: string }> {
  return database.sql.begin(async (tx) => {
    const { member } = await lockMember(tx, actor, userId);
    await tx`delete from sessions where user_id = ${userId}`;
    await tx`delete from users where id = ${userId}`;
    return { id: member.id, email: member.email };
  });
}

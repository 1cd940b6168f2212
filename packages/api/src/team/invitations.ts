// Invitations: an owner or admin invites by email; the invitee follows a signed link (a
// random token, stored only as its SHA-256) that expires after a week, chooses a name and a
// password, and is signed in. Inviting an address again, or resending, replaces the link.
import type { Database, Queryable } from '@afterglow/db';
import { createHash, randomBytes } from 'node:crypto';
import { say, text, type MessageKey, type MessageValues } from '../i18n/catalogue';
import { hashPassword } from '../auth/password';
import type { Role } from '../auth/roles';
import { DomainError, notFound } from '../journeys/errors';
import { mailLocale, shopLocaleOf } from './mail-locale';
import { queueTeamEmail } from './team-mail';

export const INVITATION_DAYS = 7;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface Inviter { id: string; name: string; email: string; role: Role; workspaceId: string; workspaceName: string }

export interface InvitationRow {
  id: string; email: string; role: Role; invitedBy: string; expiresAt: Date | string; createdAt: Date | string;
}

export async function listInvitations(database: Database, workspaceId: string): Promise<InvitationRow[]> {
  return database.sql<InvitationRow[]>`
    select i.id, i.email, i.role, coalesce(u.email, '') as "invitedBy", i.expires_at as "expiresAt", i.created_at as "createdAt"
    from invitations i left join users u on u.id = i.invited_by
    where i.workspace_id = ${workspaceId} and i.accepted_at is null and i.revoked_at is null
    order by i.created_at desc`;
}

async function sendLink(tx: Queryable, invitationId: string, inviter: Inviter, email: string, role: Role, publicUrl: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  await tx`update invitations set token_hash = ${sha256(token)}, expires_at = ${expiresAt} where id = ${invitationId}`;
  // The invitee has no account yet: the inviter's language, else the shop's.
  const [own] = await tx<{ locale: string | null }[]>`select locale from users where id = ${inviter.id}`;
  const locale = mailLocale(own?.locale ?? null, await shopLocaleOf(tx, inviter.workspaceId));
  const line = (key: MessageKey, values?: MessageValues) => say(text(key, values), locale);
  const names = { inviter: inviter.name || inviter.email, workspace: inviter.workspaceName };
  await queueTeamEmail(tx, {
    workspaceId: inviter.workspaceId, to: email, now, locale,
    subject: line('teamMail.invite.subject', names),
    paragraphs: [line('teamMail.invite.body', { ...names, role }), line('teamMail.invite.expiry', { days: INVITATION_DAYS })],
    action: { label: line('teamMail.invite.action'), url: `${publicUrl.replace(/\/$/, '')}/invite/${token}` },
  });
}

export async function invite(
  database: Database, inviter: Inviter, email: string, role: Role, publicUrl: string, now: Date,
): Promise<{ id: string }> {
  if (role === 'owner' && inviter.role !== 'owner') throw new DomainError('INVALID', text('team.ownerInvitesOwner'), 'role');
  return database.sql.begin(async (tx) => {
    const [member] = await tx`select 1 from users where lower(email) = lower(${email})`;
    if (member) throw new DomainError('CONFLICT', text('team.emailTaken', { email }), 'email');
    // An open invitation to the same address is replaced: a new role, a new link.
    await tx`update invitations set revoked_at = ${now}
      where workspace_id = ${inviter.workspaceId} and lower(email) = lower(${email}) and accepted_at is null and revoked_at is null`;
    const [{ id }] = await tx<{ id: string }[]>`
      insert into invitations (workspace_id, email, role, token_hash, invited_by, expires_at, created_at)
      values (${inviter.workspaceId}, ${email}, ${role}, ${sha256(randomBytes(32).toString('hex'))}, ${inviter.id}, ${now}, ${now})
      returning id`;
    await sendLink(tx, id, inviter, email, role, publicUrl, now);
    return { id };
  });
}

async function openInvitation(tx: Queryable, workspaceId: string, id: string) {
  const [row] = await tx<{ id: string; email: string; role: Role }[]>`
    select id, email, role from invitations
    where workspace_id = ${workspaceId} and id = ${id} and accepted_at is null and revoked_at is null for update`;
  if (!row) throw notFound('openInvitation', id);
  return row;
}

export async function resendInvitation(database: Database, inviter: Inviter, id: string, publicUrl: string, now: Date): Promise<void> {
  await database.sql.begin(async (tx) => {
    const row = await openInvitation(tx, inviter.workspaceId, id);
    await sendLink(tx, row.id, inviter, row.email, row.role, publicUrl, now);
  });
}

export async function revokeInvitation(database: Database, workspaceId: string, id: string, now: Date): Promise<void> {
  await database.sql.begin(async (tx) => {
    await openInvitation(tx, workspaceId, id);
    await tx`update invitations set revoked_at = ${now} where id = ${id}`;
  });
}

type LinkState = 'open' | 'expired' | 'used';

async function byToken(tx: Queryable, token: string, now: Date) {
  const [row] = await tx<{ id: string; workspaceId: string; workspaceName: string; email: string; role: Role; state: LinkState }[]>`
    select i.id, i.workspace_id as "workspaceId", w.name as "workspaceName", i.email, i.role,
      case when i.accepted_at is not null or i.revoked_at is not null then 'used'
           when i.expires_at <= ${now} then 'expired' else 'open' end as state
    from invitations i join workspaces w on w.id = i.workspace_id
    where i.token_hash = ${sha256(token)}`;
  return row ?? null;
}

/** What the invitation page shows before the invitee accepts. */
export async function lookupInvitation(database: Database, token: string, now: Date) {
  const row = await byToken(database.sql, token, now);
  if (!row) throw new DomainError('NOT_FOUND', text('invitation.invalid'), 'token');
  return { email: row.email, role: row.role, workspaceName: row.workspaceName, state: row.state };
}

/** Creates the account; the caller starts its session. */
export async function acceptInvitation(
  database: Database, token: string, name: string, password: string, now: Date,
): Promise<{ userId: string; workspaceId: string; email: string }> {
  const passwordHash = await hashPassword(password);
  return database.sql.begin(async (tx) => {
    const row = await byToken(tx, token, now);
    if (!row) throw new DomainError('NOT_FOUND', text('invitation.invalid'), 'token');
    if (row.state === 'used') throw new DomainError('CONFLICT', text('invitation.used'), 'token');
    if (row.state === 'expired') throw new DomainError('INVALID', text('invitation.expired'), 'token');
    const [updated] = await tx`update invitations set accepted_at = ${now} where id = ${row.id} and accepted_at is null returning id`;
    if (!updated) throw new DomainError('CONFLICT', text('invitation.used'), 'token');
    const [taken] = await tx`select 1 from users where lower(email) = lower(${row.email})`;
    if (taken) throw new DomainError('CONFLICT', text('team.emailTaken', { email: row.email }), 'token');
    const userId = `usr_${randomBytes(9).toString('base64url')}`;
    await tx`insert into users (id, workspace_id, email, name, password_hash, role, created_at)
      values (${userId}, ${row.workspaceId}, ${row.email}, ${name}, ${passwordHash}, ${row.role}, ${now})`;
    return { userId, workspaceId: row.workspaceId, email: row.email };
  });
}

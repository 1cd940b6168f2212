// Sessions live in the database; the browser holds only a random token in an httpOnly
// cookie, and the database holds only its SHA-256.
import type { Database } from '@afterglow/db';
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Role } from './roles';

export const SESSION_COOKIE = 'afterglow_session';
const SESSION_DAYS = 14;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  workspaceId: string;
  workspaceName: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(database: Database, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86400e3);
  await database.sql`insert into sessions (token_hash, user_id, expires_at) values (${sha256(token)}, ${userId}, ${expiresAt})`;
  return { token, expiresAt };
}

export async function deleteSession(database: Database, token: string): Promise<void> {
  await database.sql`delete from sessions where token_hash = ${sha256(token)}`;
}

export async function userForToken(database: Database, token: string | undefined, now: Date): Promise<SessionUser | null> {
  if (!token) return null;
  const [row] = await database.sql<SessionUser[]>`
    select u.id, u.email, u.name, u.role, u.workspace_id as "workspaceId", w.name as "workspaceName"
    from sessions s join users u on u.id = s.user_id join workspaces w on w.id = u.workspace_id
    where s.token_hash = ${sha256(token)} and s.expires_at > ${now}`;
  return row ?? null;
}

export function readCookie(req: Pick<IncomingMessage, 'headers'>, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure ? '; Secure' : ''}`;
}

export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

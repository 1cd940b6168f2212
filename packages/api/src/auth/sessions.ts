// Sessions live in the database; the browser holds only a random token in an httpOnly
// cookie, and the database holds only its SHA-256. A session ends 14 days after sign-in,
// or after 12 hours without a request, whichever comes first.
import type { Database } from '@afterglow/db';
import type { Locale } from '@afterglow/i18n';
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Role } from './roles';

export const SESSION_COOKIE = 'afterglow_session';
const SESSION_DAYS = 14;
const SESSION_IDLE_MS = 12 * 3600e3;
/** last_used_at moves at most this often, so most requests only read the session. */
const TOUCH_AFTER_MS = 60e3;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  workspaceId: string;
  workspaceName: string;
  /** The language the user picked (auth.setLocale); null: the browser's language. */
  locale: Locale | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(database: Database, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86400e3);
  await database.sql`insert into sessions (token_hash, user_id, expires_at, created_at, last_used_at)
    values (${sha256(token)}, ${userId}, ${expiresAt}, ${now}, ${now})`;
  // The user's ended sessions go at their next sign-in, so the table holds little besides live ones.
  await database.sql`delete from sessions where user_id = ${userId}
    and (expires_at <= ${now} or last_used_at <= ${new Date(now.getTime() - SESSION_IDLE_MS)})`;
  return { token, expiresAt };
}

export async function deleteSession(database: Database, token: string): Promise<void> {
  await database.sql`delete from sessions where token_hash = ${sha256(token)}`;
}

/**
 * Ends every session of a user (sign out everywhere; a removed user or a changed role).
 * Returns how many it deleted.
 */
export async function endAllSessions(database: Database, userId: string): Promise<number> {
  const ended = await database.sql`delete from sessions where user_id = ${userId}`;
  return ended.count;
}

/** The signed-in user of a live session, which this request keeps alive; null for none. */
export async function userForToken(database: Database, token: string | undefined, now: Date): Promise<SessionUser | null> {
  if (!token) return null;
  const tokenHash = sha256(token);
  const [row] = await database.sql<(SessionUser & { lastUsedAt: Date })[]>`
    select u.id, u.email, u.name, u.role, u.locale, u.workspace_id as "workspaceId", w.name as "workspaceName", s.last_used_at as "lastUsedAt"
    from sessions s join users u on u.id = s.user_id join workspaces w on w.id = u.workspace_id
    where s.token_hash = ${tokenHash} and s.expires_at > ${now} and s.last_used_at > ${new Date(now.getTime() - SESSION_IDLE_MS)}`;
  if (!row) return null;
  if (now.getTime() - row.lastUsedAt.getTime() >= TOUCH_AFTER_MS) {
    await database.sql`update sessions set last_used_at = ${now} where token_hash = ${tokenHash} and last_used_at < ${now}`;
  }
  const { lastUsedAt: _, ...user } = row;
  return user;
}

/** A cookie's value; undefined when absent or not decodable (a broken cookie is no session). */
export function readCookie(req: Pick<IncomingMessage, 'headers'>, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure ? '; Secure' : ''}`;
}

export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

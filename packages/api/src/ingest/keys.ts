// Ingestion keys: the workspace key is the HTTP Basic username (Segment's convention),
// or `writeKey` in the body. Only its SHA-256 is stored.
import type { Database } from '@afterglow/db';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const hashIngestKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The key from `Authorization: Basic base64(key:)`, or undefined when absent or malformed. */
export function keyFromAuthorization(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const key = colon === -1 ? decoded : decoded.slice(0, colon);
  return key || undefined;
}

export function keyFromBody(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'writeKey' in body) {
    const key = (body as { writeKey: unknown }).writeKey;
    if (typeof key === 'string' && key) return key;
  }
  return undefined;
}

/** The workspace a live (not revoked) key belongs to, or null. */
export async function workspaceForKey(database: Database, key: string): Promise<string | null> {
  const [row] = await database.sql<{ workspaceId: string }[]>`
    select workspace_id as "workspaceId" from ingest_keys
    where key_hash = ${hashIngestKey(key)} and revoked_at is null`;
  return row?.workspaceId ?? null;
}

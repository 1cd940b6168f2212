// Managing a workspace's ingestion keys: a key is shown once when created, then only its
// prefix; revoking takes effect on the next request (every request looks the key up).
import type { Database } from '@afterglow/db';
import { randomBytes } from 'node:crypto';
import { text } from '../i18n/catalogue';
import { DomainError, notFound } from '../journeys/errors';
import { hashIngestKey } from './keys';

export interface IngestKeyInfo {
  id: string;
  prefix: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

// Hex, so a double-click selects the whole key in a terminal.
export const newIngestKey = () => `ag_live_${randomBytes(16).toString('hex')}`;
export const KEY_PREFIX_LENGTH = 12;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export async function listIngestKeys(database: Database, workspaceId: string): Promise<IngestKeyInfo[]> {
  const rows = await database.sql<{ id: string; prefix: string; label: string; createdAt: Date; revokedAt: Date | null }[]>`
    select id, prefix, label, created_at as "createdAt", revoked_at as "revokedAt" from ingest_keys
    where workspace_id = ${workspaceId} order by revoked_at is not null, created_at desc, id`;
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt)!, revokedAt: iso(r.revokedAt) }));
}

export async function createIngestKey(database: Database, workspaceId: string, label: string, now: Date): Promise<IngestKeyInfo & { key: string }> {
  const key = newIngestKey();
  const id = `key_${randomBytes(8).toString('hex')}`;
  await database.sql`
    insert into ingest_keys (id, workspace_id, prefix, key_hash, label, created_at)
    values (${id}, ${workspaceId}, ${key.slice(0, KEY_PREFIX_LENGTH)}, ${hashIngestKey(key)}, ${label}, ${now.toISOString()}::timestamptz)`;
  return { id, prefix: key.slice(0, KEY_PREFIX_LENGTH), label, createdAt: now.toISOString(), revokedAt: null, key };
}

export async function revokeIngestKey(database: Database, workspaceId: string, id: string, now: Date): Promise<IngestKeyInfo> {
  const [row] = await database.sql<{ revokedAt: Date | null }[]>`
    select revoked_at as "revokedAt" from ingest_keys where id = ${id} and workspace_id = ${workspaceId}`;
  if (!row) throw notFound('ingestionKey', id);
  if (row.revokedAt) throw new DomainError('CONFLICT', text('ingestionKey.alreadyRevoked', { id }), 'id');
  await database.sql`update ingest_keys set revoked_at = ${now.toISOString()}::timestamptz where id = ${id} and workspace_id = ${workspaceId}`;
  return (await listIngestKeys(database, workspaceId)).find((k) => k.id === id)!;
}

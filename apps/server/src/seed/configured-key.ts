// AFTERGLOW_INGEST_KEY on a start after the demo was created: the value is added to the demo
// workspace if it was never stored (the variable was set later). A key is known by its hash
// even once revoked, so a revoked value is never brought back: revoking in Settings is final.
import { hashIngestKey } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { randomBytes } from 'node:crypto';

export async function applyConfiguredIngestKey(database: Database, workspaceId: string, key: string, log: (line: string) => void): Promise<void> {
  const [known] = await database.sql<{ revoked: boolean }[]>`
    select revoked_at is not null as revoked from ingest_keys where key_hash = ${hashIngestKey(key)}`;
  if (known?.revoked) log('AFTERGLOW_INGEST_KEY names a revoked key, which stays revoked: set a new value or create a key in Settings');
  if (known) return;
  const added = await database.sql`
    insert into ingest_keys (id, workspace_id, prefix, key_hash, label)
    values (${`key_${randomBytes(8).toString('hex')}`}, ${workspaceId}, ${key.slice(0, 12)}, ${hashIngestKey(key)}, 'AFTERGLOW_INGEST_KEY')
    on conflict (key_hash) do nothing`;
  if (added.count) log('Added AFTERGLOW_INGEST_KEY to the demo workspace’s ingestion keys');
}

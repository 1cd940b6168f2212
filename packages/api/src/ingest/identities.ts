// Identities: an anonymousId seen together with a userId (identify) or a previousId named
// by an alias becomes an alias of the customer. Messages that carry only that id land
// on the customer, and the anonymous events stored before are merged into them.
import type postgres from 'postgres';

export interface AliasLink { aliasId: string; customerId: string; kind: 'anonymous' | 'alias' }

/** Records the links (the first customer an id was linked to keeps it) and merges earlier anonymous events. */
export async function linkAliases(tx: postgres.TransactionSql, workspaceId: string, links: AliasLink[], at: string): Promise<void> {
  const own = links.filter((l) => l.aliasId !== l.customerId);
  if (own.length === 0) return;
  await tx`
    insert into customer_aliases (workspace_id, alias_id, customer_id, kind, created_at)
    select ${workspaceId}, l."aliasId", l."customerId", l.kind, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(own)}::text::jsonb) as l("aliasId" text, "customerId" text, kind text)
    on conflict (workspace_id, alias_id) do nothing`;
  await tx`
    update events e set customer_id = a.customer_id
    from customer_aliases a
    where a.workspace_id = ${workspaceId} and a.alias_id = any(${tx.array(own.map((l) => l.aliasId))}::text[])
      and e.workspace_id = ${workspaceId} and e.customer_id is null and e.anonymous_id = a.alias_id`;
}

/** The customer each anonymous id is linked to (ids without a link are absent). */
export async function resolveAliases(tx: postgres.TransactionSql, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx<{ aliasId: string; customerId: string }[]>`
    select alias_id as "aliasId", customer_id as "customerId" from customer_aliases
    where workspace_id = ${workspaceId} and alias_id = any(${tx.array([...new Set(ids)])}::text[])`;
  return new Map(rows.map((r) => [r.aliasId, r.customerId]));
}

// What identifies a customer's data across the tables, read once before an export or an
// erasure: their runs, the emails the outbox holds for them (and so the copies the development
// mailbox received, the links and the opens and clicks), the ids they were known by, and every
// address they were mailed at. The tables without a per-customer index (email_outbox,
// customer_aliases) are read here once each; every later statement probes by key.
import type { Queryable } from '@afterglow/db';

export interface FoundCustomer {
  workspaceId: string;
  customerId: string;
  runIds: string[];
  outboxIds: string[];
  messageIds: string[];
  aliasIds: string[];
  /** Trimmed and lower-cased: the profile's address and every address their emails went to. */
  addresses: string[];
}

/**
 * Reads the keys of a customer's data. With `lockRuns`, their runs are locked first: an engine
 * batch stepping one of them commits before this returns (its emails are then found here), and
 * none steps them again until the caller's transaction ends.
 */
export async function findCustomerData(
  tx: Queryable, workspaceId: string, customerId: string,
  /** The profile's address, trimmed and lower-cased in SQL (lower(btrim(email))), as the outbox's below. */
  profileAddress: string | null, opts: { lockRuns: boolean },
): Promise<FoundCustomer> {
  const lock = opts.lockRuns ? tx`for update` : tx``;
  const runs = await tx<{ id: string }[]>`
    select id from journey_runs where workspace_id = ${workspaceId} and customer_id = ${customerId} order by id ${lock}`;
  const [outbox, aliases] = await Promise.all([
    tx<{ id: string; messageId: string; address: string; kind: string }[]>`
      select id, message_id as "messageId", lower(btrim(to_address)) as address, kind from email_outbox
      where workspace_id = ${workspaceId} and customer_id = ${customerId}`,
    tx<{ aliasId: string }[]>`
      select alias_id as "aliasId" from customer_aliases where workspace_id = ${workspaceId} and customer_id = ${customerId}`,
  ]);
  // A staff alert about them went to the team: its address is not theirs (the row itself is erased).
  const addresses = new Set(outbox.filter((o) => o.kind !== 'alert').map((o) => o.address));
  if (profileAddress) addresses.add(profileAddress);
  addresses.delete('');
  return {
    workspaceId, customerId,
    runIds: runs.map((r) => r.id),
    outboxIds: outbox.map((o) => o.id),
    messageIds: outbox.map((o) => o.messageId),
    aliasIds: aliases.map((a) => a.aliasId),
    addresses: [...addresses].sort(),
  };
}

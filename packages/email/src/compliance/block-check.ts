// The check a send step makes when it queues an email: is the address suppressed (in plain, or
// hashed as an erased customer's), or did the customer turn the email's topic off? The emails
// of one engine batch (stepped concurrently) are answered by one query. The dispatcher asks
// again at send time (BLOCK_REASON_SQL): an unsubscribe or a bounce in between must still stop it.
import type { Queryable } from '@afterglow/db';

export interface BlockRequest {
  workspaceId: string;
  customerId: string;
  toAddress: string;
  kind: 'marketing' | 'transactional';
  topic?: string;
}

interface Pending { request: BlockRequest; resolve: (reason: string | null) => void; reject: (e: unknown) => void }

export function createBlockChecker(sql: Queryable) {
  let pending: Pending[] = [];

  async function answer(batch: BlockRequest[]): Promise<(string | null)[]> {
    const blocked = await sql<{ idx: number; reason: string }[]>`
      with r as (
        select * from unnest(${batch.map((_, i) => i)}::int[], ${batch.map((b) => b.workspaceId)}::text[],
          ${batch.map((b) => b.customerId)}::text[], ${batch.map((b) => b.toAddress.toLowerCase())}::text[],
          ${batch.map((b) => b.kind)}::text[], ${batch.map((b) => b.topic ?? '')}::text[]) as r(idx, ws, cust, address, kind, topic)
      )
      select r.idx, 'the address is suppressed (' || min(s.reason) || ')' as reason
      from r join email_suppressions s on s.workspace_id = r.ws and s.address = r.address
      where r.kind = 'marketing' or s.reason = 'hard_bounce'
      group by r.idx
      union all
      select r.idx, 'the address belonged to an erased customer'
      from r join hashed_suppressions h on h.workspace_id = r.ws and h.address_hash = afterglow_address_hash(r.address)
      where r.kind = 'marketing' or h.reason = 'hard_bounce'
      union all
      select r.idx, 'the customer turned off the topic "' || r.topic || '"'
      from r join customer_preferences p on p.workspace_id = r.ws and p.customer_id = r.cust
      where r.kind = 'marketing' and r.topic <> '' and p.topics ->> r.topic = 'false'`;
    const reasons = new Map(blocked.map((b) => [b.idx, b.reason]));
    return batch.map((_, i) => reasons.get(i) ?? null);
  }

  const flush = () => {
    const batch = pending;
    pending = [];
    answer(batch.map((b) => b.request)).then(
      (reasons) => batch.forEach((b, i) => b.resolve(reasons[i])),
      (err) => batch.forEach((b) => b.reject(err)),
    );
  };

  /** Why this email must not be queued, or null. */
  return (request: BlockRequest): Promise<string | null> => new Promise((resolve, reject) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push({ request, resolve, reject });
  });
}

// Who must not be mailed, decided at send time (the dispatcher) in SQL over the claimed rows,
// and what a hard bounce leaves behind: the address on the suppression list and a bounce event.
import type { Queryable } from '@afterglow/db';
import { recordEmailEvents } from './email-events';

/**
 * SQL expression over `email_outbox o` left-joined with `customers c`: why the row must not
 * be sent, or null. Marketing honours the customer's consent, topic opt-outs and every suppression
 * (the erased customers' addresses too, kept hashed); transactional email (an order
 * confirmation) is only stopped by an address that hard-bounced.
 */
export const BLOCK_REASON_SQL = `case
  when o.kind = 'marketing' and c.marketing_consent = false then 'unsubscribed'
  when exists (select 1 from email_suppressions s
    where s.workspace_id = o.workspace_id and s.address = lower(o.to_address)
      and (o.kind = 'marketing' or s.reason = 'hard_bounce')) then 'suppressed'
  when exists (select 1 from hashed_suppressions h
    where h.workspace_id = o.workspace_id and h.address_hash = afterglow_address_hash(o.to_address)
      and (o.kind = 'marketing' or h.reason = 'hard_bounce')) then 'erased_address'
  when o.kind = 'marketing' and exists (select 1 from customer_preferences p
    where p.workspace_id = o.workspace_id and p.customer_id = o.customer_id
      and p.topics ->> (o.headers ->> 'X-Afterglow-Topic') = 'false') then 'topic_opt_out'
  end`;

export interface BouncedRow {
  id: string; workspace_id: string; to_address: string; error: string;
}

/** A permanent SMTP refusal (5xx) of the recipient: suppress the address and record (and count) the bounce. */
export async function recordHardBounces(tx: Queryable, rows: BouncedRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx`
    insert into email_suppressions (workspace_id, address, reason, detail, outbox_id, created_at)
    select distinct on (b.workspace_id, lower(b.to_address)) b.workspace_id, lower(b.to_address), 'hard_bounce', b.error, b.id, ${now}::timestamptz
    from jsonb_to_recordset(${tx.json(rows as never)}) as b(id uuid, workspace_id text, to_address text, error text)
    on conflict (workspace_id, address) do nothing`;
  await recordEmailEvents(tx, rows.map((r) => ({ workspaceId: r.workspace_id, outboxId: r.id, type: 'bounce' as const, at: now })));
}

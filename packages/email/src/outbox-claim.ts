// Claims due outbox rows for one dispatch: per workspace, in order of due time, at most the
// workspace's share of the batch and what its send rate allows (send-rate.ts). Rows are
// locked FOR UPDATE SKIP LOCKED in the dispatch transaction, so parallel dispatchers never
// take the same row; what is not claimed stays pending, in order, for the next dispatch.
import type { Queryable } from '@afterglow/db';
import { BLOCK_REASON_SQL } from './compliance/suppression';
import type { RenderableRow, RenderedRow } from './outbox-render';
import { dueWorkspaces, sendBudget } from './send-rate';

export interface ClaimedRow extends RenderableRow {
  node_id: string | null;
  from_address: string; to_address: string; subject: string | null; html: string | null;
  text: string | null; message_id: string; attempts: number; headers: Record<string, string>;
  /** Why the row must not be sent (unsubscribed, suppressed), decided in the claiming query. */
  block: string | null;
  /** Set for rows rendered in this batch: written back with the outcome. */
  rendered?: RenderedRow;
  renderError?: string;
}

export async function claimDueRows(tx: Queryable, now: Date, batchSize: number): Promise<ClaimedRow[]> {
  const workspaces = await dueWorkspaces(tx, now);
  if (workspaces.length === 0) return [];
  // An even share each, so one workspace's backlog cannot hold up another's emails.
  const share = Math.max(1, Math.ceil(batchSize / workspaces.length));
  const claimed: ClaimedRow[] = [];
  for (const ws of workspaces) {
    const room = batchSize - claimed.length;
    if (room <= 0) break;
    const take = Math.min(share, room, await sendBudget(tx, ws, now));
    if (take > 0) claimed.push(...await claimRows(tx, ws.workspaceId, now, take));
  }
  return claimed;
}

// Consent and suppression are checked here, at send time, as well as when the email was
// queued: an unsubscribe or a bounce in between must still stop it.
async function claimRows(tx: Queryable, workspaceId: string, now: Date, limit: number): Promise<ClaimedRow[]> {
  return tx<ClaimedRow[]>`
    select o.id, o.workspace_id, o.customer_id, o.version_id, o.node_id, o.kind, o.from_address, o.to_address,
      o.subject, o.html, o.text, o.message_id, o.attempts, o.headers, ${tx.unsafe(BLOCK_REASON_SQL)} as block,
      ec.request, r.context, w.signing_secret as secret, w.name as shop_name,
      case when c.id is not null then jsonb_build_object('id', c.id, 'email', c.email, 'firstName', c.first_name,
        'lastName', c.last_name, 'timezone', c.timezone, 'birthday', c.birthday, 'attributes', c.attributes) end as customer
    from email_outbox o
    left join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
    left join email_contents ec on ec.workspace_id = o.workspace_id and ec.hash = o.content_hash
    left join journey_runs r on r.id = o.run_id
    left join workspaces w on w.id = o.workspace_id
    where o.workspace_id = ${workspaceId} and o.status = 'pending' and o.next_attempt_at <= ${now}
    order by o.next_attempt_at, o.id
    limit ${limit}
    for update of o skip locked`;
}

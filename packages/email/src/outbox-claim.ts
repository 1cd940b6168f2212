// Claims due outbox rows for one dispatch: per workspace, in order of due time, at most the
// workspace's share of the batch and what its send rate allows (send-rate.ts). The claim is one
// transaction on the dispatch's session: the due rows are locked (FOR UPDATE SKIP LOCKED: a
// parallel dispatcher passes them by), those a journey step queued are rendered, and one UPDATE
// gives every row the dispatch's owner key (outbox-ownership.ts) and stores what was rendered
// (outbox-store.ts); the commit makes both visible at once. So a row is written once to be
// claimed and stored, not twice, and every email is stored before any is sent. Each can then be
// marked sent on its own as soon as its email is accepted. What is not claimed stays pending, in
// order, for the next dispatch.
import { BLOCK_REASON_SQL } from './compliance/suppression';
import type { RenderableRow, RenderedRow } from './outbox-render';
import type { DispatchSession } from './outbox-ownership';
import { dueWorkspaces, sendBudget } from './send-rate';
import { inflateHtml } from './stored-html';
import { claimAndStore } from './outbox-store';

export interface ClaimedRow extends RenderableRow {
  node_id: string | null;
  from_address: string; to_address: string; subject: string | null;
  /** The HTML to send: a ready-made row's, or what an earlier dispatch rendered and stored (a retry, a resend); null until rendered. */
  html: string | null;
  text: string | null; message_id: string; attempts: number; headers: Record<string, string>;
  /** Why the row must not be sent (unsubscribed, suppressed), decided in the claiming query. */
  block: string | null;
  /** Set for rows rendered in this batch: stored before they are sent (outbox-store.ts). */
  rendered?: RenderedRow;
  renderError?: string;
  /** The workspace's return-path domain (settings.bounces.returnPathDomain): the email goes out with a VERP envelope sender. */
  return_path_domain: string | null;
}

/**
 * Claims a batch: `prepare` renders the rows that need it (its queries run in the claim's
 * transaction, on the session). Nothing is claimed when it throws: the locks go with the rollback.
 */
export async function claimDueRows(session: DispatchSession, now: Date, batchSize: number,
  prepare: (rows: ClaimedRow[]) => Promise<void>): Promise<ClaimedRow[]> {
  const { sql } = session;
  await sql`begin`;
  try {
    const rows = await pickDueRows(session, now, batchSize);
    if (rows.length > 0) {
      await prepare(rows);
      await claimAndStore(session, rows);
    }
    await sql`commit`;
    return rows;
  } catch (err) {
    await sql`rollback`.catch(() => {}); // a connection that is gone rolled back already
    throw err;
  }
}

async function pickDueRows(session: DispatchSession, now: Date, batchSize: number): Promise<ClaimedRow[]> {
  const workspaces = await dueWorkspaces(session.sql, now);
  if (workspaces.length === 0) return [];
  // An even share each, so one workspace's backlog cannot hold up another's emails.
  const share = Math.max(1, Math.ceil(batchSize / workspaces.length));
  const picked: ClaimedRow[] = [];
  for (const ws of workspaces) {
    const room = batchSize - picked.length;
    if (room <= 0) break;
    const { budget, locked } = await sendBudget(session.sql, ws, now);
    if (locked) session.rateLocks.push(ws.workspaceId);
    const take = Math.min(share, room, budget);
    if (take > 0) picked.push(...await lockRows(session, ws.workspaceId, now, take));
  }
  return picked;
}

// Consent and suppression are checked here, at send time, as well as when the email was
// queued: an unsubscribe or a bounce in between must still stop it.
async function lockRows(session: DispatchSession, workspaceId: string, now: Date, limit: number): Promise<ClaimedRow[]> {
  const { sql } = session;
  const rows = await sql<(ClaimedRow & { html_deflated: Buffer | null })[]>`
    with picked as (
      select id from email_outbox
      where workspace_id = ${workspaceId} and status = 'pending' and claimed_by is null and next_attempt_at <= ${now}
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    select o.id, o.workspace_id, o.customer_id, o.version_id, o.node_id, o.kind, o.from_address, o.to_address,
      o.subject, o.html, o.html_deflated, o.text, o.message_id, o.attempts, o.headers, ${sql.unsafe(BLOCK_REASON_SQL)} as block,
      ec.request, r.context, w.signing_secret as secret, w.name as shop_name,
      nullif(w.settings->'bounces'->>'returnPathDomain', '') as return_path_domain,
      w.settings->'shop'->>'locale' as shop_locale, w.settings->'shop'->>'currency' as shop_currency,
      case when c.id is not null then jsonb_build_object('id', c.id, 'email', c.email, 'firstName', c.first_name,
        'lastName', c.last_name, 'timezone', c.timezone, 'birthday', c.birthday, 'attributes', c.attributes,
        'locale', c.locale) end as customer
    from picked join email_outbox o on o.id = picked.id
    left join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
    left join email_contents ec on ec.workspace_id = o.workspace_id and ec.hash = o.content_hash
    left join journey_runs r on r.id = o.run_id
    left join workspaces w on w.id = o.workspace_id
    order by o.next_attempt_at, o.id`;
  // A row rendered before goes out again exactly as stored, never rendered a second time.
  return rows.map(({ html_deflated: stored, ...row }) => (stored ? { ...row, html: inflateHtml(stored) } : row));
}

// The per-workspace send rate: at most N emails handed to SMTP in any 60 seconds, however
// many dispatcher processes run. Enforced through Postgres only: a dispatcher takes the
// workspace's transaction-scoped advisory lock (or skips the workspace when another holds
// it), counts what was sent in the last minute (committed, since the previous holder
// committed before releasing the lock) and claims at most the rest. Rows over the limit are
// left pending, untouched, so they go first in the next window.
import type { Queryable } from '@afterglow/db';

/** Used when a workspace never saved the setting (journey-core's schema default says the same). */
export const DEFAULT_EMAILS_PER_MINUTE = 600;
export const RATE_WINDOW_MS = 60_000;

// Two-key advisory locks live in their own key space (no clash with the engine's one-key
// locks); this first key names "email send rate", the second is the workspace's hash.
const RATE_LOCK_CLASS = 0x6167_6c01;

export interface DueWorkspace {
  workspaceId: string;
  /** 0: no limit. */
  perMinute: number;
}

/**
 * Workspaces with due rows and their send rates. Distinct workspaces come from a skip scan
 * over email_outbox_ws_due_idx (one index probe per workspace, however many rows are queued);
 * a workspace with no row in `workspaces` (or no setting) gets the default rate.
 */
export async function dueWorkspaces(tx: Queryable, now: Date): Promise<DueWorkspace[]> {
  const rows = await tx<{ id: string; per_minute: number }[]>`
    with recursive ws(id) as (
      (select workspace_id from email_outbox where status = 'pending' order by workspace_id limit 1)
      union all
      select (select o.workspace_id from email_outbox o
              where o.status = 'pending' and o.workspace_id > ws.id order by o.workspace_id limit 1)
      from ws where ws.id is not null
    )
    select ws.id, case when jsonb_typeof(w.settings -> 'emailsPerMinute') = 'number'
      then greatest(0, (w.settings ->> 'emailsPerMinute')::numeric)::int else ${DEFAULT_EMAILS_PER_MINUTE}::int end as per_minute
    from ws left join workspaces w on w.id = ws.id
    where ws.id is not null and exists (select 1 from email_outbox o
      where o.workspace_id = ws.id and o.status = 'pending' and o.next_attempt_at <= ${now})`;
  return rows.map((r) => ({ workspaceId: r.id, perMinute: r.per_minute }));
}

/**
 * How many emails this transaction may send for the workspace now, or 0 when another
 * dispatcher is sending for it (it holds the lock until its sends are committed).
 */
export async function sendBudget(tx: Queryable, ws: DueWorkspace, now: Date): Promise<number> {
  if (ws.perMinute === 0) return Number.POSITIVE_INFINITY;
  const [lock] = await tx<{ got: boolean }[]>`
    select pg_try_advisory_xact_lock(${RATE_LOCK_CLASS}::int, hashtext(${ws.workspaceId})) as got`;
  if (!lock.got) return 0;
  const [recent] = await tx<{ n: number }[]>`
    select count(*)::int as n from email_outbox
    where workspace_id = ${ws.workspaceId} and sent_at is not null
      and sent_at > ${new Date(now.getTime() - RATE_WINDOW_MS)}`;
  return Math.max(0, ws.perMinute - recent.n);
}

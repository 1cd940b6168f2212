// The per-workspace send rate: at most N emails handed to SMTP in any 60 seconds, however
// many dispatcher processes run. Enforced through Postgres only: a dispatcher takes the
// workspace's advisory lock on its session (or skips the workspace when another holds it),
// counts what was sent in the last minute (committed, since the previous holder marked each
// of its emails sent before releasing the lock) and claims at most the rest, holding the lock
// until its last email's mark is committed. Rows over the limit are left pending, untouched,
// so they go first in the next window.
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
      where o.workspace_id = ws.id and o.status = 'pending' and o.claimed_by is null and o.next_attempt_at <= ${now})`;
  return rows.map((r) => ({ workspaceId: r.id, perMinute: r.per_minute }));
}

/**
 * How many emails this dispatcher may send for the workspace now: 0 when another dispatcher
 * is sending for it. `locked`: this session now holds the workspace's lock, to give back with
 * `releaseSendRates` once its sends are marked.
 */
export async function sendBudget(session: Queryable, ws: DueWorkspace, now: Date): Promise<{ budget: number; locked: boolean }> {
  if (ws.perMinute === 0) return { budget: Number.POSITIVE_INFINITY, locked: false };
  const [lock] = await session<{ got: boolean }[]>`
    select pg_try_advisory_lock(${RATE_LOCK_CLASS}::int, hashtext(${ws.workspaceId})) as got`;
  if (!lock.got) return { budget: 0, locked: false };
  const [recent] = await session<{ n: number }[]>`
    select count(*)::int as n from email_outbox
    where workspace_id = ${ws.workspaceId} and sent_at is not null
      and sent_at > ${new Date(now.getTime() - RATE_WINDOW_MS)}`;
  return { budget: Math.max(0, ws.perMinute - recent.n), locked: true };
}

/** Gives back the workspaces' locks `sendBudget` took. */
export async function releaseSendRates(session: Queryable, workspaceIds: string[]): Promise<void> {
  if (workspaceIds.length === 0) return;
  await session`select pg_advisory_unlock(${RATE_LOCK_CLASS}::int, hashtext(w)) from unnest(${workspaceIds}::text[]) as w`;
}

// Daily clean-up of what is kept only for a while: audit log entries past their workspace's
// retention, expired sessions, and invitations that can no longer be accepted.
import type { Sql } from '@afterglow/db';

export async function deleteExpired(sql: Sql, now: Date): Promise<number> {
  const audit = await sql`
    delete from audit_log a using workspaces w
    where w.id = a.workspace_id and a.at < ${now}::timestamptz - make_interval(days => w.audit_retention_days)`;
  const sessions = await sql`delete from sessions where expires_at < ${now}`;
  // Kept a month past expiry, so "expired" can still be shown to whoever follows the old link.
  const invitations = await sql`
    delete from invitations where accepted_at is null and expires_at < ${now}::timestamptz - interval '30 days'`;
  return audit.count + sessions.count + invitations.count;
}

// Daily clean-up of what is kept only for a while: audit log entries past their workspace's
// retention, expired sessions, invitations that can no longer be accepted, and service effects
// long settled (their counts live on in journey_node_counts), and checkouts long past
// (abandoned or not, their events stay on the customers' timelines).
import type { Sql } from '@afterglow/db';

/**
 * How long a settled service effect is kept (to look into a failure, and for the frequency cap,
 * whose window is at most 90 days). An effect a provider accepted and never reported on is
 * given up after as long.
 */
export const SERVICE_EFFECT_RETENTION_DAYS = 180;

/** How long a checkout is kept after its last activity: long past any abandonment delay (at most 7 days). */
export const CHECKOUT_RETENTION_DAYS = 30;

export async function deleteExpired(sql: Sql, now: Date): Promise<number> {
  const audit = await sql`
    delete from audit_log a using workspaces w
    where w.id = a.workspace_id and a.at < ${now}::timestamptz - make_interval(days => w.audit_retention_days)`;
  const sessions = await sql`delete from sessions where expires_at < ${now}`;
  // Kept a month past expiry, so "expired" can still be shown to whoever follows the old link.
  const invitations = await sql`
    delete from invitations where accepted_at is null and expires_at < ${now}::timestamptz - interval '30 days'`;
  const effects = await sql`
    delete from service_effects
    where status in ('delivered', 'failed', 'cancelled', 'accepted')
      and created_at < ${now}::timestamptz - make_interval(days => ${SERVICE_EFFECT_RETENTION_DAYS})`;
  const checkouts = await sql`
    delete from checkouts where updated_at < ${now}::timestamptz - make_interval(days => ${CHECKOUT_RETENTION_DAYS})`;
  return audit.count + sessions.count + invitations.count + effects.count + checkouts.count;
}

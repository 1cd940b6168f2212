// Writing the audit log: one row per thing done. Successful tRPC calls marked `audit` in the
// permission table are written by the base procedure; events without a procedure of their own
// (a failed sign-in, an accepted invitation) call recordAudit directly.
import type { Database } from '@afterglow/db';

export interface AuditEntry {
  workspaceId: string;
  at: Date;
  actorId?: string | null;
  actorEmail?: string;
  action: string;
  targetId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export async function recordAudit(sql: Database['sql'], entry: AuditEntry): Promise<void> {
  await sql`
    insert into audit_log (workspace_id, at, actor_id, actor_email, action, target_id, detail, ip)
    values (${entry.workspaceId}, ${entry.at}, ${entry.actorId ?? null}, ${entry.actorEmail ?? ''}, ${entry.action},
      ${entry.targetId ?? null}, ${sql.json((entry.detail ?? {}) as never)}, ${entry.ip ?? null})`;
}

// Inputs are summarised, not stored whole: drafts and templates are large, and passwords,
// secrets and tokens must never reach the log.
const HIDDEN_KEY = /password|secret|token|key$|headers|html|mjml|body|draft|graph|^file$/i;
const MAX_TEXT = 200;

/** The input's scalar fields worth reading in a log (ids, names, roles, statuses). */
export function summariseInput(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return {};
  const summary: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (HIDDEN_KEY.test(key)) continue;
    if (typeof value === 'string') summary[key] = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) summary[key] = value;
  }
  return summary;
}

/** The target of a call: the first id-like field of its input. */
export function targetOf(input: unknown): string | null {
  if (!input || typeof input !== 'object') return null;
  const record = input as Record<string, unknown>;
  for (const key of ['id', 'journeyId', 'versionId', 'customerId', 'userId', 'address', 'email']) {
    if (typeof record[key] === 'string') return record[key] as string;
  }
  return null;
}

// From which report a suppression came, as the customer page and Settings → Consent and
// suppressions show it: the report the suppression stored (email_suppressions.report: source,
// matching, reason, status, diagnostic, when) with the email it answered (subject, when sent,
// journey), read for all the listed suppressions in one query by outbox id.
import type { Queryable, SuppressionReport } from '@afterglow/db';
import { iso } from './time';

export interface AnsweredEmail { id: string; subject: string; sentAt: string | null; journeyId: string | null; journeyName: string | null }
export type ReportShown = SuppressionReport & { email: AnsweredEmail | null };

interface Suppression { outboxId: string | null; report: SuppressionReport | null }

/** Each suppression with its report and answered email (null for one made at send time or by hand: no report stored). */
export async function withReports<T extends Suppression>(sql: Queryable, workspaceId: string, rows: T[]): Promise<(T & { report: ReportShown | null })[]> {
  const ids = [...new Set(rows.filter((r) => r.report && r.outboxId).map((r) => r.outboxId!))];
  const emails = ids.length === 0 ? [] : await sql<(Omit<AnsweredEmail, 'sentAt'> & { sentAt: Date | string | null })[]>`
    select o.id, o.subject, o.sent_at as "sentAt", o.journey_id as "journeyId", j.name as "journeyName"
    from email_outbox o left join journeys j on j.workspace_id = o.workspace_id and j.id = o.journey_id
    where o.workspace_id = ${workspaceId} and o.id = any(${sql.array(ids)}::uuid[])`;
  const byId = new Map(emails.map((e) => [e.id, { ...e, sentAt: e.sentAt === null ? null : iso(e.sentAt) }]));
  return rows.map((r) => ({ ...r, report: r.report ? { ...r.report, email: (r.outboxId && byId.get(r.outboxId)) || null } : null }));
}

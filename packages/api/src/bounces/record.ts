// What a bounce or complaint reported after delivery leaves behind, in one transaction: the
// address on the suppression list (a hard bounce stops all email, a complaint marketing; a soft
// bounce is counted, and enough of them suppress marketing: soft-limit.ts), a
// 'bounce' or 'complaint' event on the email's node (and counted there), and for a complaint the customer's
// marketing consent withdrawn with a consent-ledger row. Repeating a report changes nothing,
// and so does a report about an erased customer's email (their address is kept hashed already).
// Every suppression keeps the report that caused it: its source, how it was matched, what it said.
import type { Database, SuppressionReport } from '@afterglow/db';
import { recordEmailEvents } from '@afterglow/email';
import { setMarketingConsent } from '../public/consent';
import { findReportedEmail, type MatchedBy, type ReportClues } from './match';
import { suppressAfterSoftBounces } from './soft-limit';

/** messageId (with angle brackets, as stored in email_outbox.message_id), address and verp tie it to its email: match.ts. */
export interface ReportToRecord extends ReportClues {
  type: 'bounce' | 'complaint';
  /** What a person reads in the suppression list: status and the server's words. */
  detail: string;
  /** A hard bounce suppresses the address; a soft one is counted (soft-limit.ts). */
  hard: boolean;
  /** The bounce's reason code (`user_unknown`, `mailbox_full`), kept with the event and the suppression. */
  reason: string;
  /** The enhanced status code (5.1.1) and the server's words, kept with the suppression it causes. */
  status?: string | null;
  diagnostic?: string;
}

export type RecordResult =
  | { found: false }
  | { found: true; outboxId: string; address: string; customerId: string; duplicate: boolean; suppressed: string | null; matchedBy: MatchedBy };

/** Where a report came from: the webhook, the bounce listener, or a relay's own webhook. */
export type ReportSource = 'webhook' | 'listener' | 'ses' | 'sendgrid' | 'postmark' | 'mailgun';

export async function recordDeliveryReport(
  database: Database, workspaceId: string, report: ReportToRecord, now: Date, source: ReportSource,
): Promise<RecordResult> {
  return database.sql.begin(async (tx) => {
    const row = await findReportedEmail(tx, database.secrets, workspaceId, report, now);
    if (!row) return { found: false } as const;
    const address = row.to_address.toLowerCase();
    const reason = report.type === 'bounce' ? 'hard_bounce' : 'complaint';
    const detail = `${report.type === 'bounce' ? 'Bounced after delivery' : 'Marked as spam'}: ${report.detail}`.slice(0, 1_000);
    const soft = report.type === 'bounce' && !report.hard;
    const inserted = await recordEmailEvents(tx, [{
      workspaceId, outboxId: row.id, type: report.type, at: now, ...(report.type === 'bounce' ? { reason: report.reason, soft } : {}),
    }], { firstOnly: true });
    const [event] = inserted.length === 0 ? [] : await tx<{ id: string }[]>`
      select id from email_events where workspace_id = ${workspaceId} and outbox_id = ${row.id} and type = ${report.type} limit 1`;
    const from = reportOf(report, { source, matchedBy: row.matchedBy, at: now, eventId: event?.id ?? null });
    // A hard bounce outranks an earlier complaint or soft-bounce suppression: it stops transactional email too.
    if (report.type === 'complaint' || report.hard) await tx`
      insert into email_suppressions (workspace_id, address, reason, detail, facts, report, outbox_id, created_at)
      values (${workspaceId}, ${address}, ${reason}, ${detail}, ${tx.json({ reason: report.reason })}, ${tx.json(from as never)}, ${row.id}, ${now})
      on conflict (workspace_id, address) do update
        set reason = excluded.reason, detail = excluded.detail, facts = excluded.facts, report = excluded.report, outbox_id = excluded.outbox_id
        where excluded.reason = 'hard_bounce' and email_suppressions.reason <> 'hard_bounce'`;
    const softSuppressed = soft && inserted.length > 0 && await suppressAfterSoftBounces(tx, workspaceId, address, row.id, now, from);
    if (report.type === 'complaint') {
      await setMarketingConsent(tx, { workspaceId, customerId: row.customer_id, source: 'complaint', outboxId: row.id, at: now }, false);
    }
    return { found: true, outboxId: row.id, address, customerId: row.customer_id, duplicate: inserted.length === 0, matchedBy: row.matchedBy,
      suppressed: report.type === 'complaint' ? 'complaint' : report.hard ? 'hard_bounce' : softSuppressed ? 'soft_bounce' : null } as const;
  });
}

/** What the suppression keeps of the report that caused it (email_suppressions.report). */
function reportOf(report: ReportToRecord, how: { source: ReportSource; matchedBy: MatchedBy; at: Date; eventId: string | null }): SuppressionReport {
  return {
    source: how.source, matchedBy: how.matchedBy, type: report.type, hard: report.hard, reason: report.reason,
    status: report.status ?? null, diagnostic: (report.diagnostic ?? report.detail).slice(0, 1_000), at: how.at.toISOString(), eventId: how.eventId,
  };
}

// What a bounce or complaint reported after delivery leaves behind, in one transaction: the
// address on the suppression list (a hard bounce stops all email, a complaint marketing; a soft
// bounce is counted, and enough of them suppress marketing: soft-limit.ts), a
// 'bounce' or 'complaint' event on the email's node (and counted there), and for a complaint the customer's
// marketing consent withdrawn with a consent-ledger row. Repeating a report changes nothing,
// and so does a report about an erased customer's email (their address is kept hashed already).
import type { Database } from '@afterglow/db';
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
}

export type RecordResult =
  | { found: false }
  | { found: true; outboxId: string; address: string; customerId: string; duplicate: boolean; suppressed: string | null; matchedBy: MatchedBy };

export async function recordDeliveryReport(database: Database, workspaceId: string, report: ReportToRecord, now: Date): Promise<RecordResult> {
  return database.sql.begin(async (tx) => {
    const row = await findReportedEmail(tx, database.secrets, workspaceId, report, now);
    if (!row) return { found: false } as const;
    const address = row.to_address.toLowerCase();
    const reason = report.type === 'bounce' ? 'hard_bounce' : 'complaint';
    const detail = `${report.type === 'bounce' ? 'Bounced after delivery' : 'Marked as spam'}: ${report.detail}`.slice(0, 1_000);
    // A hard bounce outranks an earlier complaint: it stops transactional email too.
    if (report.type === 'complaint' || report.hard) await tx`
      insert into email_suppressions (workspace_id, address, reason, detail, facts, outbox_id, created_at)
      values (${workspaceId}, ${address}, ${reason}, ${detail}, ${tx.json({ reason: report.reason })}, ${row.id}, ${now})
      on conflict (workspace_id, address) do update set reason = excluded.reason, detail = excluded.detail, facts = excluded.facts, outbox_id = excluded.outbox_id
        where excluded.reason = 'hard_bounce' and email_suppressions.reason <> 'hard_bounce'`;
    const inserted = await recordEmailEvents(tx, [{ workspaceId, outboxId: row.id, type: report.type, at: now }], { firstOnly: true });
    const soft = report.type === 'bounce' && !report.hard;
    if (inserted.length > 0 && report.type === 'bounce') await tx`
      update email_events set reason = ${report.reason}, soft = ${soft}
      where workspace_id = ${workspaceId} and outbox_id = ${row.id} and type = 'bounce' and reason is null`;
    const softSuppressed = soft && inserted.length > 0 && await suppressAfterSoftBounces(tx, workspaceId, address, row.id, now);
    if (report.type === 'complaint') {
      await setMarketingConsent(tx, { workspaceId, customerId: row.customer_id, source: 'complaint', outboxId: row.id, at: now }, false);
    }
    return { found: true, outboxId: row.id, address, customerId: row.customer_id, duplicate: inserted.length === 0, matchedBy: row.matchedBy,
      suppressed: report.type === 'complaint' ? 'complaint' : report.hard ? 'hard_bounce' : softSuppressed ? 'soft_bounce' : null } as const;
  });
}

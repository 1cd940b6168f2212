// Bounces and complaints that arrive after the SMTP server accepted an email: a delivery
// status notification (RFC 3464), a mail server's failure notice in prose, an auto-reply, or
// an abuse feedback report (ARF, RFC 5965). All are read by `readBounceMail` (bounces/); this
// decides what each means for the address: only a hard bounce or a complaint suppresses.
import { readBounceMail } from './bounces/read-mail';
import type { RecipientReport } from './bounces/recipient';
import { NOT_A_FAILURE, type BounceReason } from './bounces/reasons';

export { parseFieldBlocks, ReportError } from './bounces/report-error';
export type { RecipientReport } from './bounces/recipient';

interface ReportFacts {
  /** The recipient the report is about (the first failed one). */
  address: string | null;
  reason: BounceReason;
  /** A hard bounce: the address will never work. Soft bounces and complaints are not hard. */
  hard: boolean;
  status: string | null;
  diagnostic: string;
  /** What a person reads: the status and the server's words, or why nothing changes. */
  detail: string;
  recipients: RecipientReport[];
}

export type DeliveryReport =
  /**
   * messageId: the original's, with angle brackets; null when the report quotes none of it. The
   * report is then tied to its email by VERP or by recipient and time (api/bounces/match.ts).
   */
  | ({ type: 'bounce' | 'complaint'; messageId: string | null } & ReportFacts)
  /** A report that changes nothing (a delay, an auto-reply, a delivery, a not-spam report). */
  | ({ type: 'ignored'; messageId: string | null } & ReportFacts);

// Feedback types that mean "stop sending me this": abuse (spam), fraud, virus, and Apple
// Mail's unsubscribe (opt-out). not-spam, auth-failure (DMARC forensics) and other do not.
const COMPLAINT_TYPES = new Set(['abuse', 'fraud', 'virus', 'opt-out']);

/** Reads a bounce, delay, auto-reply or complaint mail. Throws ReportError naming what is missing. */
export async function parseDeliveryReport(raw: Buffer | string): Promise<DeliveryReport> {
  const reading = await readBounceMail(raw);
  // The report is about its worst recipient: a hard bounce outranks a soft one, a soft one a delay.
  const first = reading.recipients.find((r) => r.hard) ?? reading.recipients.find((r) => !NOT_A_FAILURE.has(r.reason)) ?? reading.recipients[0];
  const facts: ReportFacts = {
    address: first.address, reason: first.reason, hard: first.hard, status: first.status, diagnostic: first.diagnostic,
    detail: detailOf(first), recipients: reading.recipients,
  };
  if (first.reason === 'complaint') {
    const feedbackType = first.feedbackType ?? 'abuse';
    if (!COMPLAINT_TYPES.has(feedbackType)) return { type: 'ignored', messageId: reading.messageId, ...facts, detail: `Feedback-Type ${feedbackType} is not a complaint` };
    return { type: 'complaint', messageId: reading.messageId, ...facts };
  }
  if (NOT_A_FAILURE.has(first.reason)) {
    return { type: 'ignored', messageId: reading.messageId, ...facts, detail: `${first.reason}: ${facts.detail} is not a failure` };
  }
  return { type: 'bounce', messageId: reading.messageId, ...facts };
}

function detailOf(r: RecipientReport): string {
  if (r.reason === 'complaint') return `Feedback-Type: ${r.feedbackType ?? 'abuse'}${r.diagnostic ? ` (${r.diagnostic})` : ''}`;
  const words = [r.action && `action ${r.action}`, r.status, r.diagnostic].filter(Boolean).join(' ');
  return (words || r.reason).slice(0, 1_000);
}

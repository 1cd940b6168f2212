// Bounces and complaints that arrive after the SMTP server accepted an email: a delivery
// status notification (RFC 3464, multipart/report; report-type=delivery-status) or an abuse
// feedback report (ARF, RFC 5965, report-type=feedback-report). Both carry the original
// message (message/rfc822) or its headers (text/rfc822-headers), whose Message-ID names the
// outbox row. mailparser splits the MIME parts; the report fields are RFC 822-style blocks.
import { simpleParser, type Attachment, type MailParserOptions } from 'mailparser';

export type DeliveryReport =
  | { type: 'bounce' | 'complaint'; messageId: string; address: string | null; reason: string }
  /** A report that changes nothing (a delayed or delivered DSN, an unknown feedback type). */
  | { type: 'ignored'; messageId: string | null; reason: string };

/** A message that is not a report Afterglow can read: `field` names what was missing or wrong. */
export class ReportError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** RFC 822-style field blocks (separated by blank lines), folded lines joined, names lower-cased. */
export function parseFieldBlocks(text: string): Array<Record<string, string>> {
  const blocks: Array<Record<string, string>> = [];
  for (const chunk of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const fields: Record<string, string> = {};
    let last: string | null = null;
    for (const line of chunk.split('\n')) {
      if (/^[ \t]/.test(line) && last) fields[last] += ` ${line.trim()}`;
      else {
        const match = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
        if (!match) continue;
        last = match[1].toLowerCase();
        fields[last] = fields[last] ? fields[last] : match[2].trim();
      }
    }
    if (Object.keys(fields).length > 0) blocks.push(fields);
  }
  return blocks;
}

/** "rfc822; Ada@Example.org" or "<ada@example.org>" → "ada@example.org". */
const addressOf = (value: string | undefined): string | null => {
  const bare = value?.replace(/^\s*rfc822\s*;/i, '').trim().replace(/^<|>$/g, '').trim().toLowerCase();
  return bare && bare.includes('@') ? bare : null;
};

/** The first part of one of `types`; mailparser gives a part with an empty Content-Type the type `false`. */
const partOf = (attachments: Attachment[], ...types: string[]) =>
  attachments.find((a) => typeof a.contentType === 'string' && types.includes(a.contentType.toLowerCase()));

async function messageIdOfHeaders(headers: string): Promise<string | null> {
  // Headers alone parse as a message with an empty body.
  const parsed = await simpleParser(/\r?\n\r?\n/.test(headers) ? headers : `${headers}\r\n\r\n`);
  return parsed.messageId ?? null;
}

/**
 * The original message's Message-ID. mailparser hands the original over as a part, except a
 * message/rfc822 part marked "Content-Disposition: inline" (as RFC 5965's own example is):
 * that one it folds into the text without its Message-ID, so it is read from the report's
 * top-level parts (a report is flat, and a message/rfc822 part is never transfer-encoded).
 */
async function originalMessageId(raw: string, boundary: string | undefined, attachments: Attachment[]): Promise<string | null> {
  const original = partOf(attachments, 'message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers');
  if (original) return messageIdOfHeaders(original.content.toString('utf8'));
  if (!boundary) return null;
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const partHeaders = part.slice(0, split.index);
    if (/^content-type:\s*(message\/rfc822|text\/rfc822-headers)\b/im.test(partHeaders)) {
      return messageIdOfHeaders(part.slice(split.index + split[0].length));
    }
  }
  return null;
}

/** Reads a DSN or an ARF report. Throws ReportError naming what is missing. */
export async function parseDeliveryReport(raw: Buffer | string): Promise<DeliveryReport> {
  // keepDeliveryStatus: the message/delivery-status part stays a part instead of being
  // merged into the text body, where its fields could not be told from the prose. (A real
  // mailparser 3.x option that @types/mailparser does not list.)
  const mail = await simpleParser(raw, { keepDeliveryStatus: true } as MailParserOptions);
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const reportType = contentType?.params?.['report-type']?.toLowerCase();
  if (contentType?.value?.toLowerCase() !== 'multipart/report' || !reportType) {
    throw new ReportError('Content-Type', 'Expected a multipart/report message (a DSN, RFC 3464, or an ARF report, RFC 5965)');
  }
  const text = Buffer.isBuffer(raw) ? raw.toString('latin1') : raw;
  const messageId = await originalMessageId(text, contentType?.params?.boundary, mail.attachments);
  if (reportType === 'delivery-status') return readDsn(mail.attachments, messageId);
  if (reportType === 'feedback-report') return readArf(mail.attachments, messageId);
  return { type: 'ignored', messageId, reason: `report-type ${reportType} is not a bounce or a complaint` };
}

function requireMessageId(messageId: string | null): string {
  if (!messageId) {
    throw new ReportError('Message-ID', 'The report carries no original message (message/rfc822 or text/rfc822-headers) with a Message-ID');
  }
  return messageId;
}

function readDsn(attachments: Attachment[], messageId: string | null): DeliveryReport {
  const status = partOf(attachments, 'message/delivery-status', 'message/global-delivery-status');
  if (!status) throw new ReportError('message/delivery-status', 'The DSN has no message/delivery-status part');
  // The first block is about the message, the others one per recipient.
  const recipients = parseFieldBlocks(status.content.toString('utf8')).slice(1).filter((b) => b['final-recipient'] || b.action);
  if (recipients.length === 0) throw new ReportError('Final-Recipient', 'The DSN names no recipient (Final-Recipient / Action fields)');
  // Only a permanent failure (Action: failed, Status 5.x.x) is a hard bounce; delayed,
  // delivered, relayed and expanded reports, and 4.x.x statuses, change nothing.
  const failed = recipients.find((b) => b.action?.toLowerCase() === 'failed' && /^5\./.test(b.status ?? '5.'));
  if (!failed) {
    const first = recipients[0];
    return { type: 'ignored', messageId, reason: `DSN action ${first.action ?? '(none)'} status ${first.status ?? '(none)'} is not a permanent failure` };
  }
  const reason = [failed.status, failed['diagnostic-code']].filter(Boolean).join(' ') || 'delivery failed';
  return { type: 'bounce', messageId: requireMessageId(messageId), address: addressOf(failed['final-recipient'] ?? failed['original-recipient']), reason };
}

function readArf(attachments: Attachment[], messageId: string | null): DeliveryReport {
  const report = partOf(attachments, 'message/feedback-report');
  if (!report) throw new ReportError('message/feedback-report', 'The ARF report has no message/feedback-report part');
  const [fields = {}] = parseFieldBlocks(report.content.toString('utf8'));
  const feedbackType = fields['feedback-type']?.toLowerCase();
  if (!feedbackType) throw new ReportError('Feedback-Type', 'The feedback report has no Feedback-Type field');
  // abuse (spam), fraud and virus reports are complaints; not-spam and other are not.
  if (!['abuse', 'fraud', 'virus'].includes(feedbackType)) {
    return { type: 'ignored', messageId, reason: `Feedback-Type ${feedbackType} is not a complaint` };
  }
  return {
    type: 'complaint', messageId: requireMessageId(messageId), address: addressOf(fields['original-rcpt-to']),
    reason: `Feedback-Type: ${feedbackType}${fields['user-agent'] ? ` (${fields['user-agent']})` : ''}`,
  };
}

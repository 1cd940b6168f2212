// Complaints: an ARF report (RFC 5965, message/feedback-report, whatever the outer type), the
// complaint Microsoft's JMRP sends as multipart/mixed with only the original attached, and the
// unsubscribe request Apple Mail sends as a plain mail (X-Apple-Unsubscribe).
import type { ParsedMail } from 'mailparser';
import { partOf } from './original';
import { addressOf, fromFacts, type RecipientReport } from './recipient';
import { parseFieldBlocks, ReportError } from './report-error';

const toAddresses = (mail: ParsedMail | null) => {
  const to = mail?.to;
  const list = Array.isArray(to) ? to : to ? [to] : [];
  return list.flatMap((t) => t.value.map((a) => a.address?.toLowerCase())).filter((a): a is string => !!a);
};

export function readFeedback(mail: ParsedMail, original: ParsedMail | null, raw: string): RecipientReport[] | null {
  const part = partOf(mail.attachments, 'message/feedback-report');
  // mailparser merges an inline feedback-report part into the text in some layouts: its fields are then in the raw text.
  const fieldsText = part ? part.content.toString('utf8') : /^Feedback-Type:/im.test(raw) ? raw.slice(raw.search(/^Feedback-Type:/im)) : null;
  if (fieldsText) {
    const [fields = {}] = parseFieldBlocks(fieldsText);
    const feedbackType = fields['feedback-type']?.toLowerCase();
    if (!feedbackType) throw new ReportError('Feedback-Type', 'The feedback report has no Feedback-Type field');
    const named = [...fieldsText.matchAll(/^(?:Original-Rcpt-To|Removal-Recipient):\s*(.+)$/gim)].map((m) => addressOf(m[1])).filter((a): a is string => !!a);
    const addresses = [...new Set(named.length > 0 ? named : toAddresses(original))];
    return (addresses.length > 0 ? addresses : [null]).map((address) => fromFacts(address, { feedbackType, diagnostic: fields['user-agent'] ?? '' }, null));
  }
  const hotmail = original?.headers.get('x-hmxmroriginalrecipient');
  if (hotmail || /complaint about message from/i.test(mail.subject ?? '')) {
    const address = addressOf(typeof hotmail === 'string' ? hotmail : null) ?? toAddresses(original)[0] ?? null;
    return [fromFacts(address, { feedbackType: 'abuse', diagnostic: mail.subject ?? '' }, null)];
  }
  if (String(mail.headers.get('x-apple-unsubscribe') ?? '') === 'true') {
    const from = mail.from?.value[0]?.address ?? null;
    return [fromFacts(addressOf(from), { feedbackType: 'opt-out', diagnostic: 'unsubscribe' }, null)];
  }
  return null;
}

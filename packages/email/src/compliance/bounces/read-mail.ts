// Reads any bounce, delay, auto-reply or complaint mail into one shape: per recipient the
// address, status, reply code, diagnostic and the reason with hard or soft. A DSN
// (multipart/report; report-type=delivery-status) gives its fields; an ARF report (or a
// provider's own complaint form) its feedback type; anything else is read as prose.
import { simpleParser, type MailParserOptions, type ParsedMail } from 'mailparser';
import { originalHeaders, originalText, partOf, quotedMessageId } from './original';
import { readFeedback } from './read-feedback';
import { readDsnFields } from './read-dsn';
import { addressesIn, noticeText, readTextNotice, replyCodeIn, statusIn, type TextRecipient } from './read-text';
import { addressOf, fromFacts, type RecipientReport } from './recipient';
import { ReportError } from './report-error';

export interface BounceReading {
  kind: 'dsn' | 'feedback' | 'notice' | 'auto-reply';
  /** With angle brackets; null when the mail returns no copy of the original. */
  messageId: string | null;
  recipients: RecipientReport[];
}

const AUTO_REPLY_SUBJECT = /^\s*(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|vacation|away( from| until)|absence|abwesen|r[ée]ponse automatique|risposta automatica)/i;

/** Reads a bounce, delay, auto-reply or complaint mail (`nested`: reading one found attached to another). */
export async function readBounceMail(raw: Buffer | string, nested = false): Promise<BounceReading> {
  // keepDeliveryStatus: the message/delivery-status part stays a part instead of being merged
  // into the text body. (A real mailparser 3.x option that @types/mailparser does not list.)
  const mail = await simpleParser(raw, { keepDeliveryStatus: true } as MailParserOptions);
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const rawText = Buffer.isBuffer(raw) ? raw.toString('latin1') : raw;
  const quoted = originalText(rawText, contentType?.params?.boundary, mail.attachments);
  const body = bodyText(mail, rawText);
  // A prose notice quotes the original below its own text instead of attaching it.
  const tail = body.slice(noticeText(body).length).trimStart().replace(/^.*(original message|copy of|message follows|below this line).*\n/i, '').trimStart();
  const original = quoted ? await originalHeaders(quoted) : /^[A-Za-z-]+:/.test(tail) ? await originalHeaders(tail) : null;
  const messageId = original?.messageId ?? quotedMessageId(tail) ?? null;

  const feedback = readFeedback(mail, original, rawText);
  if (feedback) return { kind: 'feedback', messageId, recipients: feedback };

  const ignore = new Set([...addressesOfHeader(mail.to), ...addressesOfHeader(mail.from), ...addressesOfHeader(original?.from)]);
  const prose = readTextNotice(body, ignore);
  const status = partOf(mail.attachments, 'message/delivery-status', 'message/global-delivery-status');
  const dsn = readDsnFields(status ? status.content.toString('utf8') : body, prose);
  if (dsn.length > 0) return { kind: 'dsn', messageId, recipients: dsn };

  if (isAutoReply(mail) && !/\b[45]\d\d\b|undeliver|failure|failed|error|returned/i.test(mail.subject ?? '')) {
    const address = addressOf(addressesOfHeader(mail.from)[0]);
    return { kind: 'auto-reply', messageId, recipients: [fromFacts(address, { diagnostic: mail.subject ?? '' }, 'vacation')] };
  }
  const notice = noticeText(body);
  // Exim and Google name the failed addresses in a header too.
  const failedHeader = String(mail.headers.get('x-failed-recipients') ?? '').split(',').map((a) => addressOf(a)).filter((a): a is string => !!a);
  const named = prose.length > 0 ? prose : failedHeader.length > 0 ? failedHeader.map((address) => atFallback(address, notice)) : fallbackRecipients(body, ignore, original);
  const recipients = named.map((r) => noticeRecipient(r, notice));
  // A notice that names nobody, or only the original's addressee without a word of failure, is no bounce.
  if (recipients.length === 0 || (prose.length === 0 && failedHeader.length === 0 && recipients.every((r) => r.reason === 'other' && !r.status && !r.replyCode))) {
    // A bounce passed on as the attachment of another mail (a relay forwarding what it received).
    if (!nested && quoted && /^content-type:\s*multipart\/report/im.test(quoted)) return readBounceMail(quoted, true);
    const reportType = contentType?.params?.['report-type']?.toLowerCase();
    if (status) throw new ReportError('Final-Recipient', 'The DSN names no recipient (Final-Recipient / Action fields)');
    if (reportType === 'delivery-status') throw new ReportError('message/delivery-status', 'The DSN has no message/delivery-status part and its text names no failed recipient');
    throw new ReportError('Content-Type', 'Expected a bounce or complaint: a multipart/report (a DSN, RFC 3464, or an ARF report, RFC 5965) or a mail server\'s failure notice naming the recipient');
  }
  return { kind: 'notice', messageId, recipients };
}

function bodyText(mail: ParsedMail, raw: string): string {
  // A multipart type over a body with no parts in it (old Sendmail): the body is the text.
  const text = mail.text?.trim() || mail.attachments.length > 0 ? mail.text ?? '' : raw.slice(raw.search(/\r?\n\r?\n/) + 1);
  // A part with a text type that mailparser kept as an attachment (a second text/plain part).
  const extra = mail.attachments.filter((a) => a.contentType === 'text/plain' && a.contentDisposition !== 'attachment').map((a) => a.content.toString('utf8'));
  const joined = [text, ...extra].join('\n').replace(/\r\n?/g, '\n');
  // A bounce forwarded as a quote ("> " before every line) reads as the bounce itself.
  const lines = joined.split('\n');
  const quoted = lines.filter((l) => /^> ?/.test(l) && !/^>>/.test(l)).length;
  return quoted > lines.length / 3 ? lines.map((l) => l.replace(/^> ?(?!>)/, '')).join('\n') : joined;
}

function addressesOfHeader(header: ParsedMail['to'] | ParsedMail['from'] | undefined): string[] {
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return list.flatMap((h) => h.value.flatMap((a) => [a.address, ...(a.group ?? []).map((g) => g.address)])).filter((a): a is string => !!a).map((a) => a.toLowerCase());
}

function isAutoReply(mail: ParsedMail): boolean {
  const auto = String(mail.headers.get('auto-submitted') ?? '').toLowerCase();
  const precedence = String(mail.headers.get('precedence') ?? '').toLowerCase();
  // Some mail servers mark their bounces auto-replied too: a mailer daemon's mail is no vacation.
  const from = addressesOfHeader(mail.from)[0] ?? '';
  if (/^(mailer-daemon|postmaster)@/i.test(from)) return false;
  return auto.startsWith('auto-replied') || mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')
    || precedence === 'auto_reply' || AUTO_REPLY_SUBJECT.test(mail.subject ?? '');
}

/** The recipient of a notice that names no address at the start of a line. */
function fallbackRecipients(body: string, ignore: Set<string>, original: ParsedMail | null): TextRecipient[] {
  const notice = noticeText(body);
  const named = addressesIn(body, ignore)[0] ?? addressesOfHeader(original?.to)[0];
  return named ? [atFallback(named, notice)] : [];
}

/** An address the notice names only in passing: the whole notice is what it says about it. */
function atFallback(address: string, notice: string): TextRecipient {
  const diagnostic = notice.replace(/\s+/g, ' ').trim();
  return { address, status: statusIn(diagnostic), replyCode: replyCodeIn(diagnostic), diagnostic };
}

function noticeRecipient(r: TextRecipient, notice: string): RecipientReport {
  const own = fromFacts(r.address, { ...r, context: notice }, null);
  if (own.reason !== 'other') return own;
  // The lines about the address say nothing recognisable: the notice as a whole may.
  const whole = notice.replace(/\s+/g, ' ');
  return fromFacts(r.address, { ...r, status: r.status ?? statusIn(whole), replyCode: r.replyCode ?? replyCodeIn(whole), diagnostic: `${r.diagnostic} ${whole}`.trim(), context: notice }, null);
}


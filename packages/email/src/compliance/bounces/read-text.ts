// A mail server's failure notice in prose (qmail, Exim, Postfix, Sendmail, Exchange, Yahoo,
// OpenSMTPD, ...): whom it failed for, with which status and reply code, and the server's own
// words. No two servers word it alike, but nearly all name each failed address at the start of
// a line (bare, in <angle brackets>, or after "RCPT TO:") followed by the remote server's
// answer, and stop before a copy of the original message, which is cut off first.

export interface TextRecipient {
  address: string;
  status: string | null;
  replyCode: string | null;
  /** The lines about this address, whitespace collapsed. */
  diagnostic: string;
}

const ADDRESS = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+";
const ANCHORS = [
  new RegExp(`^\\s*(?:[-*•>]\\s*)?(?:"[^"]*"\\s*)?<?(${ADDRESS})>?\\s*(?::|\\.\\.\\.|\\(|$|\\s+(?:\\d{3}|SMTP|host|on|by|<)\\b)`, 'i'),
  new RegExp(`^\\s*\\d{3}[ -](?:\\d\\.\\d{1,3}\\.\\d{1,3}\\s+)?<(${ADDRESS})>\\.\\.\\.`, 'i'),
  new RegExp(`RCPT TO:\\s*<(${ADDRESS})>`, 'i'),
  new RegExp(`(?:Original|Final)-Recipient:\\s*(?:rfc822;)?\\s*<?(${ADDRESS})>?`, 'i'),
  new RegExp(`(?:delivery to|deliver(?:ed|ing)? (?:(?:the |your |this )?(?:message|mail) )?(?:to|for)|recipient:?|address:|To:)\\s*<?(${ADDRESS})>?`, 'i'),
];

// Where a copy of the original message starts, in the wording of the common servers.
const ORIGINAL_STARTS = /^[ \t]*(?:-{2,}|={2,}|\*{2,})?(?!.*received at).{0,30}\b(?:original message|copy of|unsent message|returned message|message follows|below this line|original (?:mail|headers)|headers of the|rejected message|undelivered message|message headers follow)\b|^(?:Return-Path|Received|DKIM-Signature|Message-I[dD]|X-Originating-IP|Delivered-To|Authentication-Results|Reporting-MTA):/im;

/** The notice's own text: everything before the quoted original message. */
export function noticeText(text: string): string {
  const normal = text.replace(/\r\n?/g, '\n');
  const start = ORIGINAL_STARTS.exec(normal);
  return start && start.index > 0 ? normal.slice(0, start.index) : normal;
}

export const statusIn = (text: string): string | null =>
  /(?:^|[\s(#[<:])([245]\.\d{1,3}\.\d{1,3})(?=$|[\s)\],.;:>-])/.exec(text)?.[1] ?? null;
export const replyCodeIn = (text: string): string | null =>
  /(?:^|[\s:(["'])([245][0-5]\d)(?=[\s-]|$)/.exec(text)?.[1] ?? null;

const squash = (lines: string[]) => lines.join(' ').replace(/\s+/g, ' ').trim();

/**
 * The failed addresses of a prose notice with their lines. `ignore`: addresses that are not
 * recipients (the notice's sender and addressee, the original sender).
 */
export function readTextNotice(text: string, ignore: ReadonlySet<string>): TextRecipient[] {
  const lines = noticeText(text).split('\n');
  const chunks = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    const address = anchorOf(line, ignore);
    if (address) {
      current = chunks.get(address) ?? [];
      chunks.set(address, current);
    }
    if (current) current.push(line);
  }
  return [...chunks].map(([address, chunk]) => {
    const diagnostic = squash(chunk);
    return { address, status: statusIn(diagnostic), replyCode: replyCodeIn(diagnostic), diagnostic };
  });
}

function anchorOf(line: string, ignore: ReadonlySet<string>): string | null {
  for (const anchor of ANCHORS) {
    const address = anchor.exec(line)?.[1]?.toLowerCase().replace(/\.$/, '');
    if (address && !ignore.has(address) && !isServiceAddress(address)) return address;
  }
  return null;
}

// postmaster@ is left in: a bounce about mail to a postmaster is a real one.
export const isServiceAddress = (address: string) => /^(mailer-daemon|no-?reply|daemon)@/i.test(address);

/** Every address in the notice (for a notice that names its recipient only in passing). */
export function addressesIn(text: string, ignore: ReadonlySet<string>): string[] {
  const found = (noticeText(text).match(new RegExp(ADDRESS, 'g')) ?? []).map((a) => a.toLowerCase().replace(/\.$/, ''));
  return [...new Set(found)].filter((a) => !ignore.has(a) && !isServiceAddress(a));
}


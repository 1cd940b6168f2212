// An email's MIME source, built in one pass into one Buffer. nodemailer's composer streams each
// part through several JavaScript transforms (quoted-printable encoding, line wrapping, line
// endings) and was most of the CPU an email cost the dispatcher: 2.6 ms composed and sent against
// 1.0 ms for the same message sent ready-made (tests/bench, a 19 kB promotion). nodemailer still
// connects, authenticates and speaks SMTP (mailer.ts); its header helpers encode and fold here.
import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import mimeFuncs from 'nodemailer/lib/mime-funcs';
import type { OutgoingEmail } from './mailer';

/** An outgoing email with its Message-ID in angle brackets (normaliseMessageId), its headers and its date. */
export type MimeMessage = Pick<OutgoingEmail, 'from' | 'to' | 'subject' | 'html' | 'text' | 'messageId'> & {
  headers: Record<string, string>;
  date: Date;
};

const CRLF = '\r\n';
/** Room on an encoded line: 76 characters, the last one a soft break's "=". */
const LINE = 75;
/** Characters written as they are: printable ASCII but "=", and spaces and tabs not ending a line. */
const LITERAL = new Uint8Array(128).map((_, c) => Number((c >= 0x21 && c <= 0x7e && c !== 0x3d) || c === 0x20 || c === 0x09));
const ESCAPE = Array.from({ length: 256 }, (_, b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`);

/** A code point's UTF-8 bytes, each as =XX. */
function escapedUtf8(cp: number): string {
  if (cp < 0x80) return ESCAPE[cp];
  if (cp < 0x800) return ESCAPE[0xc0 | (cp >> 6)] + ESCAPE[0x80 | (cp & 63)];
  if (cp < 0x10000) return ESCAPE[0xe0 | (cp >> 12)] + ESCAPE[0x80 | ((cp >> 6) & 63)] + ESCAPE[0x80 | (cp & 63)];
  return ESCAPE[0xf0 | (cp >> 18)] + ESCAPE[0x80 | ((cp >> 12) & 63)] + ESCAPE[0x80 | ((cp >> 6) & 63)] + ESCAPE[0x80 | (cp & 63)];
}

/**
 * Quoted-printable (RFC 2045): line breaks become CRLF, lines stay within 76 characters, a
 * space or tab ending a line is escaped, and one character's bytes are never split across
 * lines. One pass over the characters, copying runs of literal ones as slices.
 */
export function encodeQuotedPrintable(text: string): string {
  let out = '';
  let col = 0;
  let run = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && LITERAL[c] === 1) {
      const blank = c === 0x20 || c === 0x09;
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (!blank || !(next === -1 || next === 0x0a || (next === 0x0d && text.charCodeAt(i + 2) === 0x0a))) {
        if (col === LINE) {
          out += `${text.slice(run, i)}=${CRLF}`;
          run = i;
          col = 0;
        }
        col++;
        continue;
      }
    }
    out += text.slice(run, i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) {
      if (c === 0x0d) i++;
      out += CRLF;
      col = 0;
    } else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const escaped = escapedUtf8(cp);
      if (col + escaped.length > LINE) {
        out += `=${CRLF}`;
        col = 0;
      }
      out += escaped;
      col += escaped.length;
    }
    run = i + 1;
  }
  return out + text.slice(run);
}

function encodeBase64(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(CRLF);
}

const plainAscii = (value: string) => /^[\x20-\x7e]*$/.test(value);

/** A header value as nodemailer writes it: encoded words where it is not plain ASCII. */
const headerText = (value: string) => (plainAscii(value) ? value : mimeFuncs.encodeWords(value, 'Q', 52));

function addressList(value: string): string {
  return (addressparser(value, { flatten: true }) as { name: string; address: string }[]).map(({ name, address }) => {
    if (!name) return address;
    const shown = plainAscii(name) ? (/^[\w '-]*$/.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`) : mimeFuncs.encodeWord(name, 'Q', 52);
    return `${shown} <${address}>`;
  }).join(', ');
}

/** The bare address of a From value, for the SMTP envelope. */
export function envelopeAddress(value: string): string {
  const [first] = addressparser(value, { flatten: true }) as { address: string }[];
  return first?.address ?? value;
}

/** Whether buildMime can write these addresses (plain ASCII); otherwise nodemailer composes the email. */
export const canBuildMime = (msg: Pick<MimeMessage, 'from' | 'to'>) => plainAscii(msg.from + msg.to);

/**
 * A text part in whichever encoding is shorter: quoted-printable for markup and Latin text
 * (almost always, and readable in the source), base64 where escapes would outnumber it
 * (text mostly in Cyrillic).
 */
function part(contentType: string, body: string): string {
  const quoted = encodeQuotedPrintable(body);
  const base64Length = Math.ceil(Buffer.byteLength(body, 'utf8') / 3) * 4 * (78 / 76);
  const encoding = quoted.length <= base64Length ? 'quoted-printable' : 'base64';
  const encoded = encoding === 'quoted-printable' ? quoted : encodeBase64(body);
  return `Content-Type: ${contentType}; charset=utf-8${CRLF}Content-Transfer-Encoding: ${encoding}${CRLF}${CRLF}${encoded}`;
}

export function buildMime(msg: MimeMessage): Buffer {
  const head = [
    `From: ${addressList(msg.from)}`,
    `To: ${addressList(msg.to)}`,
    `Subject: ${headerText(msg.subject)}`,
    `Message-ID: ${msg.messageId}`,
    `Date: ${msg.date.toUTCString().replace(/GMT/, '+0000')}`,
    'MIME-Version: 1.0',
    ...Object.entries(msg.headers).map(([name, value]) => `${name}: ${headerText(value)}`),
  ].map((line) => mimeFuncs.foldLines(line, 76));
  const parts = [msg.text && part('text/plain', msg.text), part('text/html', msg.html)].filter(Boolean);
  if (parts.length === 1) return Buffer.from(`${head.join(CRLF)}${CRLF}${parts[0]}`, 'latin1');
  const boundary = `--_afterglow_${randomBytes(12).toString('hex')}`;
  const body = parts.map((p) => `--${boundary}${CRLF}${p}${CRLF}`).join('');
  return Buffer.from(`${head.join(CRLF)}${CRLF}Content-Type: multipart/alternative; boundary="${boundary}"${CRLF}${CRLF}${body}--${boundary}--${CRLF}`, 'latin1');
}

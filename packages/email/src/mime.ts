// An email's MIME source, built in one pass into one Buffer. nodemailer's composer streams each
// part through several JavaScript transforms (quoted-printable encoding, line wrapping, line
// endings) and was most of the CPU an email cost the dispatcher: 2.6 ms composed and sent against
// 1.0 ms for the same message sent ready-made (tests/bench, a 19 kB promotion). nodemailer still
// connects, authenticates and speaks SMTP (mailer.ts); its header helpers encode and fold here.
import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import mimeFuncs from 'nodemailer/lib/mime-funcs';

export interface MimeMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** In angle brackets (normaliseMessageId). */
  messageId: string;
  headers: Record<string, string>;
  date: Date;
}

const CRLF = '\r\n';
/** Room on an encoded line: 76 characters, the last one a soft break's "=". */
const LINE = 75;
/** Characters written as they are (printable ASCII but "=", spaces, tabs), matched as runs: markup is mostly such runs. */
const LITERAL_RUN = /[\x21-\x3c\x3e-\x7e\x20\x09]+/y;
const hex = (byte: number) => `=${byte < 16 ? '0' : ''}${byte.toString(16).toUpperCase()}`;

/** One character's UTF-8 bytes, each as =XX. */
function escaped(char: string): string {
  let out = '';
  for (const byte of Buffer.from(char, 'utf8')) out += hex(byte);
  return out;
}

/**
 * Quoted-printable (RFC 2045): line breaks become CRLF, lines stay within 76 characters, a
 * space or tab ending a line is escaped, and one character's bytes are never split across lines.
 */
export function encodeQuotedPrintable(text: string): string {
  const lines: string[] = [];
  let line = '';
  let i = 0;
  const append = (piece: string) => {
    if (line.length + piece.length > LINE) {
      lines.push(`${line}=`);
      line = '';
    }
    line += piece;
  };
  const endsLineAt = (at: number) => at === text.length || text[at] === '\n' || (text[at] === '\r' && text[at + 1] === '\n');
  while (i < text.length) {
    LITERAL_RUN.lastIndex = i;
    const run = LITERAL_RUN.exec(text)?.[0];
    if (run) {
      i += run.length;
      const last = run[run.length - 1];
      const trailingBlank = (last === ' ' || last === '\t') && endsLineAt(i);
      let rest = trailingBlank ? run.slice(0, -1) : run;
      while (rest.length > 0) {
        if (line.length >= LINE) {
          lines.push(`${line}=`);
          line = '';
        }
        const room = LINE - line.length;
        line += rest.slice(0, room);
        rest = rest.slice(room);
      }
      if (trailingBlank) append(hex(last.charCodeAt(0)));
      continue;
    }
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      i += text[i] === '\r' ? 2 : 1;
      lines.push(line);
      line = '';
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    i += char.length;
    append(escaped(char));
  }
  lines.push(line);
  return lines.join(CRLF);
}

function encodeBase64(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(CRLF);
}

/**
 * nodemailer's rule for a text part: quoted-printable when its Latin letters outnumber its
 * other characters (8-bit and control), else base64 (Cyrillic text is shorter in base64).
 */
function partEncoding(value: string): 'quoted-printable' | 'base64' {
  // Plain ASCII text with a letter in it (markup always) needs no count.
  if (/^[\x09\x0a\x0d\x20-\x7e]*$/.test(value)) return /[A-Za-z]/.test(value) ? 'quoted-printable' : 'base64';
  let latin = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0x80 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) other++;
  }
  return other < latin ? 'quoted-printable' : 'base64';
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

function part(contentType: string, body: string): string {
  const encoding = partEncoding(body);
  const encoded = encoding === 'base64' ? encodeBase64(body) : encodeQuotedPrintable(body);
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

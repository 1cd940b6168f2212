// A real SMTP server in-process: the engine's mailer delivers to it exactly as to a mail
// provider, and every message it accepts is kept, parsed (what a recipient's client would show).
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedEmail {
  /** The recipients' addresses, comma-separated: one address for a journey's email. */
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Lower-case header names; structured values (addresses, dates) as the raw header line. */
  headers: Record<string, string>;
  /** The whole parsed message, for what the fields above leave out. */
  parsed: ParsedMail;
}

export interface SmtpCapture {
  url: string;
  emails: CapturedEmail[];
  close(): Promise<void>;
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  [field ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? '')).join(', ');

function captured(mail: ParsedMail): CapturedEmail {
  const headers: Record<string, string> = {};
  for (const line of mail.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
  return {
    to: addresses(mail.to), from: addresses(mail.from), subject: mail.subject ?? '',
    text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '', headers, parsed: mail,
  };
}

/** An SMTP server on a free local port handing each accepted message, parsed, to `onMail`. */
export async function listenSmtp(onMail: (mail: ParsedMail) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        onMail(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const emails: CapturedEmail[] = [];
  const server = await listenSmtp((mail) => emails.push(captured(mail)));
  return { ...server, emails };
}

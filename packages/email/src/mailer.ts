// SMTP delivery through nodemailer's pooled transport. A send either succeeds or throws a
// MailError that says whether trying again can help, which is all the dispatcher needs.
import { connect, isIP, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { buildMime, canBuildMime, envelopeAddress } from './mime';

/**
 * SMTP connections a mailer keeps open. The dispatcher sends on as many at once, each waiting
 * for its previous email's "sent" mark to commit: a crash resends at most this many emails
 * per dispatching process.
 */
export const SMTP_CONNECTIONS = 5;

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Kept as given, so a retry of the same outbox row carries the same Message-ID. */
  messageId: string;
  headers?: Record<string, string>;
  /** The envelope sender (SMTP MAIL FROM), where bounces go: the email's VERP address (compliance/verp.ts); else `from`. */
  returnPath?: string;
}

export interface Mailer {
  send(msg: OutgoingEmail): Promise<void>;
  close(): void;
}

export class MailError extends Error {
  constructor(message: string, readonly permanent: boolean, readonly code?: number) {
    super(message);
    this.name = 'MailError';
  }
}

const smtpUrlSchema = z.string().refine((value) => {
  try {
    return ['smtp:', 'smtps:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'smtpUrl must look like smtp://user:pass@host:587 or smtps://host:465');

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || (isIP(bare) === 4 && bare.startsWith('127.')) || bare === '::1';
}

/** Message-IDs are "<id@domain>" on the wire; accept them with or without the brackets. */
export function normaliseMessageId(id: string): string {
  const bare = id.trim().replace(/^<|>$/g, '');
  if (!bare || /[\s<>]/.test(bare)) throw new MailError(`Invalid Message-ID "${id}"`, true);
  return `<${bare}>`;
}

/** Classifies a nodemailer failure: 5xx replies are final; 4xx, network and auth trouble pass. */
export function toMailError(err: unknown): MailError {
  if (err instanceof MailError) return err;
  const e = err as { message?: string; responseCode?: number; code?: string; response?: string };
  const message = e.response ?? e.message ?? String(err);
  // An authentication failure is the sender's configuration, not this message: once the
  // operator fixes it the same email must still go out.
  if (e.code === 'EAUTH') return new MailError(message, false, e.responseCode);
  if (typeof e.responseCode === 'number') return new MailError(message, e.responseCode >= 500, e.responseCode);
  // Rejected before talking to the server (no recipients, malformed address): final.
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return new MailError(message, true);
  return new MailError(message, false);
}

export function createMailer(opts: { smtpUrl: string }): Mailer {
  const url = new URL(smtpUrlSchema.parse(opts.smtpUrl));
  const secure = url.protocol === 'smtps:';
  const hasAuth = url.username !== '';
  // A development sink on loopback (or any unauthenticated relay) speaks plain SMTP; with
  // credentials on a real server, STARTTLS is required so the password is never sent in clear.
  const plain = !secure && (isLoopback(url.hostname) || !hasAuth);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: 100,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: plain,
    requireTLS: !secure && !plain,
    auth: hasAuth ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    dnsTimeout: 10_000,
    // Plain and STARTTLS connections get a socket with Nagle's algorithm off: nodemailer ends
    // each message with a small write that otherwise waits for the server's delayed ACK
    // (~40 ms per email and connection). Implicit TLS (smtps) keeps nodemailer's own socket.
    ...(secure ? {} : { getSocket: (options: { host?: string; port?: number }, callback: (err: Error | null, socket?: { connection: Socket }) => void) => {
      const socket = connect({ host: options.host, port: Number(options.port), noDelay: true, timeout: 10_000 });
      const fail = (err: Error) => callback(err);
      socket.once('timeout', () => socket.destroy(new Error(`Connection timeout to ${options.host}:${options.port}`)));
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.removeListener('error', fail);
        socket.setTimeout(0); // from here nodemailer's own timeouts apply
        callback(null, { connection: socket });
      });
    } }),
  });
  return {
    async send(msg) {
      const messageId = normaliseMessageId(msg.messageId);
      for (const [name, value] of Object.entries(msg.headers ?? {})) {
        if (!/^[A-Za-z0-9-]+$/.test(name) || /[\r\n]/.test(value)) {
          throw new MailError(`Header "${name}" must be a single line with a plain name`, true);
        }
      }
      try {
        // Plain addresses (almost always): the email is built here and sent as it is (mime.ts).
        await transport.sendMail(canBuildMime(msg)
          ? { envelope: { from: msg.returnPath ?? envelopeAddress(msg.from), to: [envelopeAddress(msg.to)] },
            raw: buildMime({ ...msg, messageId, headers: msg.headers ?? {}, date: new Date() }) }
          : { from: msg.from, to: msg.to, subject: msg.subject, html: msg.html, text: msg.text,
            messageId, headers: msg.headers,
            ...(msg.returnPath ? { envelope: { from: msg.returnPath, to: [msg.to] } } : {}) });
      } catch (err) {
        throw toMailError(err);
      }
    },
    close() {
      transport.close();
    },
  };
}

// What every relay's event becomes: one report per recipient, read with the same classifier
// as a bounce mail (classifyBounce / isHardRefusal), so a relay's "mailbox full" is soft and
// its "user unknown" hard exactly as in a DSN. A relay's own verdict (SES "Transient",
// Mailgun "temporary", Postmark "SoftBounce") only fills in a status when the event carries
// none; its words and codes decide otherwise. Delays and auto-replies are read but change nothing.
import { classifyBounce, isHardRefusal, type BounceFacts } from '@afterglow/email';
import type { ReportToRecord } from '../record';

/** A report for the shared recording path, with the recipient the relay names. */
export type RelayReport = ReportToRecord & { address: string };

/** An event read and deliberately left alone (a delivery, a delay, an open, an auto-reply). */
export interface IgnoredEvent { ignored: string; address: string | null; messageId: string | null }

export type RelayEvent = RelayReport | IgnoredEvent;

export const isIgnored = (event: RelayEvent): event is IgnoredEvent => 'ignored' in event;

/** Reasons that are no failure at all (the classifier's NOT_A_FAILURE). */
const NO_FAILURE = new Set(['delayed', 'vacation', 'delivered']);

/** `<id@host>` from a Message-ID with or without brackets; null when there is none. */
export function bracketed(messageId: unknown): string | null {
  if (typeof messageId !== 'string') return null;
  const id = messageId.trim().replace(/^<|>$/g, '');
  return id.length > 0 && id.length <= 996 && !/[\s<>]/.test(id) ? `<${id}>` : null;
}

const statusIn = (text: string) => /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(text)?.[0] ?? null;
const replyIn = (text: string) => /(?:^|;\s*|\s)([245]\d\d)(?=[\s-]|$)/.exec(text)?.[1] ?? null;

export interface BounceInput {
  address: string;
  messageId: string | null;
  /** The server's words as the relay passes them on. */
  diagnostic: string;
  /** The enhanced status the relay reports, if any. */
  status?: string | null;
  /** When the relay has no status: whether it calls the failure temporary or permanent. */
  temporary: boolean;
  /** Words to classify by when the relay passes on none of the server's (its own sub-type). */
  fallbackWords?: string;
}

/** A bounce, classified as the bounce-mail path classifies a DSN. */
export function bounceEvent(input: BounceInput): RelayEvent {
  const words = input.diagnostic.trim() || input.fallbackWords || '';
  const status = input.status?.trim() || statusIn(words) || (input.temporary ? '4.0.0' : '5.0.0');
  const facts: BounceFacts = { status, replyCode: replyIn(words), diagnostic: words, action: 'failed' };
  const { reason } = classifyBounce(facts);
  const detail = [status, words].filter(Boolean).join(' ').slice(0, 1_000) || 'bounce';
  if (NO_FAILURE.has(reason)) return { ignored: reason, address: input.address, messageId: input.messageId };
  return { type: 'bounce', messageId: input.messageId ?? '', address: input.address, reason, hard: isHardRefusal(facts), detail, status, diagnostic: words };
}

export function complaintEvent(address: string, messageId: string | null, detail: string): RelayEvent {
  return { type: 'complaint', messageId: messageId ?? '', address, reason: 'complaint', hard: false, detail: detail.slice(0, 1_000) || 'complaint', diagnostic: detail };
}

export const ignoredEvent = (ignored: string, address: string | null, messageId: string | null): RelayEvent => ({ ignored, address, messageId });

/** A lower-cased address, or null for anything that is not one. */
export function addressOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const address = value.trim().replace(/^.*<([^<>]+)>.*$/, '$1').toLowerCase();
  return address.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

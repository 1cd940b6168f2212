// A bounce, delay, auto-reply or complaint mail read for recording, the same whether it came
// to the webhook (message/rfc822) or to the bounce listener (listener.ts): its facts, and the
// VERP addresses that may tie it to its email (match.ts): where it was delivered (the SMTP
// recipients, then its To, Delivered-To, X-Original-To and Return-Path headers), then any in
// the rest of the mail (the quoted original's Return-Path).
import { parseDeliveryReport, verpClaimsIn } from '@afterglow/email';
import { refuseBadInput } from '../ingest/http-io';
import { RECIPIENT_WINDOW_DAYS, type ReportClues } from './match';

export type MailReport =
  | ({ type: 'bounce' | 'complaint'; reason: string; hard: boolean; detail: string; status?: string | null; diagnostic?: string } & ReportClues)
  | { type: 'ignored'; messageId: string | null; reason: string; detail: string };

const ADDRESSED_TO = /^(to|delivered-to|x-original-to|return-path|envelope-to|x-envelope-to)[ \t]*:.*(\r?\n[ \t].*)*/gim;

/** Throws ReportError naming what a broken report lacks, HttpError (400) for text that may not be stored. */
export async function readMailReport(raw: Buffer, envelopeRecipients: string[] = []): Promise<MailReport> {
  const report = await parseDeliveryReport(raw);
  // Its fields are the mail's text: a NUL byte in a Diagnostic-Code would reach the database
  // (the detail stored holds the action, status and diagnostic).
  refuseBadInput({ messageId: report.messageId, address: report.address, diagnostic: report.detail }, 'Report');
  if (report.type === 'ignored') return report;
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const headers = (end < 0 ? text : text.slice(0, end)).match(ADDRESSED_TO) ?? [];
  const verp = verpClaimsIn([...envelopeRecipients, ...headers, text].join('\n'));
  return {
    type: report.type, messageId: report.messageId, address: report.address, verp, reason: report.reason, hard: report.hard, detail: report.detail,
    status: report.status, diagnostic: report.diagnostic,
  };
}

/** Why a report changed nothing: it could not be tied to an email this workspace sent. */
export function unmatchedReport(report: ReportClues): string {
  if (report.messageId) return `No email with Message-ID ${report.messageId} was sent from this workspace`;
  const recipient = report.address ? `no email to ${report.address} in the last ${RECIPIENT_WINDOW_DAYS} days` : 'no recipient named';
  return `The report could not be tied to an email Afterglow sent: it quotes no Message-ID, has no VERP return path of ours, and ${recipient}`;
}

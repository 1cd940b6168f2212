// Ties a bounce or complaint to the email it answers (docs/email.md, "Matching a report to its
// email"), in this order:
// 1. Message-ID: the original's, quoted in the report (<run.node@afterglow>: effectKeyOfMessageId).
// 2. VERP: the report was addressed to an email's own return path, bounces+<token>@<domain>
//    (the SMTP recipient, To, Delivered-To, X-Original-To, or the quoted original's
//    Return-Path); the token's signature is checked against the workspace's secret.
// 3. Recipient and time: the latest email sent to the address the report names within
//    RECIPIENT_WINDOW_DAYS, when the report quotes no Message-ID of Afterglow's (none at all,
//    or a relay's own). A Message-ID of Afterglow's form that matches nothing is not guessed at.
// An erased customer's email matches nothing. What is not tied to an email suppresses no one.
import { ERASED_CUSTOMER_ID, type Queryable, type SecretBox } from '@afterglow/db';
import { verpSigned, type VerpClaim } from '@afterglow/email';

/** How far back a report naming only its recipient is tied to the latest email sent to it. */
export const RECIPIENT_WINDOW_DAYS = 7;

export interface ReportClues {
  /** With angle brackets; null when the report quotes none. */
  messageId: string | null;
  /** The recipient the report names. */
  address?: string | null;
  /** VERP addresses the report was sent to or quotes, best first (verpClaimsIn). */
  verp?: VerpClaim[];
}

export type MatchedBy = 'message_id' | 'verp' | 'recipient';

export interface ReportedEmail { id: string; customer_id: string; to_address: string; matchedBy: MatchedBy }

/**
 * Our Message-IDs spell the row's effect key: <run.node@afterglow> for a journey step's
 * email (effect key run:node), <test.id@afterglow> for a test send (test:id). A report is
 * found through the effect key's unique index, so no index by Message-ID is kept up to date
 * at every queued email. Anything else was not sent by Afterglow and matches no row.
 */
export function effectKeyOfMessageId(messageId: string): string {
  const match = /^<([^.@<>]+)\.([^@<>]+)@afterglow>$/.exec(messageId);
  return match ? `${match[1]}:${match[2]}` : '';
}

type Row = Omit<ReportedEmail, 'matchedBy'>;

/** Finds the email and locks its row: two deliveries of the same report (relays retry) are serialised. */
export async function findReportedEmail(
  tx: Queryable, secrets: SecretBox, workspaceId: string, clues: ReportClues, now: Date,
): Promise<ReportedEmail | null> {
  const effectKey = clues.messageId ? effectKeyOfMessageId(clues.messageId) : '';
  if (effectKey) {
    const [row] = await tx<Row[]>`
      select id, customer_id, to_address from email_outbox
      where workspace_id = ${workspaceId} and effect_key = ${effectKey}
        and message_id = ${clues.messageId} and customer_id <> ${ERASED_CUSTOMER_ID}
      order by created_at desc limit 1 for update`;
    if (row) return { ...row, matchedBy: 'message_id' };
  }
  for (const claim of clues.verp ?? []) {
    const [row] = await tx<(Row & { secret: string | null })[]>`
      select o.id, o.customer_id, o.to_address, w.signing_secret as secret
      from email_outbox o join workspaces w on w.id = o.workspace_id
      where o.id = ${claim.outboxId}::uuid and o.workspace_id = ${workspaceId} and o.customer_id <> ${ERASED_CUSTOMER_ID}
      for update of o`;
    if (row?.secret && verpSigned(claim, secrets.open(row.secret))) {
      return { id: row.id, customer_id: row.customer_id, to_address: row.to_address, matchedBy: 'verp' };
    }
  }
  if (effectKey || !clues.address) return null;
  const [row] = await tx<Row[]>`
    select id, customer_id, to_address from email_outbox
    where workspace_id = ${workspaceId} and lower(to_address) = ${clues.address.toLowerCase()} and sent_at is not null
      and sent_at > ${now}::timestamptz - make_interval(days => ${RECIPIENT_WINDOW_DAYS}) and sent_at <= ${now}
      and customer_id <> ${ERASED_CUSTOMER_ID}
    order by sent_at desc limit 1 for update`;
  return row ? { ...row, matchedBy: 'recipient' } : null;
}

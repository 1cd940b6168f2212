// Emails to the people of a workspace (an invitation, a publish decision), and the few the staff
// write to one customer by hand (a reply to their review): short, plain, escaped, and sent
// through the normal outbox and dispatcher like any other email, so the send rate, retries,
// hard-bounce suppression and the Outbox page apply. Their Message-IDs follow the outbox's rule
// (`<a.b@afterglow>` for the effect key `a:b`), so the Outbox page finds them.
import type { Queryable } from '@afterglow/db';
import { randomUUID } from 'node:crypto';

export const TEAM_FROM_ADDRESS = 'Afterglow <team@afterglow.local>';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface TeamEmail {
  workspaceId: string;
  to: string;
  subject: string;
  /** Paragraphs of plain text; each is escaped. */
  paragraphs: string[];
  /** A call to action: the button's label and its address. */
  action?: { label: string; url: string };
  now: Date;
  /** Sender; the team address by default. */
  from?: string;
  /** The customer the email is about or to ('' for none), and the language it is written in. */
  customerId?: string;
  locale?: string;
  /** Names the effect key and Message-ID (`<prefix>:<uuid>`). */
  keyPrefix?: string;
}

export async function queueTeamEmail(sql: Queryable, email: TeamEmail): Promise<{ outboxId: string }> {
  const id = randomUUID();
  const prefix = email.keyPrefix ?? 'team';
  const body = email.paragraphs.map((p) => `<p style="margin:0 0 16px;white-space:pre-line">${escapeHtml(p)}</p>`).join('');
  const button = email.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(email.action.url)}" style="background:#7c3aed;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">${escapeHtml(email.action.label)}</a></p>`
    : '';
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1e293b;max-width:560px;margin:0 auto;padding:24px">${body}${button}</body></html>`;
  const text = [...email.paragraphs, ...(email.action ? [`${email.action.label}: ${email.action.url}`] : [])].join('\n\n');
  await sql`insert into email_outbox (id, workspace_id, effect_key, customer_id, kind, to_address, from_address,
      subject, html, text, message_id, headers, locale, next_attempt_at, created_at)
    values (${id}, ${email.workspaceId}, ${`${prefix}:${id}`}, ${email.customerId ?? ''}, 'transactional', ${email.to},
      ${email.from ?? TEAM_FROM_ADDRESS}, ${email.subject.replace(/[\r\n]+/g, ' ')}, ${html}, ${text}, ${`<${prefix}.${id}@afterglow>`},
      ${sql.json({ 'X-Afterglow-Kind': 'transactional' })}, ${email.locale ?? null}, ${email.now}, ${email.now})`;
  return { outboxId: id };
}

// Staff moderation: publish or hide many reviews in one statement, and reply to one (the reply
// is stored with who wrote it and when; on request it is also emailed to the customer, written
// in their language, through the outbox like every other email: reply-email.ts).
import type { Queryable } from '@afterglow/db';
import type postgres from 'postgres';
import { text } from '../i18n/catalogue';
import { DomainError, notFound } from '../journeys/errors';
import { iso } from '../trpc/time';
import { queueReplyEmail } from './reply-email';

export async function setReviewStatus(sql: Queryable, workspaceId: string, ids: string[], status: 'published' | 'hidden', now: Date) {
  const rows = await sql<{ id: string }[]>`
    update reviews set status = ${status}, updated_at = ${now}
    where workspace_id = ${workspaceId} and id = any(${ids}::uuid[]) and status <> ${status}
    returning id`;
  return { updated: rows.length };
}

interface ReplyInput { id: string; text: string; email: boolean }
interface Staff { id: string; workspaceId: string }

interface Target { email: string | null; rating: number; text: string }

export async function replyToReview(sql: postgres.Sql, staff: Staff, input: ReplyInput, now: Date) {
  return sql.begin(async (tx) => {
    const [target] = await tx<Target[]>`
      select coalesce(c.email, r.author_email) as email, r.rating, r.text
      from reviews r left join customers c on c.workspace_id = r.workspace_id and c.id = r.customer_id
      where r.workspace_id = ${staff.workspaceId} and r.id = ${input.id}
      for update of r`;
    if (!target) throw notFound('review', input.id);
    if (input.email && !target.email) throw new DomainError('INVALID', text('reviews.noEmail'), 'email');
    const [saved] = await tx<{ repliedAt: Date; replyEmailedAt: Date | null }[]>`
      update reviews set reply = ${input.text}, replied_by = ${staff.id}, replied_at = ${now}, updated_at = ${now},
        reply_emailed_at = case when ${input.email} then ${now}::timestamptz else reply_emailed_at end
      where workspace_id = ${staff.workspaceId} and id = ${input.id}
      returning replied_at as "repliedAt", reply_emailed_at as "replyEmailedAt"`;
    const outboxId = input.email ? (await queueReplyEmail(tx, staff.workspaceId, input.id, now)).outboxId : null;
    return { id: input.id, reply: input.text, repliedAt: iso(saved.repliedAt), replyEmailedAt: iso(saved.replyEmailedAt), outboxId };
  });
}

// The Outbox page: what the development SMTP sink received, and the delivery queue.
// dev_mailbox belongs to the local sink (one per installation), not to a workspace: a
// workspace sees only the messages its own outbox sent, matched by Message-ID.
import type { Database } from '@afterglow/db';
import { z } from 'zod';
import { notFound } from '../journeys/errors';
import { protectedProcedure, router } from './init';
import { containsPattern, pageInput } from './paging';
import { iso } from './time';

/**
 * The received message was sent by this workspace's outbox. Every Message-ID Afterglow makes
 * is `<a.b@afterglow>` for the effect key `a:b`, so each message is one probe of the outbox's
 * unique (workspace, effect key) index.
 */
const sentByWorkspace = (sql: Database['sql'], workspaceId: string) => sql`exists (
  select 1 from email_outbox o where o.workspace_id = ${workspaceId} and o.message_id = d.message_id
    and o.effect_key = regexp_replace(d.message_id, '^<([^.@<>]+)\\.([^@<>]+)@afterglow>$', '\\1:\\2'))`;

/** The locale the message went out in (its template variant and script), from its outbox row. */
const sentLocale = (sql: Database['sql'], workspaceId: string) => sql`(
  select o.locale from email_outbox o where o.workspace_id = ${workspaceId} and o.message_id = d.message_id limit 1)`;

const queueStatuses = ['pending', 'sending', 'sent', 'failed', 'suppressed'] as const;

export const outboxRouter = router({
  list: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50) }).default({ limit: 50 }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.deps.database.sql<{ id: string; from: string; to: string[]; subject: string; locale: string | null; receivedAt: Date | string }[]>`
        select id, from_address as "from", to_addresses as "to", subject,
          ${sentLocale(ctx.deps.database.sql, ctx.user.workspaceId)} as locale, received_at as "receivedAt"
        from dev_mailbox d where ${sentByWorkspace(ctx.deps.database.sql, ctx.user.workspaceId)}
        order by received_at desc, id limit ${input.limit}`;
      return rows.map((r) => ({ ...r, receivedAt: iso(r.receivedAt) }));
    }),

  /** The Outbox page: searched by subject or recipient, newest or oldest first, paged (hasMore, no count of the mailbox). */
  page: protectedProcedure.input(pageInput(['newest', 'oldest'] as const)).query(async ({ ctx, input }) => {
    const { sql } = ctx.deps.database;
    const matches = input.search
      ? sql`and lower(d.subject || ' ' || d.to_addresses::text) like ${containsPattern(input.search)}` : sql``;
    const order = input.sort === 'oldest' ? sql`received_at, id` : sql`received_at desc, id`;
    const rows = await sql<{ id: string; from: string; to: string[]; subject: string; locale: string | null; receivedAt: Date | string }[]>`
      select id, from_address as "from", to_addresses as "to", subject,
        ${sentLocale(sql, ctx.user.workspaceId)} as locale, received_at as "receivedAt"
      from dev_mailbox d where ${sentByWorkspace(sql, ctx.user.workspaceId)} ${matches}
      order by ${order} limit ${input.limit + 1} offset ${input.offset}`;
    return { items: rows.slice(0, input.limit).map((r) => ({ ...r, receivedAt: iso(r.receivedAt) })), hasMore: rows.length > input.limit };
  }),

  get: protectedProcedure
    .input(z.object({ id: z.uuid('Message ids are UUIDs') }))
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.deps.database.sql<{
        id: string; messageId: string | null; from: string; to: string[]; subject: string;
        html: string | null; text: string | null; headers: Record<string, string>; locale: string | null; receivedAt: Date | string;
      }[]>`
        select id, message_id as "messageId", from_address as "from", to_addresses as "to", subject, html, text,
          headers, ${sentLocale(ctx.deps.database.sql, ctx.user.workspaceId)} as locale, received_at as "receivedAt"
        from dev_mailbox d where id = ${input.id} and ${sentByWorkspace(ctx.deps.database.sql, ctx.user.workspaceId)}`;
      if (!row) throw notFound('message', input.id);
      return { ...row, receivedAt: iso(row.receivedAt) };
    }),

  /** Emails of this workspace by delivery status. */
  queue: protectedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.deps.database.sql<{ status: string; count: number }[]>`
      select status, count(*)::int as count from email_outbox
      where workspace_id = ${ctx.user.workspaceId} group by status`;
    const counts = Object.fromEntries(queueStatuses.map((s) => [s, 0])) as Record<(typeof queueStatuses)[number], number>;
    for (const r of rows) if (r.status in counts) counts[r.status as keyof typeof counts] = r.count;
    return counts;
  }),
});

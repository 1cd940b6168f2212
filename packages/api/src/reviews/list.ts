// What the Reviews page (and the customer page) read: reviews newest first, filtered in SQL and
// paged by keyset (created_at, id), so each page is one index range scan however many reviews
// a shop has (reviews_recent_idx, reviews_status_recent_idx, reviews_attention_idx,
// reviews_product_idx, reviews_customer_idx, reviews_search_trgm_idx in drizzle/0044); and the
// counts on top of the page, in one statement.
import type { Queryable } from '@afterglow/db';
import { iso } from '../trpc/time';
import type { ReviewFilter } from './schemas';

/** A review needs attention while it is bad (1-2 stars) and nobody has answered it. */
export const ATTENTION_MAX_RATING = 2;

type Ts = Date | string;
interface Row {
  id: string; rating: number; text: string; status: string; source: string; reply: string | null;
  repliedAt: Ts | null; repliedBy: string | null; replyEmailedAt: Ts | null; productId: string; productName: string;
  customerId: string | null; customerName: string | null; customerEmail: string | null;
  authorName: string | null; authorEmail: string | null; orderId: string | null; createdAt: Ts;
}

const likePattern = (search: string) => `%${search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

export async function listReviews(sql: Queryable, workspaceId: string, f: ReviewFilter) {
  const where = [
    sql`r.workspace_id = ${workspaceId}`,
    f.status ? sql`and r.status = ${f.status}` : sql``,
    f.minRating > 1 ? sql`and r.rating >= ${f.minRating}` : sql``,
    f.maxRating < 5 ? sql`and r.rating <= ${f.maxRating}` : sql``,
    f.productId ? sql`and r.product_id = ${f.productId}` : sql``,
    f.customerId ? sql`and r.customer_id = ${f.customerId}` : sql``,
    f.needsAttention ? sql`and r.rating <= ${ATTENTION_MAX_RATING} and r.reply is null` : sql``,
    // The trigram index's own expression (drizzle/0044); LIKE's wildcards in the search match literally.
    f.search ? sql`and lower(r.text || ' ' || coalesce(r.author_name, '') || ' ' || coalesce(r.author_email, '')) like ${likePattern(f.search)}` : sql``,
    f.cursor && f.sort === 'oldest' ? sql`and (r.created_at, r.id) > (${f.cursor.createdAt}::timestamptz, ${f.cursor.id}::uuid)` : sql``,
    f.cursor && f.sort === 'newest' ? sql`and (r.created_at, r.id) < (${f.cursor.createdAt}::timestamptz, ${f.cursor.id}::uuid)` : sql``,
  ];
  const rows = await sql<Row[]>`
    select r.id, r.rating, r.text, r.status, r.source, r.reply, r.replied_at as "repliedAt", u.name as "repliedBy",
      r.reply_emailed_at as "replyEmailedAt", r.product_id as "productId",
      coalesce(p.name, (select i.name from order_items i where i.workspace_id = r.workspace_id and i.order_id = r.order_id
        and i.product_id = r.product_id limit 1), r.product_id) as "productName",
      r.customer_id as "customerId", nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '') as "customerName",
      c.email as "customerEmail", r.author_name as "authorName", r.author_email as "authorEmail", r.order_id as "orderId",
      r.created_at as "createdAt"
    from reviews r
    left join products p on p.workspace_id = r.workspace_id and p.id = r.product_id
    left join customers c on c.workspace_id = r.workspace_id and c.id = r.customer_id
    left join users u on u.workspace_id = r.workspace_id and u.id = r.replied_by
    where ${where.reduce((a, b) => sql`${a} ${b}`)}
    order by ${f.sort === 'oldest' ? sql`r.created_at, r.id` : sql`r.created_at desc, r.id desc`}
    limit ${f.limit + 1}`;
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      ...r, createdAt: iso(r.createdAt), repliedAt: iso(r.repliedAt), replyEmailedAt: iso(r.replyEmailedAt),
      needsAttention: r.rating <= ATTENTION_MAX_RATING && r.reply === null,
      canEmail: Boolean(r.customerEmail ?? r.authorEmail),
    })),
    nextCursor: rows.length > f.limit && last ? { createdAt: iso(last.createdAt), id: last.id } : null,
  };
}

export async function reviewSummary(sql: Queryable, workspaceId: string) {
  const [row] = await sql<{ total: number; new: number; published: number; hidden: number; needsAttention: number; averageRating: number | null }[]>`
    select count(*)::int as total,
      count(*) filter (where status = 'new')::int as new,
      count(*) filter (where status = 'published')::int as published,
      count(*) filter (where status = 'hidden')::int as hidden,
      count(*) filter (where rating <= ${ATTENTION_MAX_RATING} and reply is null)::int as "needsAttention",
      round(avg(rating), 2)::float8 as "averageRating"
    from reviews where workspace_id = ${workspaceId}`;
  return row;
}

// Stores the reviews an import read, in one statement: published (the shop published them
// where they came from), source 'import', no order; the author linked to the customer with
// that email when there is one (so the customer page lists the review and erasure takes it).
// A review imported before (same import key) is skipped, not duplicated. Customers' emails are
// stored as written: the author's matches as written in the CSV or lower-cased (customers_email_idx).
import { pgArray, type Queryable } from '@afterglow/db';
import type { ImportedReview } from './csv-rows';

export async function storeImportedReviews(sql: Queryable, workspaceId: string, reviews: ImportedReview[], now: Date) {
  // The same review twice in one file counts as a duplicate, like one imported before.
  const unique = [...new Map(reviews.map((r) => [r.key, r])).values()];
  if (unique.length === 0) return { imported: 0, duplicates: reviews.length };
  const col = <K extends keyof ImportedReview>(k: K) => pgArray(unique.map((r) => r[k]));
  const inserted = await sql<{ id: string }[]>`
    insert into reviews (workspace_id, customer_id, order_id, product_id, rating, text, status, source,
      author_name, author_email, import_key, created_at, updated_at)
    select ${workspaceId}, c.id, null, x.product_id, x.rating, x.text, 'published', 'import',
      x.author_name, x.author_email, x.key, x.created_at, ${now}
    from unnest(${col('productId')}::text[], ${col('rating')}::smallint[], ${col('text')}::text[],
      ${col('authorName')}::text[], ${col('authorEmail')}::text[],
      ${col('key')}::text[], ${col('date')}::timestamptz[])
      as x(product_id, rating, text, author_name, author_email, key, created_at)
    left join lateral (select id from customers where workspace_id = ${workspaceId} and x.author_email is not null
      and email in (x.author_email, lower(x.author_email)) order by id limit 1) c on true
    on conflict (workspace_id, import_key) where import_key is not null do nothing
    returning id`;
  return { imported: inserted.length, duplicates: reviews.length - inserted.length };
}

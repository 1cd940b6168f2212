// What the storefront endpoint reads, in one statement: whether the workspace and the product
// are known (a product is known once ordered or reviewed), the published reviews' count and
// average, and one page of them, newest first, each signed with the customer's first name and
// last initial. The reviews come through reviews_product_idx (workspace_id, product_id, status),
// the product through order_items_product_idx.
import type { Queryable } from '@afterglow/db';

export interface PublishedReview {
  rating: number; text: string; reply: string | null; createdAt: string;
  reviewId: string; photoRef: string | null;
  /** "Ana K."; null when the customer left no name (or was erased). */
  author: string | null;
}

export interface ProductReviews {
  workspaceKnown: boolean; productKnown: boolean;
  /** The name the product had on its latest order line, for the JSON-LD. */
  productName: string | null;
  count: number;
  /** Average rating to one decimal; null without reviews. */
  average: number | null;
  reviews: PublishedReview[];
}

export async function loadProductReviews(sql: Queryable, workspaceId: string, productId: string, page: { limit: number; offset: number }): Promise<ProductReviews> {
  const [row] = await sql<ProductReviews[]>`
    with published as (
      select r.id, r.customer_id, r.author_name, r.rating, r.text, r.reply, r.photo_ref, r.created_at from reviews r
      where r.workspace_id = ${workspaceId} and r.product_id = ${productId} and r.status = 'published'
    )
    select exists (select 1 from workspaces where id = ${workspaceId}) as "workspaceKnown",
      exists (select 1 from order_items where workspace_id = ${workspaceId} and product_id = ${productId})
        or exists (select 1 from reviews where workspace_id = ${workspaceId} and product_id = ${productId}) as "productKnown",
      (select name from order_items where workspace_id = ${workspaceId} and product_id = ${productId} and customer_id <> ''
        order by order_id desc limit 1) as "productName",
      (select count(*)::int from published) as count,
      (select round(avg(rating), 1)::float8 from published) as average,
      coalesce((select jsonb_agg(jsonb_build_object('rating', p.rating, 'text', p.text, 'reply', p.reply, 'reviewId', p.id,
          'photoRef', p.photo_ref, 'createdAt', p.created_at, 'author', p.author) order by p.created_at desc, p.id desc)
        -- "Ana K.": the customer's first name and last initial; an imported review's author name likewise.
        from (select x.*, coalesce(nullif(concat_ws(' ', nullif(btrim(c.first_name), ''), upper(left(nullif(btrim(c.last_name), ''), 1)) || '.'), ''),
            nullif(concat_ws(' ', split_part(btrim(x.author_name), ' ', 1),
              case when btrim(x.author_name) like '% %' then upper(left(regexp_replace(btrim(x.author_name), '^.* ', ''), 1)) || '.' end), '')) as author
          from published x left join customers c on c.workspace_id = ${workspaceId} and c.id = x.customer_id
          order by x.created_at desc, x.id desc limit ${page.limit} offset ${page.offset}) p), '[]'::jsonb) as reviews`;
  return row;
}

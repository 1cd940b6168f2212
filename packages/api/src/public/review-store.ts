// What the hosted review page reads and writes: the products of one order of one customer (with
// the reviews already given), and the reviews sent from its form. One review per product of an
// order: a resubmission updates it. Every review created or changed becomes a "Review Submitted"
// event, stored by ingestion's own store (so the event picker counts it and journeys start on it)
// in the same transaction. A photo sent with a review is stored with it (review_photos), and
// the review's photo_ref names it; sending none keeps the one before, unless it is removed.
import type { Queryable } from '@afterglow/db';
import type postgres from 'postgres';
import { trackSchema, type ParsedMessage } from '../ingest/schema';
import { storeMessages, type IngestedEvent } from '../ingest/store';
import type { KnownLanguages } from './locale';
import { photoRef, type PhotoUpload } from './review-photo';

export const REVIEW_SUBMITTED = 'Review Submitted';

export interface ReviewItem {
  productId: string; name: string; imageUrl: string | null;
  /** The review already given for it, if any, and its photo's file name (review-photo photoRef). */
  reviewId: string | null; rating: number | null; text: string; photoRef: string | null;
}

export interface ReviewOrder { shopName: string; languages: KnownLanguages; items: ReviewItem[] }

export async function loadReviewOrder(sql: Queryable, workspaceId: string, customerId: string, orderId: string): Promise<ReviewOrder> {
  const [who] = await sql<{ shop: string; customerKnown: boolean; customerLocale: string | null; shopLocale: string | null }[]>`
    select w.name as shop, c.id is not null as "customerKnown", c.locale as "customerLocale", w.settings->'shop'->>'locale' as "shopLocale"
    from workspaces w left join customers c on c.workspace_id = w.id and c.id = ${customerId}
    where w.id = ${workspaceId}`;
  // One entry per product, in the order's line order (a product on two lines is reviewed once).
  const items = await sql<ReviewItem[]>`
    select i.product_id as "productId", i.name, i.image_url as "imageUrl", r.id as "reviewId", r.rating, coalesce(r.text, '') as text,
      case when r.status <> 'hidden' then r.photo_ref end as "photoRef"
    from (select distinct on (product_id) product_id, name, image_url, line from order_items
          where workspace_id = ${workspaceId} and order_id = ${orderId} and customer_id = ${customerId}
          order by product_id, line) i
    left join reviews r on r.workspace_id = ${workspaceId} and r.order_id = ${orderId} and r.product_id = i.product_id
    order by i.line`;
  return {
    shopName: who?.shop ?? '', items,
    languages: { customerKnown: who?.customerKnown ?? false, customerLocale: who?.customerLocale ?? null, shopLocale: who?.shopLocale ?? null },
  };
}

export interface SubmittedReview {
  productId: string; productName: string; rating: number; text: string;
  /** A new photo, 'remove' to take the current one away, or undefined to keep it. */
  photo?: PhotoUpload | 'remove';
}

interface Saved { id: string; productId: string; rating: number; text: string; photoRef: string | null; revision: number }

/**
 * Stores the reviews (a resubmitted product updates its review, back to 'new' for moderation
 * when its words changed) and their events; returns the events, for the journeys.
 */
export async function saveReviews(tx: postgres.TransactionSql, scope: { workspaceId: string; customerId: string; orderId: string },
  reviews: SubmittedReview[], now: Date): Promise<IngestedEvent[]> {
  const { workspaceId, customerId, orderId } = scope;
  const photos = reviews.map((r) => (r.photo === undefined ? 'keep' : r.photo === 'remove' ? 'remove' : photoRef(r.photo)));
  // A photo kept is the one stored (read here, so a change of words or stars carries it along).
  const saved = await tx<Saved[]>`
    insert into reviews as r (workspace_id, customer_id, order_id, product_id, rating, text, photo_ref, created_at, updated_at)
    select ${workspaceId}, ${customerId}, ${orderId}, x.product_id, x.rating, x.text,
      case x.photo when 'remove' then null when 'keep' then (select e.photo_ref from reviews e
        where e.workspace_id = ${workspaceId} and e.order_id = ${orderId} and e.product_id = x.product_id) else x.photo end,
      ${now}, ${now}
    from unnest(${reviews.map((r) => r.productId)}::text[], ${reviews.map((r) => r.rating)}::smallint[], ${reviews.map((r) => r.text)}::text[],
      ${photos}::text[]) as x(product_id, rating, text, photo)
    on conflict (workspace_id, order_id, product_id) do update
      set rating = excluded.rating, text = excluded.text, photo_ref = excluded.photo_ref, updated_at = excluded.updated_at, revision = r.revision + 1,
        status = case when r.text = excluded.text and r.photo_ref is not distinct from excluded.photo_ref then r.status else 'new' end
      where r.rating <> excluded.rating or r.text <> excluded.text or r.photo_ref is distinct from excluded.photo_ref
    returning r.id, r.product_id as "productId", r.rating, r.text, r.photo_ref as "photoRef", r.revision`;
  await savePhotos(tx, workspaceId, saved, reviews, now);
  if (saved.length === 0) return [];
  const names = new Map(reviews.map((r) => [r.productId, r.productName]));
  const messages = saved.map((r): ParsedMessage => ({
    kind: 'track',
    msg: trackSchema.parse({
      // One event per version of a review: a repeated identical submission stores nothing new.
      messageId: `review:${r.id}:${r.revision}`, userId: customerId, event: REVIEW_SUBMITTED, timestamp: now.toISOString(),
      properties: { rating: r.rating, product_id: r.productId, product_name: names.get(r.productId) ?? '', text: r.text, order_id: orderId, review_id: r.id,
        has_photo: r.photoRef !== null },
    }),
  }) as ParsedMessage);
  return storeMessages(tx, workspaceId, messages, now);
}

/** The photos of the reviews just saved: a new one stored (replacing the one before), a removed one deleted. */
async function savePhotos(tx: postgres.TransactionSql, workspaceId: string, saved: Saved[], reviews: SubmittedReview[], now: Date): Promise<void> {
  const uploads = new Map(reviews.flatMap((r) => (r.photo && r.photo !== 'remove' ? [[r.productId, r.photo] as const] : [])));
  const rows = saved.flatMap((r) => {
    const photo = uploads.get(r.productId);
    return photo && r.photoRef === photoRef(photo)
      ? [{ workspace_id: workspaceId, review_id: r.id, bytes: photo.bytes, content_type: photo.contentType, size: photo.bytes.length, sha256: photo.sha256, created_at: now }]
      : [];
  });
  if (rows.length > 0) {
    await tx`insert into review_photos ${tx(rows)} on conflict (workspace_id, review_id) do update
      set bytes = excluded.bytes, content_type = excluded.content_type, size = excluded.size, sha256 = excluded.sha256, created_at = excluded.created_at`;
  }
  const removed = saved.filter((r) => r.photoRef === null).map((r) => r.id);
  if (removed.length > 0) await tx`delete from review_photos where workspace_id = ${workspaceId} and review_id = any(${removed}::uuid[])`;
}

// The photo a customer attached to a review on the hosted review page, stored by the app (no
// object store to run): the bytes, their type as decided from the bytes themselves (JPEG, PNG or
// WebP), size and SHA-256. One per review; a resubmission replaces it, and the review's
// photo_ref names the current one (`<sha256>.<ext>`), so a photo's public URL is
// content-addressed and cacheable for ever. Deleted with its review (erasure deletes both).
import { sql } from 'drizzle-orm';
import { check, customType, foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reviews } from './reviews';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const REVIEW_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ReviewPhotoType = (typeof REVIEW_PHOTO_TYPES)[number];
/** 5 MiB: a phone's photo, not a raw file. */
export const MAX_REVIEW_PHOTO_BYTES = 5 * 1024 * 1024;

export const reviewPhotos = pgTable('review_photos', {
  workspaceId: text('workspace_id').notNull(),
  reviewId: uuid('review_id').notNull(),
  bytes: bytea('bytes').notNull(),
  contentType: text('content_type').$type<ReviewPhotoType>().notNull(),
  size: integer('size').notNull(),
  /** Hex SHA-256 of the bytes: the photo's address in its URL. */
  sha256: text('sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.reviewId] }),
  foreignKey({ columns: [t.workspaceId, t.reviewId], foreignColumns: [reviews.workspaceId, reviews.id] }).onDelete('cascade'),
  check('review_photos_type_ck', sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
  check('review_photos_size_ck', sql`${t.size} between 1 and ${sql.raw(String(MAX_REVIEW_PHOTO_BYTES))} and ${t.size} = octet_length(${t.bytes})`),
]);

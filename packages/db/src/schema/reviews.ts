// Product reviews customers write on the hosted review page (reached from a signed link in a
// review-request email). One review per product of an order: a second submission of the
// same form updates it. Staff moderate them (new -> published or hidden) and may reply. Reviews
// imported from another app's CSV (source 'import') have no order and perhaps no customer: the
// author's name and email stand in, and an import key (product, author, date, text) keeps a
// re-import from duplicating them.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const REVIEW_STATUSES = ['new', 'published', 'hidden'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_SOURCES = ['page', 'import'] as const;
export type ReviewSource = (typeof REVIEW_SOURCES)[number];

export const reviews = pgTable('reviews', {
  workspaceId: text('workspace_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  /** Null only for an imported review whose author is not a known customer. */
  customerId: text('customer_id'),
  /** Null only for an imported review. */
  orderId: text('order_id'),
  productId: text('product_id').notNull(),
  rating: smallint('rating').notNull(),
  text: text('text').notNull().default(''),
  /** Where the app stored the customer's photo; null without one. */
  photoRef: text('photo_ref'),
  status: text('status').$type<ReviewStatus>().notNull().default('new'),
  /** The shop's public answer; null until staff reply. */
  reply: text('reply'),
  /** The user who wrote the reply (users.id), and when. */
  repliedBy: text('replied_by'),
  repliedAt: ts('replied_at'),
  /** When the reply was queued as an email to the customer; null when it was not. */
  replyEmailedAt: ts('reply_emailed_at'),
  source: text('source').$type<ReviewSource>().notNull().default('page'),
  /** An imported review's author, as the CSV named them (a page review's is its customer). */
  authorName: text('author_name'),
  authorEmail: text('author_email'),
  /** sha256 of product, author, date and text: the same row imported twice is one review. */
  importKey: text('import_key'),
  /** 1 when written, one more each time a resubmission changes it: names its Review Submitted event. */
  revision: integer('revision').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('reviews_order_product_uq').on(t.workspaceId, t.orderId, t.productId),
  index('reviews_product_idx').on(t.workspaceId, t.productId, t.status),
  index('reviews_customer_idx').on(t.workspaceId, t.customerId),
  // The Reviews page: newest first (each scanned backwards), by status, and those needing
  // attention (bad, unanswered).
  index('reviews_recent_idx').on(t.workspaceId, t.createdAt, t.id),
  index('reviews_status_recent_idx').on(t.workspaceId, t.status, t.createdAt, t.id),
  index('reviews_attention_idx').on(t.workspaceId, t.createdAt, t.id).where(sql`rating <= 2 and reply is null`),
  uniqueIndex('reviews_import_uq').on(t.workspaceId, t.importKey).where(sql`import_key is not null`),
  check('reviews_rating_ck', sql`${t.rating} between 1 and 5`),
  check('reviews_status_ck', sql`${t.status} in ('new', 'published', 'hidden')`),
  check('reviews_source_ck', sql`${t.source} in ('page', 'import')`),
  // A review from the hosted page always has its order and customer; only an import may lack them.
  check('reviews_origin_ck', sql`${t.source} = 'import' or (${t.orderId} is not null and ${t.customerId} is not null)`),
]);

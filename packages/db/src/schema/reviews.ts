// Product reviews customers write on the hosted review page (reached from a signed link in a
// review-request email). One review per product of an order: a second submission of the
// same form updates it. Staff moderate them (new -> published or hidden) and may reply.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const REVIEW_STATUSES = ['new', 'published', 'hidden'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const reviews = pgTable('reviews', {
  workspaceId: text('workspace_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  customerId: text('customer_id').notNull(),
  orderId: text('order_id').notNull(),
  productId: text('product_id').notNull(),
  rating: smallint('rating').notNull(),
  text: text('text').notNull().default(''),
  /** Where the app stored the customer's photo; null without one. */
  photoRef: text('photo_ref'),
  status: text('status').$type<ReviewStatus>().notNull().default('new'),
  /** The shop's public answer; null until staff reply. */
  reply: text('reply'),
  /** 1 when written, one more each time a resubmission changes it: names its Review Submitted event. */
  revision: integer('revision').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('reviews_order_product_uq').on(t.workspaceId, t.orderId, t.productId),
  index('reviews_product_idx').on(t.workspaceId, t.productId, t.status),
  index('reviews_customer_idx').on(t.workspaceId, t.customerId),
  check('reviews_rating_ck', sql`${t.rating} between 1 and 5`),
  check('reviews_status_ck', sql`${t.status} in ('new', 'published', 'hidden')`),
]);

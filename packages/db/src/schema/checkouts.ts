// Checkouts as ingestion sees them ("Checkout Started", "checkout_updated", and the orders
// completing them), so the engine can tell, set-based, which ones were abandoned: not
// completed, no order after them, and quiet for the workspace's abandonment delay. Each
// becomes one "Checkout Abandoned" event, marked here by abandoned_at.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const checkouts = pgTable('checkouts', {
  workspaceId: text('workspace_id').notNull(),
  /** The checkout's id: Shopify's checkout token, or a Segment event's checkout_id. */
  id: text('id').notNull(),
  customerId: text('customer_id').notNull(),
  /** Source timestamps: the earliest and the latest message about the checkout. */
  startedAt: ts('started_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  /** Completed (Shopify's completed_at), or an order carrying its token arrived. */
  completedAt: ts('completed_at'),
  /** The latest message's properties (products, total, currency, recovery_url): the abandoned event carries them. */
  properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
  /** When its "Checkout Abandoned" event was stored: at most once per checkout. */
  abandonedAt: ts('abandoned_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  // The abandonment job's range scan: open checkouts by last activity.
  index('checkouts_open_idx').on(t.workspaceId, t.updatedAt).where(sql`completed_at is null and abandoned_at is null`),
  index('checkouts_customer_idx').on(t.workspaceId, t.customerId),
]);

// Segment support: per-customer aggregates that keep segment counts fast at millions of
// customers, the materialised membership that "enters / leaves segment" triggers diff
// against, and the queue of customers touched since the last membership check.
// The aggregates and the queue are filled by triggers (drizzle/*_segment_triggers.sql), so
// every writer of orders, items, events, customers and points keeps them current.
import {
  bigint, index, integer, numeric, pgTable, primaryKey, text, timestamp,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Order history per customer; cancelled and refunded orders excluded. */
export const customerOrderStats = pgTable('customer_order_stats', {
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  orderCount: integer('order_count').notNull(),
  /** A sum of orders.total (each up to numeric(12,2)): room for a hundred million orders at the maximum. */
  totalSpent: numeric('total_spent', { precision: 20, scale: 2, mode: 'number' }).notNull(),
  firstOrderAt: ts('first_order_at').notNull(),
  lastOrderAt: ts('last_order_at').notNull(),
  /**
   * The earliest counted order placed after the first (a later instant; orders at the very
   * same instant as the first are one purchase): the dashboard's repeat cohorts. Null while
   * the customer has ordered only once.
   */
  secondOrderAt: ts('second_order_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.customerId] }),
  // The dashboard's cohorts: the customers whose first order fell in the last twelve months.
  index('customer_order_stats_first_idx').on(t.workspaceId, t.firstOrderAt),
]);

/**
 * What a customer bought: one row per (product | brand | category, customer), with the last
 * purchase time. A category "A > B" also has a row for "A", so a parent matches its children.
 * Values are lower-cased (matching is case-insensitive).
 */
export const customerPurchases = pgTable('customer_purchases', {
  workspaceId: text('workspace_id').notNull(),
  kind: text('kind').notNull(),
  value: text('value').notNull(),
  customerId: text('customer_id').notNull(),
  firstAt: ts('first_at').notNull(),
  lastAt: ts('last_at').notNull(),
}, (t) => [
  // Keyed by customer: the triggers' refresh deletes and re-inserts one customer's rows.
  primaryKey({ columns: [t.workspaceId, t.customerId, t.kind, t.value] }),
  // Segment conditions read only this index (index-only scans: the customer id is in it).
  index('customer_purchases_value_idx').on(t.workspaceId, t.kind, t.value, t.lastAt, t.customerId),
]);

/** Who is in which saved segment, as of the last check. */
export const segmentMemberships = pgTable('segment_memberships', {
  workspaceId: text('workspace_id').notNull(),
  segmentId: text('segment_id').notNull(),
  customerId: text('customer_id').notNull(),
  enteredAt: ts('entered_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.segmentId, t.customerId] }),
  index('segment_memberships_customer_idx').on(t.workspaceId, t.customerId),
]);

/** Per segment: which rule the membership was computed for, and when it was fully re-checked. */
export const segmentRefreshState = pgTable('segment_refresh_state', {
  workspaceId: text('workspace_id').notNull(),
  segmentId: text('segment_id').notNull(),
  ruleHash: text('rule_hash').notNull(),
  fullAt: ts('full_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.segmentId] })]);

/**
 * Customers whose data changed since the last membership check (filled by triggers). No
 * unique key on purpose: a writer marking a customer never waits for a membership check that
 * holds the same customer's mark (duplicates are merged when the check reads them).
 */
export const segmentDirtyCustomers = pgTable('segment_dirty_customers', {
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
});

/**
 * Customers whose orders or order lines the current transaction wrote, keyed by transaction:
 * their aggregates are rebuilt once, at commit, however many statements wrote them
 * (drizzle/*_aggregates_at_commit*.sql). Rows live only inside their transaction.
 */
export const orderAggregatesPending = pgTable('order_aggregates_pending', {
  xid: bigint('xid', { mode: 'number' }).notNull(),
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
}, (t) => [primaryKey({ columns: [t.xid, t.workspaceId, t.customerId] })]);

/** One row per transaction with pending aggregates: its deferred trigger runs the rebuild at commit. */
export const orderAggregatesFlush = pgTable('order_aggregates_flush', {
  xid: bigint('xid', { mode: 'number' }).primaryKey(),
});

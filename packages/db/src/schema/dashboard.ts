// The workspace dashboard's rollup: the shop's email health, coupon economics and loyalty points
// per UTC day, kept by triggers on the tables that record them (hand-written in the migration),
// so the dashboard reads a few rows per day however many emails, coupons and ledger entries the
// shop has. Attributed revenue per journey comes from journey_daily (attribution.ts).
import { date, integer, numeric, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

/**
 * Metrics: 'emails_sent' (customer emails accepted by the SMTP server, staff alerts excluded),
 * 'bounced', 'unsubscribed', 'complained' (each email once, at its first such event),
 * 'coupons_issued', 'coupons_redeemed', 'discount_given', 'coupon_revenue' (the totals of the
 * orders that redeemed a coupon), 'points_issued', 'points_redeemed', 'points_net' (every ledger
 * entry: summed over all days, the points outstanding).
 */
export const workspaceDaily = pgTable('workspace_daily', {
  workspaceId: text('workspace_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  metric: text('metric').notNull(),
  n: numeric('n', { precision: 16, scale: 2, mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.metric] })]);

/**
 * Repeat purchase by first-order cohort, the rollup of customer_order_stats the dashboard reads:
 * how many customers first ordered in each UTC month (`month`, its first day) and came back
 * within `repeatWithin` months (1..12: the fewest whole months after the first order by which
 * their second order was placed; 0: no second order within 12 months, or none yet). Kept by
 * triggers on customer_order_stats (hand-written in the migration), so every writer of it keeps
 * this too; a cohort is at most 13 rows, however many customers the shop has.
 */
export const repeatCohortCounts = pgTable('repeat_cohort_counts', {
  workspaceId: text('workspace_id').notNull(),
  month: date('month', { mode: 'string' }).notNull(),
  repeatWithin: smallint('repeat_within').notNull(),
  customers: integer('customers').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.month, t.repeatWithin] })]);

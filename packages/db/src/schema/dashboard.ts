// The workspace dashboard's rollup: the shop's email health, coupon economics and loyalty points
// per UTC day, kept by triggers on the tables that record them (hand-written in the migration),
// so the dashboard reads a few rows per day however many emails, coupons and ledger entries the
// shop has. Attributed revenue per journey comes from journey_daily (attribution.ts).
import { date, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

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

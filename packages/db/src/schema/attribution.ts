// Attribution and the journey report's rollups. An order is attributed once in the workspace
// (order_attributions' key): to the journey that issued the coupon it used, else to the journey
// and step of the customer's latest marketing email touched (sent, opened or clicked) within that
// journey's window. The report reads only the rollups below, kept by the transactions that make
// things happen (ingestion, the engine's batches, the outbox, email events), never runs or steps.
import { bigint, date, index, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

export const orderAttributions = pgTable('order_attributions', {
  workspaceId: text('workspace_id').notNull(),
  orderId: text('order_id').notNull(),
  customerId: text('customer_id').notNull(),
  journeyId: text('journey_id').notNull(),
  versionId: text('version_id').notNull(),
  /** The step credited: the one that sent the email touched, or issued the coupon. */
  nodeId: text('node_id').notNull(),
  runId: uuid('run_id'),
  /** 'coupon' | 'last_touch' */
  rule: text('rule').notNull(),
  outboxId: uuid('outbox_id'),
  couponCode: text('coupon_code'),
  /** The order's total when it was placed. */
  revenue: money('revenue').notNull(),
  currency: text('currency').notNull(),
  placedAt: ts('placed_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.orderId] }),
  index('order_attributions_journey_idx').on(t.journeyId, t.placedAt),
]);

/**
 * A journey's figures per UTC day, version and step: 'entries' (node ''), 'sent', 'opened',
 * 'clicked', 'unsubscribed' (each email once, at its first event by a person), 'conversions'
 * and 'revenue' (attributed orders). Kept by triggers (hand-written in the migration).
 */
export const journeyDaily = pgTable('journey_daily', {
  journeyId: text('journey_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  versionId: text('version_id').notNull(),
  nodeId: text('node_id').notNull(),
  metric: text('metric').notNull(),
  n: money('n').notNull(),
}, (t) => [primaryKey({ columns: [t.journeyId, t.day, t.versionId, t.nodeId, t.metric] })]);

/**
 * A run's place in an experiment: 'holdout:<node>:in' / 'holdout:<node>:out' (a Holdout step
 * kept it treated or held it out), 'arm:<node>:<branch>' (an A/B split sent it down that arm).
 * Its orders from `since` to `until` (the journey's lift window) are counted whatever the
 * attribution says: held-out customers get no email to be attributed to.
 */
export const runGroups = pgTable('run_groups', {
  runId: uuid('run_id').notNull(),
  grp: text('grp').notNull(),
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  journeyId: text('journey_id').notNull(),
  versionId: text('version_id').notNull(),
  since: ts('since').notNull(),
  until: ts('until').notNull(),
  orders: bigint('orders', { mode: 'number' }).notNull().default(0),
  revenue: money('revenue').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.runId, t.grp] }),
  index('run_groups_customer_idx').on(t.workspaceId, t.customerId, t.since),
]);

/** Orders already counted for the experiments (each once, whichever request brings it again). */
export const liftOrders = pgTable('lift_orders', {
  workspaceId: text('workspace_id').notNull(),
  orderId: text('order_id').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.orderId] })]);

/** Per group: customers, those who ordered, revenue and its sum of squares (for the variance). */
export const journeyGroupTotals = pgTable('journey_group_totals', {
  journeyId: text('journey_id').notNull(),
  versionId: text('version_id').notNull(),
  grp: text('grp').notNull(),
  runs: bigint('runs', { mode: 'number' }).notNull().default(0),
  converted: bigint('converted', { mode: 'number' }).notNull().default(0),
  revenue: money('revenue').notNull().default(0),
  revenueSq: numeric('revenue_sq', { mode: 'number' }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.journeyId, t.versionId, t.grp] })]);


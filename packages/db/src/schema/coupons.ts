// Unique coupon codes issued by journeys ("Issue coupon" steps) and their redemption by an
// order. Keyed by (workspace_id, ...) like every hot table; the effect key makes issuing
// effectively-once: one coupon per (run, node) however often a batch is retried.
import { sql } from 'drizzle-orm';
import { index, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const coupons = pgTable('coupons', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  /** Upper case, as issued; orders name it in any case. */
  code: text('code').notNull(),
  customerId: text('customer_id').notNull(),
  journeyId: text('journey_id'),
  versionId: text('version_id'),
  runId: uuid('run_id'),
  nodeId: text('node_id'),
  effectKey: text('effect_key'),
  /** 'percent' | 'fixed' | 'free_shipping' */
  kind: text('kind').notNull(),
  /** Percent off, or the amount off in the shop's currency; 0 for free shipping. */
  value: numeric('value', { precision: 12, scale: 2, mode: 'number' }).notNull(),
  minOrderTotal: numeric('min_order_total', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
  description: text('description').notNull().default(''),
  expiresAt: ts('expires_at'),
  createdAt: ts('created_at').notNull(),
  redeemedAt: ts('redeemed_at'),
  redeemedOrderId: text('redeemed_order_id'),
}, (t) => [
  uniqueIndex('coupons_code_uq').on(t.workspaceId, t.code),
  uniqueIndex('coupons_effect_uq').on(t.workspaceId, t.effectKey).where(sql`effect_key is not null`),
  index('coupons_customer_idx').on(t.workspaceId, t.customerId),
  // A new order finds the coupons it redeemed (the dashboard's discount given, migration 0053).
  index('coupons_redeemed_order_idx').on(t.workspaceId, t.redeemedOrderId).where(sql`redeemed_order_id is not null`),
]);

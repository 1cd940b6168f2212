// Shop data: who the customers are and what they bought. Every hot table is keyed by
// (workspace_id, customer_id) so the schema distributes (Citus) without a rewrite.
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text,
  timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  // Signs unsubscribe and tracking links; generated per workspace, stored sealed (secrets/box.ts).
  signingSecret: text('signing_secret').notNull(),
  /** Sending rules across journeys: frequency cap, quiet hours (workspaceSettingsSchema). */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  /** Publishing by a marketer becomes a request a manager, admin or owner approves. */
  publishApproval: boolean('publish_approval').notNull().default(false),
  /** Audit log entries older than this are deleted by the daily clean-up. */
  auditRetentionDays: integer('audit_retention_days').notNull().default(365),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const ingestKeys = pgTable('ingest_keys', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  // Only a prefix is kept readable; the key itself is stored as a SHA-256 hash.
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  label: text('label').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
}, (t) => [uniqueIndex('ingest_keys_hash_uq').on(t.keyHash)]);

export const customers = pgTable('customers', {
  workspaceId: text('workspace_id').notNull(),
  id: text('id').notNull(),
  email: text('email'),
  firstName: text('first_name'),
  lastName: text('last_name'),
  birthday: date('birthday', { mode: 'string' }),
  timezone: text('timezone').notNull().default('UTC'),
  /**
   * The customer's language as the shop sent it, a canonical BCP 47 tag ('sr-Latn-RS', 'sl', 'ru');
   * null when unknown (emails and pages then use the workspace's default language).
   */
  locale: text('locale'),
  marketingConsent: boolean('marketing_consent').notNull().default(true),
  attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
  /**
   * Labels a journey (Update profile), the shop (Shopify's customer tags) or identify (`traits.tags`)
   * puts on the customer, each trimmed, at most once: segments ask "has tag" through the GIN index.
   */
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  // The source's (e.g. Shopify's) updated_at of the profile last applied: older updates lose.
  sourceUpdatedAt: ts('source_updated_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('customers_email_idx').on(t.workspaceId, t.email),
  index('customers_tags_idx').using('gin', t.tags),
]);

export const products = pgTable('products', {
  workspaceId: text('workspace_id').notNull(),
  id: text('id').notNull(),
  sku: text('sku'),
  name: text('name').notNull(),
  category: text('category'),
  brand: text('brand'),
  price: numeric('price', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
  imageUrl: text('image_url'),
  url: text('url'),
  /**
   * How long one purchase lasts (cosmetics 8-12 weeks: 56 and 84), as a range because shops
   * know it as one; a replenishment prediction uses its middle. Both null: not known.
   */
  buyingCycleMinDays: integer('buying_cycle_min_days'),
  buyingCycleMaxDays: integer('buying_cycle_max_days'),
  // Last-writer-wins: the source timestamp of the data last applied to this row.
  sourceUpdatedAt: ts('source_updated_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  check('products_buying_cycle_ck', sql`(${t.buyingCycleMinDays} is null) = (${t.buyingCycleMaxDays} is null)
    and ${t.buyingCycleMinDays} between 1 and ${t.buyingCycleMaxDays}`),
]);

/**
 * A category's buying cycle, for its products without one of their own; "Cosmetics" also
 * covers "Cosmetics > Skin" unless that has its own row (the most specific one wins).
 * Matched ignoring case, as purchases are.
 */
export const categoryBuyingCycles = pgTable('category_buying_cycles', {
  workspaceId: text('workspace_id').notNull(),
  category: text('category').notNull(),
  minDays: integer('min_days').notNull(),
  maxDays: integer('max_days').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.category] }),
  check('category_buying_cycles_days_ck', sql`${t.minDays} between 1 and ${t.maxDays}`),
]);

export const orders = pgTable('orders', {
  workspaceId: text('workspace_id').notNull(),
  id: text('id').notNull(),
  /** '' for an erased customer's order (ERASED_CUSTOMER_ID): kept for revenue, in no one's aggregates. */
  customerId: text('customer_id').notNull(),
  status: text('status').notNull().default('placed'),
  currency: text('currency').notNull().default('EUR'),
  total: numeric('total', { precision: 12, scale: 2, mode: 'number' }).notNull(),
  placedAt: ts('placed_at').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  // Last-writer-wins by source timestamp: of the status, and of the content (total, items).
  sourceUpdatedAt: ts('source_updated_at'),
  contentUpdatedAt: ts('content_updated_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('orders_customer_idx').on(t.workspaceId, t.customerId, t.placedAt),
  // A rolling spend window finds the orders that just left it by time (loyalty:status).
  index('orders_placed_idx').on(t.workspaceId, t.placedAt),
]);

export const orderItems = pgTable('order_items', {
  workspaceId: text('workspace_id').notNull(),
  orderId: text('order_id').notNull(),
  line: integer('line').notNull(),
  customerId: text('customer_id').notNull(),
  productId: text('product_id').notNull(),
  name: text('name').notNull(),
  category: text('category'),
  brand: text('brand'),
  price: numeric('price', { precision: 12, scale: 2, mode: 'number' }).notNull(),
  quantity: integer('quantity').notNull().default(1),
  sku: text('sku'),
  imageUrl: text('image_url'),
  productUrl: text('product_url'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.orderId, t.line] }),
  index('order_items_customer_idx').on(t.workspaceId, t.customerId),
]);

/** Every ingested message, stored once per messageId (the idempotency key). */
export const events = pgTable('events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  messageId: text('message_id').notNull(),
  type: text('type').notNull(),
  customerId: text('customer_id'),
  anonymousId: text('anonymous_id'),
  name: text('name'),
  properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
  timestamp: ts('timestamp').notNull(),
  receivedAt: ts('received_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('events_message_uq').on(t.workspaceId, t.messageId),
  index('events_customer_idx').on(t.workspaceId, t.customerId, t.timestamp),
  // Anonymous events waiting for identify/alias to name their customer.
  index('events_anonymous_idx').on(t.workspaceId, t.anonymousId).where(sql`customer_id is null`),
  // Referrals completed in a period (the Loyalty page), without reading the workspace's other events.
  index('events_referral_completed_idx').on(t.workspaceId, t.timestamp).where(sql`name = 'Referral Completed'`),
]);

export const segments = pgTable('segments', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  rule: jsonb('rule').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const loyaltyLedger = pgTable('loyalty_ledger', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  points: integer('points').notNull(),
  reason: text('reason').notNull(),
  /**
   * Where the points came from or went: 'grant' (a journey's Grant points step), 'order',
   * 'refund' (an order's points taken back), 'review', 'referral', 'birthday', 'signup',
   * 'redeem' (a reward bought), 'expire', 'adjust' (by staff).
   */
  kind: text('kind').notNull().default('grant'),
  /** The order an 'order' or 'refund' entry is for. */
  orderId: text('order_id'),
  /** The reward a 'redeem' entry bought, and the coupon it issued. */
  rewardId: text('reward_id'),
  couponId: uuid('coupon_id'),
  // The effect key: one grant per (run, node) however often a step is retried.
  effectKey: text('effect_key'),
  runId: uuid('run_id'),
  nodeId: text('node_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('loyalty_effect_uq').on(t.workspaceId, t.effectKey).where(sql`effect_key is not null`),
  // Balances and lifetime points of a workspace's members read from the index alone (the Loyalty page).
  index('loyalty_customer_idx').on(t.workspaceId, t.customerId, t.kind, t.points),
  // Points that moved in a period, from the index alone (the Loyalty page's series); a rolling tier
  // window finds the entries that just left it by time (loyalty:status).
  index('loyalty_ledger_time_idx').on(t.workspaceId, t.createdAt, t.kind, t.points),
]);

/**
 * A loyalty member's state that the ledger alone cannot tell: the tier and the milestone last
 * announced (so Loyalty Tier Changed and Points Milestone Reached fire once per change), and the
 * clock of expiry (points expire after months without activity; one reminder per quiet spell).
 */
export const loyaltyMembers = pgTable('loyalty_members', {
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  /** The tier (its settings id) last announced; null until first computed. */
  tierId: text('tier_id'),
  tierChangedAt: ts('tier_changed_at'),
  /** The highest points milestone already announced; 0 for none. */
  milestone: integer('milestone').notNull().default(0),
  /** The last earning or redemption: expiry counts from here. */
  lastActivityAt: ts('last_activity_at'),
  /** When the Points Expiring reminder for the current quiet spell went out. */
  expiryRemindedAt: ts('expiry_reminded_at'),
  /**
   * When the points the reminder announced expire: set by the reminder, cleared by the expiry or
   * by new activity. Both expiry columns are kept by a trigger on loyalty_ledger (see 0044).
   */
  expiresAt: ts('expires_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.customerId] }),
  // What the expiry job looks for: quiet members not yet reminded, and announced expiries.
  index('loyalty_members_unreminded_idx').on(t.workspaceId, t.lastActivityAt).where(sql`expiry_reminded_at is null`),
  index('loyalty_members_expires_idx').on(t.workspaceId, t.expiresAt).where(sql`expires_at is not null`),
]);

/**
 * Customers whose points or orders changed since loyalty:status last computed their tier (filled
 * by triggers on loyalty_ledger and orders). No unique key, like segment_dirty_customers: a
 * writer never waits on a check holding the same customer's mark.
 */
export const loyaltyDirtyCustomers = pgTable('loyalty_dirty_customers', {
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
}, (t) => [index('loyalty_dirty_workspace_idx').on(t.workspaceId)]);

/**
 * Per workspace, what loyalty:status last did: the moment its window was last swept (entries
 * between the previous window start and this one's are the ones that may demote) and the hash of
 * the tiers and milestones it computed with (a change recomputes everyone).
 */
export const loyaltyStatusState = pgTable('loyalty_status_state', {
  workspaceId: text('workspace_id').primaryKey(),
  sweptAt: ts('swept_at'),
  settingsHash: text('settings_hash'),
});

// Compliance and tracking: who agreed to marketing email and when (consent ledger), which
// addresses must never be mailed again (suppressions), the links each sent email carried
// (so a click can only ever redirect to one of them) and what recipients did (email_events).
// Keyed by workspace and customer or outbox row, never by cross-customer foreign keys.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Every opt-in and opt-out, append-only; customers.marketing_consent holds the current state. */
export const consentLedger = pgTable('consent_ledger', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  /** 'opt_in' | 'opt_out' */
  action: text('action').notNull(),
  /** null: all marketing email; otherwise one topic of the preference page. */
  topic: text('topic'),
  /** 'one_click' | 'unsubscribe_page' | 'preferences' | 'import' | ... */
  source: text('source').notNull(),
  /** The email whose link was used, when there was one. */
  outboxId: uuid('outbox_id'),
  at: ts('at').notNull(),
}, (t) => [index('consent_ledger_customer_idx').on(t.workspaceId, t.customerId, t.at)]);

/** Topics a customer turned off on the preference page (marketing on/off is the customer's consent). */
export const customerPreferences = pgTable('customer_preferences', {
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  /** topic id -> subscribed */
  topics: jsonb('topics').$type<Record<string, boolean>>().notNull().default({}),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.customerId] })]);

export interface SuppressionFacts { reason?: string; count?: number; days?: number; reasons?: Record<string, number> }

/**
 * The bounce or complaint report that caused a suppression (the last one, for soft bounces):
 * where it came from (`webhook`, `listener`, or a relay: `ses`, `sendgrid`, `postmark`,
 * `mailgun`), how it was tied to its email (`message_id`, `verp`, `recipient`), what it said, and
 * the email_events row it left (eventId; null when the email had already bounced). The email it
 * answered is the suppression's outbox_id.
 */
export interface SuppressionReport {
  source: string;
  matchedBy: string;
  type: 'bounce' | 'complaint';
  hard: boolean;
  reason: string;
  status: string | null;
  diagnostic: string;
  /** When it was received (ISO). */
  at: string;
  eventId: string | null;
}

/** Addresses never to mail again in a workspace (lower-cased). */
export const emailSuppressions = pgTable('email_suppressions', {
  workspaceId: text('workspace_id').notNull(),
  address: text('address').notNull(),
  /** 'hard_bounce' | 'soft_bounce' | 'complaint' | 'manual' */
  reason: text('reason').notNull(),
  detail: text('detail').notNull().default(''),
  /**
   * Why, for people to read in their language: the bounce reason code (`user_unknown`) and, for
   * soft bounces, how many in how many days by reason ({ count: 3, days: 9, reasons: { mailbox_full: 3 } }).
   */
  facts: jsonb('facts').$type<SuppressionFacts>(),
  /** From which report; null for a refusal at send time or a suppression made by hand. */
  report: jsonb('report').$type<SuppressionReport>(),
  outboxId: uuid('outbox_id'),
  createdAt: ts('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.address] })]);

/**
 * The addresses of erased customers, kept only as SHA-256 of the normalised address
 * (afterglow_address_hash: trimmed, lower-cased): the address itself is gone, yet a customer
 * created again with it is still never sent marketing email. Checked wherever
 * email_suppressions is (email/src/compliance); reason 'hard_bounce' (the address had
 * bounced before erasure) stops transactional email too, as it did before.
 */
export const hashedSuppressions = pgTable('hashed_suppressions', {
  workspaceId: text('workspace_id').notNull(),
  addressHash: text('address_hash').notNull(),
  /** 'erased' | 'hard_bounce' */
  reason: text('reason').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.addressHash] })]);

/** The links of an outbox row as rendered; a click token names (outbox row, index) of one. */
export const emailLinks = pgTable('email_links', {
  workspaceId: text('workspace_id').notNull(),
  outboxId: uuid('outbox_id').notNull(),
  idx: integer('idx').notNull(),
  url: text('url').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.outboxId, t.idx] })]);

/**
 * Opens, clicks, bounces, unsubscribes and complaints of sent emails (every hit kept), with the
 * email's version and node; the canvas counts each email's first of each type on its node
 * (journey_node_counts, through recordEmailEvents in @afterglow/email).
 */
export const emailEvents = pgTable('email_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  outboxId: uuid('outbox_id').notNull(),
  customerId: text('customer_id').notNull(),
  versionId: text('version_id'),
  nodeId: text('node_id'),
  /** 'open' | 'click' | 'bounce' | 'unsubscribe' | 'complaint' */
  type: text('type').notNull(),
  linkIdx: integer('link_idx'),
  /** Machine opens and clicks (scanners, prefetch, Apple Mail Privacy Protection): counted apart, shown when the workspace says so. */
  bot: boolean('bot').notNull().default(false),
  botReason: text('bot_reason'),
  /** A bounce's reason code (`mailbox_full`, `user_unknown`); soft bounces are counted by it. */
  reason: text('reason'),
  /** A soft bounce still counted towards the soft-bounce limit (lifting its suppression clears it). */
  soft: boolean('soft').notNull().default(false),
  userAgent: text('user_agent'),
  at: ts('at').notNull(),
}, (t) => [
  index('email_events_outbox_idx').on(t.workspaceId, t.outboxId),
]);

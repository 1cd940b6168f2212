// People who use Afterglow, their sessions, sign-in throttling, and the email outbox.
import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  email: text('email').notNull(),
  name: text('name').notNull().default(''),
  /** A PHC string with its parameters ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"), or a legacy scrypt "salt:hash" (hex), rehashed at the next sign-in. */
  passwordHash: text('password_hash').notNull(),
  /** owner, admin, marketer, manager, developer or viewer (packages/api/src/auth/roles.ts). */
  role: text('role').notNull().default('marketer'),
  /** The language the app speaks to this user (a locale of @afterglow/i18n, e.g. 'sr-Latn'); null until they pick one: the browser's language. */
  locale: text('locale'),
  /** Opted in to the weekly digest (owners, admins and managers): Monday 08:00 in the shop's time zone. */
  weeklyDigest: boolean('weekly_digest').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
  check('users_role_ck', sql`${t.role} in ('owner', 'admin', 'marketer', 'manager', 'developer', 'viewer')`),
]);

export const sessions = pgTable('sessions', {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  /** The absolute limit (14 days after sign-in). */
  expiresAt: ts('expires_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** For the idle timeout; moved forward at most once a minute, so most requests only read. */
  lastUsedAt: ts('last_used_at').notNull().defaultNow(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/**
 * Failed sign-ins per account ('account:<lower email>') and per client address
 * ('address:<ip or IPv6 /64>'), shared by every web process. A key is blocked for a delay
 * that doubles with each failure past a free allowance; a quiet hour forgets it.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: ts('last_failure_at').notNull(),
}, (t) => [index('sign_in_throttle_last_failure_idx').on(t.lastFailureAt)]);

/**
 * Emails to deliver. A step writes a row (keyed by its effect key) in the same
 * transaction as the run's new state, naming what to send (content_hash) but not rendering
 * it: the dispatcher renders at send time, fills subject/html_deflated/text/headers in, and
 * delivers each row once, reusing message_id on retry. Rows written ready-made (test sends) carry html.
 */
export const emailOutbox = pgTable('email_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  effectKey: text('effect_key').notNull(),
  customerId: text('customer_id').notNull(),
  runId: uuid('run_id'),
  journeyId: text('journey_id'),
  versionId: text('version_id'),
  nodeId: text('node_id'),
  /** 'marketing', 'transactional', or 'alert' (a staff alert: written ready-made, sent to the team about the customer). */
  kind: text('kind').notNull().default('marketing'),
  toAddress: text('to_address').notNull(),
  fromAddress: text('from_address').notNull(),
  /** Null until rendered (at send time) for rows queued by a journey step. */
  subject: text('subject'),
  /** Ready-made rows' HTML, as their writer gave it. */
  html: text('html'),
  /**
   * The HTML the dispatcher rendered, raw deflate (zlib level 1) made by the worker
   * (packages/email/src/stored-html.ts). Stored EXTERNAL (migration 0062): PostgreSQL neither
   * compresses it again nor tries to; pglz on a 19 kB email cost the database more CPU than
   * the rest of its delivery.
   */
  htmlDeflated: bytea('html_deflated'),
  text: text('text'),
  /** The email_contents row the dispatcher renders; null for ready-made rows. */
  contentHash: text('content_hash'),
  messageId: text('message_id').notNull(),
  /** The locale the email went out in (which variant of its template, in which script); null before rendering. */
  locale: text('locale'),
  /** Extra headers sent as given (List-Unsubscribe, X-Afterglow-Kind). */
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  /** 'pending' | 'sending' | 'sent' | 'failed' | 'suppressed' */
  status: text('status').notNull().default('pending'),
  /**
   * Set while a dispatcher is sending the row: the key of the session advisory lock it holds
   * for as long as it sends. A row whose key's lock is free belongs to a dispatcher that died
   * and goes back to the queue (packages/email/src/outbox-ownership.ts).
   */
  claimedBy: integer('claimed_by'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull(),
  lastError: text('last_error'),
  sentAt: ts('sent_at'),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('email_outbox_effect_uq').on(t.workspaceId, t.effectKey),
  // The dispatcher claims each workspace's due rows in order (and finds the workspaces
  // with pending rows by skipping through this index), within the workspace's send rate.
  index('email_outbox_ws_due_idx').on(t.workspaceId, t.nextAttemptAt).where(sql`status = 'pending'`),
  // What the send rate counts: emails sent in the last minute (null until sent: no entry at insert).
  index('email_outbox_ws_sent_idx').on(t.workspaceId, t.sentAt).where(sql`sent_at is not null`),
  // What the canvas shows as queued per email step: only the rows still to send are in it.
  index('email_outbox_queued_idx').on(t.versionId, t.nodeId).where(sql`status = 'pending'`),
  // Rows being sent: a handful per running dispatcher, looked through for those of dead ones.
  index('email_outbox_claimed_idx').on(t.claimedBy).where(sql`claimed_by is not null`),
  // A journey's staff alerts of the last hour, counted against its hourly limit (few rows: alerts only).
  index('email_outbox_alerts_idx').on(t.journeyId, t.createdAt).where(sql`kind = 'alert'`),
  // A customer's journey emails by send time: the last touch before an order (attribution).
  index('email_outbox_touch_idx').on(t.workspaceId, t.customerId, t.sentAt).where(sql`journey_id is not null and sent_at is not null`),
  // The emails sent to an address, latest first: a bounce that names only its recipient is tied
  // to the latest (api/bounces/match.ts), and soft bounces are counted per address.
  index('email_outbox_recipient_idx').on(t.workspaceId, sql`lower(${t.toAddress})`, t.sentAt).where(sql`sent_at is not null`),
]);

/** What the development SMTP sink received: shown on the Outbox page. */
export const devMailbox = pgTable('dev_mailbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  messageId: text('message_id'),
  fromAddress: text('from_address').notNull(),
  toAddresses: jsonb('to_addresses').$type<string[]>().notNull(),
  subject: text('subject').notNull().default(''),
  html: text('html'),
  text: text('text'),
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  raw: text('raw').notNull(),
  receivedAt: ts('received_at').notNull().defaultNow(),
}, (t) => [
  index('dev_mailbox_received_idx').on(t.receivedAt),
  // Erasing a customer deletes the copies the sink kept of their emails, found by Message-ID.
  index('dev_mailbox_message_idx').on(t.messageId),
]);

/**
 * What a send step asked for (subject, MJML body, template reference, kind, topic), stored
 * once per distinct request and named by its SHA-256: a million queued emails of one node
 * share one row instead of carrying a million copies of the body.
 */
export const emailContents = pgTable('email_contents', {
  workspaceId: text('workspace_id').notNull(),
  hash: text('hash').notNull(),
  request: jsonb('request').$type<Record<string, unknown>>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.hash] })]);

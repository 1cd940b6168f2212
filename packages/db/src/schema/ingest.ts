// Ingestion bookkeeping: identities learned from identify/alias, webhook redelivery
// guards, and the Shopify shops that may post webhooks to a workspace.
import { bigint, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Another id a customer was known by: an `anonymousId` seen on identify, or the
 * `previousId` of an alias. Later messages carrying only that id land on the customer.
 */
export const customerAliases = pgTable('customer_aliases', {
  workspaceId: text('workspace_id').notNull(),
  aliasId: text('alias_id').notNull(),
  customerId: text('customer_id').notNull(),
  /** 'anonymous' | 'alias' */
  kind: text('kind').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.aliasId] })]);

/** One row per webhook delivery id handled: a redelivery finds its row and changes nothing. */
export const webhookReceipts = pgTable('webhook_receipts', {
  workspaceId: text('workspace_id').notNull(),
  source: text('source').notNull(),
  webhookId: text('webhook_id').notNull(),
  topic: text('topic').notNull(),
  receivedAt: ts('received_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.webhookId] })]);

/**
 * A Shopify shop posting webhooks to a workspace. The secret verifies
 * X-Shopify-Hmac-Sha256, so it is kept sealed (a hash could not verify a signature).
 * A null shop domain accepts any shop that signs with the secret.
 */
export const shopifyConnections = pgTable('shopify_connections', {
  workspaceId: text('workspace_id').primaryKey(),
  shopDomain: text('shop_domain'),
  webhookSecret: text('webhook_secret').notNull(),
  createdAt: ts('created_at').notNull(),
});

/** What the event picker says about one property key of an event: its JSON type and a recent value. */
export interface EventPropertySummary {
  /** 'string' | 'number' | 'boolean' | 'object' | 'array' | 'date' (an ISO date or date-time string) */
  type: string;
  /** A value seen lately: scalars as sent (strings cut to 80 characters), none for objects, arrays and text with an @. */
  sample?: string | number | boolean;
}

/**
 * What a workspace has received per track event name, in up to EVENT_NAME_SHARDS rows: how
 * many, when last, and the property keys seen with their types. Kept by ingestion with one
 * upsert per request (not per event), so the event picker reads a few hundred rows instead of
 * scanning millions of events; requests side by side mostly write different shards, so they do
 * not queue on one row per name. Readers add the shards up.
 */
export const eventNames = pgTable('event_names', {
  workspaceId: text('workspace_id').notNull(),
  /** As the shop sends it ("Order Completed"); names differing only in case or separators are separate rows. */
  name: text('name').notNull(),
  shard: smallint('shard').notNull(),
  count: bigint('count', { mode: 'number' }).notNull(),
  firstSeenAt: ts('first_seen_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  /** Property key (one level inside objects too: shipping.country) → its summary; at most 50 keys, the first ones seen. */
  properties: jsonb('properties').$type<Record<string, EventPropertySummary>>().notNull().default({}),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.name, t.shard] })]);

/**
 * The email relays whose own bounce and complaint webhooks a workspace accepts
 * (/webhooks/bounces/<provider>), with what authenticates each. The Postmark password and the
 * Mailgun signing key verify requests, so they are kept sealed; the SNS topics (SES) and
 * SendGrid's verification key are public values. A null column means that relay is not set up.
 */
export const bounceRelays = pgTable('bounce_relays', {
  workspaceId: text('workspace_id').primaryKey(),
  /** The SNS topic ARNs SES publishes this workspace's bounces and complaints to. */
  sesTopicArns: text('ses_topic_arns').array(),
  /** SendGrid's Signed Event Webhook verification key: base64 DER of an ECDSA P-256 public key. */
  sendgridPublicKey: text('sendgrid_public_key'),
  /** The password in Postmark's webhook URL (HTTP Basic), sealed. */
  postmarkPassword: text('postmark_password'),
  /** Mailgun's HTTP webhook signing key, sealed. */
  mailgunSigningKey: text('mailgun_signing_key'),
  updatedAt: ts('updated_at').notNull(),
});

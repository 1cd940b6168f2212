// Effects that node types queue with services (ctx.enqueue: a plugin's SMS gateway, ...),
// written in the step's transaction and delivered after it by the service dispatcher, with
// retries, backoff and a final state. The effect key (run, node, service, key) is unique: a
// retried batch queues nothing twice, and it is the idempotency key the service passes on.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const serviceEffects = pgTable('service_effects', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  /** The service's id, e.g. 'sms/gateway'. */
  serviceId: text('service_id').notNull(),
  effectKey: text('effect_key').notNull(),
  runId: uuid('run_id'),
  journeyId: text('journey_id'),
  versionId: text('version_id'),
  nodeId: text('node_id'),
  customerId: text('customer_id').notNull(),
  /** As parsed by the service's payload schema; fields marked `widget: 'secret'` sealed. */
  payload: jsonb('payload').notNull(),
  /** Counts toward the workspace's frequency cap with marketing email. */
  marketing: boolean('marketing').notNull().default(false),
  /**
   * 'pending' (to deliver) | 'accepted' (the provider took it; its final outcome comes through a
   * route) | 'delivered' | 'failed' | 'cancelled' (its customer was erased before delivery)
   */
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull(),
  /** The provider's id of the message (a Twilio SID), for its status callbacks. */
  externalId: text('external_id'),
  lastError: text('last_error'),
  createdAt: ts('created_at').notNull(),
  settledAt: ts('settled_at'),
}, (t) => [
  uniqueIndex('service_effects_effect_uq').on(t.workspaceId, t.effectKey),
  index('service_effects_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  uniqueIndex('service_effects_external_uq').on(t.serviceId, t.externalId).where(sql`external_id is not null`),
  // The frequency cap counts a customer's recent marketing messages on every channel.
  index('service_effects_marketing_idx').on(t.workspaceId, t.customerId, t.createdAt).where(sql`marketing`),
  index('service_effects_customer_idx').on(t.workspaceId, t.customerId),
]);

/** A workspace's settings of a service (gateway URL, account, token), secret fields sealed. */
export const serviceSettings = pgTable('service_settings', {
  workspaceId: text('workspace_id').notNull(),
  serviceId: text('service_id').notNull(),
  settings: jsonb('settings').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.serviceId] })]);

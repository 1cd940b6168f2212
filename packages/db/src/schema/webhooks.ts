// Calls queued by "Call webhook" steps, written in the step's transaction and delivered
// afterwards by the webhook dispatcher. The effect key (run, node) is unique: a retried batch
// queues nothing twice, and it travels as the Idempotency-Key header, so the one resend a
// crash can cause (after the receiver answered, before the outcome committed) is recognisable.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const webhookOutbox = pgTable('webhook_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  effectKey: text('effect_key').notNull(),
  runId: uuid('run_id'),
  journeyId: text('journey_id'),
  versionId: text('version_id'),
  nodeId: text('node_id'),
  customerId: text('customer_id').notNull(),
  url: text('url').notNull(),
  /** 'POST' | 'PUT' | 'PATCH' */
  method: text('method').notNull(),
  /**
   * The step's own headers, each value sealed (secrets/box.ts); Content-Type, Idempotency-Key and
   * the signature are added when sent. Emptied, with the signing secret, once the call is final.
   */
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  /** The rendered JSON document, sent byte for byte on every attempt (the signature covers it). */
  body: text('body').notNull(),
  /** HMAC key of X-Afterglow-Signature, sealed; null: unsigned. Signed at send time, with the send's timestamp. */
  signingSecret: text('signing_secret'),
  /** 'pending' | 'delivered' | 'failed' | 'cancelled' (its customer was erased before it was sent) */
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull(),
  lastError: text('last_error'),
  /** HTTP status of the latest answer (null: none, e.g. refused address, timeout). */
  responseStatus: integer('response_status'),
  deliveredAt: ts('delivered_at'),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('webhook_outbox_effect_uq').on(t.workspaceId, t.effectKey),
  index('webhook_outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
]);

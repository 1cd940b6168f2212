// A team sharing one shop: invitations to join it, publish requests awaiting approval, and
// the audit log of who did what and when.
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An invitation by email: a signed link that expires; the invitee chooses a password. */
export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  email: text('email').notNull(),
  role: text('role').notNull(),
  /** SHA-256 of the link's token; the token itself is only in the email. */
  tokenHash: text('token_hash').notNull(),
  invitedBy: text('invited_by').notNull(),
  expiresAt: ts('expires_at').notNull(),
  acceptedAt: ts('accepted_at'),
  revokedAt: ts('revoked_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('invitations_token_uq').on(t.tokenHash),
  // One open invitation per address and workspace: inviting again resends it.
  uniqueIndex('invitations_open_uq').on(t.workspaceId, sql`lower(${t.email})`).where(sql`accepted_at is null and revoked_at is null`),
]);

/** A marketer's publish when the workspace requires approval: the draft as it was asked for. */
export const publishRequests = pgTable('publish_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  journeyId: text('journey_id').notNull(),
  /** The draft graph and settings at request time: approval publishes exactly this. */
  graph: jsonb('graph').$type<Record<string, unknown>>().notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>(),
  requestedBy: text('requested_by').notNull(),
  /** 'pending' | 'approved' | 'rejected' | 'withdrawn' */
  status: text('status').notNull().default('pending'),
  decidedBy: text('decided_by'),
  comment: text('comment').notNull().default(''),
  versionId: text('version_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  decidedAt: ts('decided_at'),
}, (t) => [
  index('publish_requests_ws_idx').on(t.workspaceId, t.createdAt),
  uniqueIndex('publish_requests_pending_uq').on(t.journeyId).where(sql`status = 'pending'`),
]);

/** Who did what and when; kept for the workspace's retention (workspaces.audit_retention_days). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  at: ts('at').notNull(),
  /** Null for events without a signed-in user (a failed sign-in, a first-run set-up). */
  actorId: text('actor_id'),
  actorEmail: text('actor_email').notNull().default(''),
  /** A procedure path ('journeys.publish') or an event ('auth.login.failed'). */
  action: text('action').notNull(),
  targetId: text('target_id'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  ip: text('ip'),
}, (t) => [
  index('audit_log_ws_at_idx').on(t.workspaceId, t.at),
  index('audit_log_ws_action_idx').on(t.workspaceId, t.action, t.at),
]);

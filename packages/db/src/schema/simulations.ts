// Journey simulations (issue 19): a replay of the workspace's stored events through a draft or
// a published version, run by the engine's `simulations:run` job with sandbox services. A row is
// the queue entry, its progress and, once done, its result; nothing a simulation does is written
// anywhere else. `draft_revision` (md5 of the draft and settings it ran on) says when it went stale.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const simulations = pgTable('simulations', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  journeyId: text('journey_id').notNull(),
  /** The published version simulated; null for the draft. */
  versionId: text('version_id'),
  /** md5 of the draft and settings simulated (null for a version): stale once the draft differs. */
  draftRevision: text('draft_revision'),
  /** The compiled plan replayed (secrets sealed, as in journey_versions). */
  plan: jsonb('plan').notNull(),
  /** Period, population and the customers whose emails are rendered (SimulationSpec). */
  spec: jsonb('spec').notNull(),
  /** 'queued' | 'running' | 'done' | 'cancelled' | 'failed' */
  status: text('status').notNull().default('queued'),
  progress: integer('progress').notNull().default(0),
  cancelRequested: boolean('cancel_requested').notNull().default(false),
  error: text('error'),
  result: jsonb('result'),
  requestedBy: text('requested_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
  /** Written by the running job (database time): a row running without it for a minute is taken up again. */
  heartbeatAt: ts('heartbeat_at'),
}, (t) => [
  index('simulations_journey_idx').on(t.journeyId, t.createdAt),
  index('simulations_queue_idx').on(t.createdAt).where(sql`status in ('queued', 'running')`),
]);

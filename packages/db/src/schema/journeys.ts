// Journeys, their immutable published versions, and the runs that walk them.
// Run state lives here (not in Agenda): the engine advances runs in batches with SQL.
import { sql } from 'drizzle-orm';
import {
  bigint, date, index, integer, jsonb, numeric, pgTable, pgView, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const journeys = pgTable('journeys', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  /** The canvas graph being edited (nodes with positions, edges); autosaved. Secrets in node configs are sealed. */
  draft: jsonb('draft').notNull(),
  /** 'draft' until first publish, then 'live' or 'paused'. */
  status: text('status').notNull().default('draft'),
  currentVersionId: text('current_version_id'),
  /** Re-entry rule and exit goal (journeySettingsSchema in journey-core); copied into the plan at publish. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [index('journeys_ws_idx').on(t.workspaceId)]);

export const journeyVersions = pgTable('journey_versions', {
  id: text('id').primaryKey(),
  journeyId: text('journey_id').notNull().references(() => journeys.id),
  workspaceId: text('workspace_id').notNull(),
  version: integer('version').notNull(),
  /** The graph exactly as published (for showing the canvas of this version). */
  graph: jsonb('graph').notNull(),
  /** The compiled plan the engine executes (see journey-core compile). */
  plan: jsonb('plan').notNull(),
  publishedAt: ts('published_at').notNull().defaultNow(),
  publishedBy: text('published_by'),
}, (t) => [uniqueIndex('journey_versions_uq').on(t.journeyId, t.version)]);

/**
 * One customer's walk through one journey version.
 * status: 'active' (due to step at due_at), 'waiting' (sleeping or waiting for an event
 * until due_at), 'completed', 'exited' (goal or exit reason), 'failed'.
 */
export const journeyRuns = pgTable('journey_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  journeyId: text('journey_id').notNull(),
  versionId: text('version_id').notNull(),
  /** Re-entry key: with the unique index, a customer enters once per key. */
  entryKey: text('entry_key').notNull(),
  status: text('status').notNull(),
  nodeId: text('node_id').notNull(),
  dueAt: ts('due_at'),
  /** What the current wait resumes into: { onTime: branch, onEvent?: {...} }. */
  wait: jsonb('wait').$type<Record<string, unknown> | null>(),
  /** The trigger event and data gathered during the run (coupon codes, ...). */
  context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
  stepCount: integer('step_count').notNull().default(0),
  exitReason: text('exit_reason'),
  lastError: text('last_error'),
  enteredAt: ts('entered_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  // Customer first: the same index finds a customer's runs (events acting on runs, the
  // customer page). Every index here is rewritten at each step, so there is no second one.
  uniqueIndex('journey_runs_entry_uq').on(t.workspaceId, t.customerId, t.journeyId, t.entryKey),
  // The fair claim probes each journey's due runs. Where runs are (per version, node and
  // status) is counted in journey_places by triggers, not read through an index of this table.
  index('journey_runs_journey_due_idx').on(t.journeyId, t.dueAt).where(sql`status in ('active', 'waiting')`),
  // "Retry failed runs" finds them here: few rows, and none written for a run that steps on.
  index('journey_runs_failed_idx').on(t.versionId, t.nodeId).where(sql`status = 'failed'`),
  // Who is at a step now (the run explorer), next due first, paged by (due_at, id). The one
  // index added for reading: the claim's index has no node, and a step holds few of a journey's runs.
  index('journey_runs_place_idx').on(t.journeyId, t.nodeId, t.dueAt, t.id).where(sql`status in ('active', 'waiting', 'failed')`),
]);

/**
 * A run's steps, one row per walk: the steps one batch took for the run (usually trigger →
 * condition → email → wait in one go), in order. One row instead of one per step keeps the
 * engine's writes per run low; the `run_steps` view below lists the steps one per row.
 */
export const runWalks = pgTable('run_walks', {
  runId: uuid('run_id').notNull(),
  /** Number of the walk's first step; its steps are numbered on from there. */
  firstStep: integer('first_step').notNull(),
  workspaceId: text('workspace_id').notNull(),
  versionId: text('version_id').notNull(),
  /** [{ node, outcome: 'next' | 'sleep' | 'resume' | 'exit' | 'end' | 'error' | 'retry' | 'goal' | 'defer', branch?, detail? }] */
  steps: jsonb('steps').$type<WalkStep[]>().notNull(),
  at: ts('at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.runId, t.firstStep] }),
]);

export interface WalkStep {
  node: string;
  outcome: string;
  branch?: string;
  detail?: Record<string, unknown>;
}

/**
 * Runs that went on from a step (moved on, resumed from a wait, exited or reached the goal there),
 * newest first per (journey, step): the run explorer's "passed" list, paged by (at, run_id) from
 * the primary key alone. Filled by a trigger on run_walks (migration 0051), so the engine writes
 * nothing more; a pass through a loop at another time is a row of its own.
 */
export const journeyNodePasses = pgTable('journey_node_passes', {
  workspaceId: text('workspace_id').notNull(),
  journeyId: text('journey_id').notNull(),
  nodeId: text('node_id').notNull(),
  at: ts('at').notNull(),
  runId: uuid('run_id').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.journeyId, t.nodeId, t.at, t.runId] })]);

/** Every step a run took, one per row (a view over run_walks, created in migration 0021). */
export const runSteps = pgView('run_steps', {
  runId: uuid('run_id').notNull(),
  stepNo: integer('step_no').notNull(),
  workspaceId: text('workspace_id').notNull(),
  versionId: text('version_id').notNull(),
  nodeId: text('node_id').notNull(),
  outcome: text('outcome').notNull(),
  branch: text('branch'),
  detail: jsonb('detail').$type<Record<string, unknown> | null>(),
  at: ts('at').notNull(),
}).existing();

/**
 * What the canvas counts per node of a version: the engine's own ('entered', 'branch:<id>',
 * 'held', 'capped', 'points'), a node type's (ctx.count) and its effects' outcomes ('emails',
 * 'opens', 'issued', 'delivered', ...), each added by the transaction that makes it happen
 * (addNodeCounts): exact, and a few rows to read.
 */
export const journeyNodeCounts = pgTable('journey_node_counts', {
  versionId: text('version_id').notNull(),
  nodeId: text('node_id').notNull(),
  metric: text('metric').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.versionId, t.nodeId, t.metric] })]);

/**
 * The time zones a calendar trigger has already enrolled for a local day: each (version, zone,
 * day) is swept once, so the calendar job, running every few minutes, reads customers only in
 * the ticks where some zone's trigger time has newly come (a few dozen a day, not 288).
 */
export const calendarSweeps = pgTable('calendar_sweeps', {
  versionId: text('version_id').notNull(),
  zone: text('zone').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  sweptAt: ts('swept_at').notNull(),
}, (t) => [primaryKey({ columns: [t.versionId, t.zone, t.day] })]);

/**
 * How many runs of a version are at each node in each status: what the canvas and the journey
 * list show as waiting / failed / finished, read in a few rows however many runs there are.
 * Triggers on journey_runs append each statement's moves to journey_place_deltas (no lock held,
 * so batches side by side never wait on one another); the engine folds them in here after
 * each sweep. A count is this row plus the deltas not folded yet.
 */
export const journeyPlaces = pgTable('journey_places', {
  versionId: text('version_id').notNull(),
  nodeId: text('node_id').notNull(),
  status: text('status').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.versionId, t.nodeId, t.status] })]);

/** Moves of runs not yet folded into journey_places: +n arrived, -n left (append-only). */
export const journeyPlaceDeltas = pgTable('journey_place_deltas', {
  versionId: text('version_id').notNull(),
  nodeId: text('node_id').notNull(),
  status: text('status').notNull(),
  n: integer('n').notNull(),
});

/** journey_places plus the deltas not folded yet (a view, created in migration 0022). */
export const journeyPlacesNow = pgView('journey_places_now', {
  versionId: text('version_id').notNull(),
  nodeId: text('node_id').notNull(),
  status: text('status').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
}).existing();

/** A run that reached the journey's goal (e.g. placed an order): the basis of attribution. */
export const conversions = pgTable('conversions', {
  runId: uuid('run_id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  customerId: text('customer_id').notNull(),
  journeyId: text('journey_id').notNull(),
  versionId: text('version_id').notNull(),
  /** The node the run was at when the goal happened. */
  nodeId: text('node_id').notNull(),
  eventMessageId: text('event_message_id').notNull(),
  eventName: text('event_name').notNull(),
  revenue: numeric('revenue', { precision: 12, scale: 2, mode: 'number' }),
  currency: text('currency'),
  at: ts('at').notNull(),
}, (t) => [index('conversions_journey_idx').on(t.journeyId, t.at)]);

/** A broadcast journey version enrols its segment once: this row is the "done" marker. */
export const broadcasts = pgTable('broadcasts', {
  versionId: text('version_id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  journeyId: text('journey_id').notNull(),
  enrolled: integer('enrolled').notNull(),
  at: ts('at').notNull(),
});

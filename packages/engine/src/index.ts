import type { Database, Queryable } from '@afterglow/db';
import { createPinnedTemplateCache, type Mailer } from '@afterglow/email';
import type { JourneyStats } from '@afterglow/journey-core';
import { silentLogger, type NodeRegistry } from '@afterglow/node-sdk';
import { emitAbandonedCheckouts } from './abandoned-checkouts';
import { grantBirthdayPoints } from './birthday-points';
import { runLoyaltyStatus } from './loyalty-status';
import { advanceBatch, type BatchDeps } from './batch';
import { runDueBroadcasts } from './broadcast';
import { runCalendarTriggers } from './calendar';
import { systemClock, type Clock } from './clock';
import { enrolEvents } from './enrol';
import { applyEventsToRuns } from './event-effects';
import { runLoyaltyExpiry } from './loyalty-expiry';
import { foldPlaceDeltas } from './places';
import { createPlanCache } from './plans';
import { completeReferrals } from './referrals';
import { processSegmentChanges, recheckAllSegments } from './segment-changes';
import { reportFailure } from './report';
import { retryFailedRuns } from './retry';
import { deleteExpired } from './retention';
import { sendWeeklyDigests } from './digest/weekly-digest';
import { journeyStats } from './stats';
import { drainEmails, drainServiceEffects, type DeliveryDeps } from './delivery';
import type { EngineMetrics } from './metrics';
import type { Logger, StoredEvent } from './types';
import { runQueuedSimulations } from './simulation/index';
import { DELIVER_CHANNEL, WAKE_CHANNEL, createWorker } from './worker';

export { ManualClock, systemClock, type Clock } from './clock';
export { enrolSegment, type SegmentEnrolment } from './broadcast';
export type { StoredEvent, Logger } from './types';
export type { EngineMetrics } from './metrics';
export { WAKE_CHANNEL } from './worker';
export { CHECKOUT_ABANDONED, abandonmentDelay } from './abandoned-checkouts';
export { issueCoupon, type CouponIssue, type StoredCoupon } from './coupon-issue';
export { nextLoyaltyExpiry } from './loyalty-expiry';
export { nextReferralDue } from './referral-sql';
export { deleteExpired } from './retention';
export { applyWaitingMoves, STEP_REMOVED_REASON } from './waiting-moves';
export { blockedReason, resolveTarget, TargetRefused, type Resolver, type ResolvedTarget } from './outbound/guard';
export * from './services/index';
export { followCustomer, type FollowRequest, type SimulationPopulation, type SimulationResult, type SimulationSpec, type TraceEntry } from './simulation/index';

export interface EngineOptions {
  database: Database;
  registry: NodeRegistry;
  clock?: Clock;
  /** Without a mailer, emails stay queued in the outbox. */
  mailer?: Mailer;
  fromAddress?: string;
  /** Base of unsubscribe and tracking links and of plugins' route URLs (AFTERGLOW_PUBLIC_URL); read when used. */
  publicUrl?: () => string;
  /** Lines of the engine (component 'engine') and of its email and service dispatch (component 'dispatcher'). */
  log?: Logger;
  batchSize?: number;
  /**
   * Batches stepped side by side in this process (default 2): while one waits on the
   * database, the next is walked. SKIP LOCKED keeps their runs apart.
   */
  concurrency?: number;
  /** Interval of the durable sweep for runs whose wait has ended (Agenda syntax). */
  tickEvery?: string;
  /** How often every segment is fully re-checked for time-based membership changes (own Agenda job; default 1 h). */
  segmentFullCheckEveryMs?: number;
  /**
   * How often calendar triggers (dates such as birthdays, recurring schedules) enrol their due
   * occurrences (own Agenda job; default every 5 minutes, so a 09:00 birthday starts by 09:05).
   */
  calendarEvery?: string;
  /** How often customers whose birthday it is (in their time zone) get the loyalty programme's birthday points (own Agenda job; default hourly). */
  birthdayPointsEvery?: string;
  /** How often checkouts quiet for the workspace's abandonment delay become "Checkout Abandoned" (own Agenda job; default every minute). */
  checkoutsEvery?: string;
  /** How often quiet loyalty members are reminded of expiring points and lose expired ones (own Agenda job; default hourly). */
  loyaltyExpiryEvery?: string;
  /** How often pending referrals are decided and completed ones announced (own Agenda job; default every 15 minutes). */
  referralsEvery?: string;
  /** How often loyalty tiers and milestones are recomputed for changed customers and announced (own Agenda job; default every minute). */
  loyaltyEvery?: string;
  /** How often the weekly digest job looks for workspaces where it is Monday 08:00 or later (own Agenda job; default every 15 minutes). */
  digestEvery?: string;
  /**
   * Let Call webhook steps and services' deliveries reach loopback and private addresses (tests,
   * a development receiver; AFTERGLOW_WEBHOOK_ALLOW_PRIVATE=1). Off by default: such targets are
   * refused with the address named.
   */
  allowPrivateWebhookTargets?: boolean;
  /** Told of each sweep and each delivered batch (the server's /metrics). */
  metrics?: EngineMetrics;
  /** How often queued journey simulations are looked for (own Agenda job; default every 2 seconds). */
  simulationsEvery?: string;
  /** How often the email and the service delivery jobs wake every worker's drains (default every 2 seconds each). */
  deliverEvery?: string;
}

export interface Engine {
  /** Inside the ingestion transaction, with the events just stored: enrols matching live journeys. */
  enrolEvents(tx: Queryable, events: StoredEvent[]): Promise<number>;
  wake(): Promise<void>;
  advanceUntilIdle(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(versionId: string): Promise<JourneyStats>;
  /** Failed runs of a version (or of one node of it) go back to work; returns how many. */
  retryFailed(versionId: string, nodeId?: string): Promise<number>;
  /** The full segment membership re-check the hourly job runs; returns the changes found. */
  recheckSegments(): Promise<number>;
  /** What the calendar job runs: enrols every calendar trigger's due occurrences; returns the runs created. */
  runCalendarTriggers(): Promise<number>;
  /** What the checkouts job runs: stores and delivers each due checkout's "Checkout Abandoned"; returns how many. */
  runAbandonedCheckouts(): Promise<number>;
  /** What the loyalty expiry job runs: stores and delivers the due Points Expiring and Points Expired events; returns how many. */
  runLoyaltyExpiry(): Promise<{ reminded: number; expired: number }>;
  /** What the birthday points job runs: grants the birthday points due now (once a year each); returns how many. */
  runBirthdayPoints(): Promise<number>;
  /** What the referrals job runs: decides due referrals, storing and delivering each completed one's two "Referral Completed"; returns how many events. */
  runReferrals(): Promise<number>;
  /** What the loyalty:status job runs: recomputes changed tiers and milestones, stores and delivers their events; returns how many. */
  runLoyaltyStatus(): Promise<number>;
  /** What the simulations job runs: queued journey simulations, one at a time per workspace; returns how many ran. */
  runSimulations(): Promise<number>;
  /** What the weekly digest job runs: queues the digests due now (Monday 08:00 in each shop's time zone), each once; returns how many. */
  runWeeklyDigest(): Promise<number>;
}

export function createEngine(opts: EngineOptions): Engine {
  const { database, registry } = opts;
  const clock = opts.clock ?? systemClock;
  const log = (opts.log ?? silentLogger).child({ component: 'engine' });
  const dispatcherLog = (opts.log ?? silentLogger).child({ component: 'dispatcher' });
  const batchSize = opts.batchSize ?? 500;
  const concurrency = opts.concurrency ?? 2;
  // Each batch holds a connection for its transaction; a cache miss (a journey version's plan,
  // a pinned template) needs one more, which must exist or every batch would wait forever.
  if (concurrency >= database.maxConnections) {
    throw new Error(`concurrency (${concurrency}) must be below the database pool's size (${database.maxConnections})`);
  }
  const publicUrl = opts.publicUrl ?? (() => 'http://localhost:3000');
  // Steps only queue emails (suppression checked in one query per batch); the dispatcher renders them.
  const email: BatchDeps['email'] = {
    pinnedTemplate: createPinnedTemplateCache(database.sql),
    fromAddress: opts.fromAddress ?? 'Afterglow Demo Shop <shop@afterglow.local>',
  };
  const deps: BatchDeps = { sql: database.sql, secrets: database.secrets, registry, loadPlan: createPlanCache(database.sql, registry, database.secrets), email, log, publicUrl };

  const delivery: DeliveryDeps = {
    database, registry, clock, mailer: opts.mailer, publicUrl, allowPrivate: opts.allowPrivateWebhookTargets, log: dispatcherLog, metrics: opts.metrics,
  };

  /** One stepping sweep (the worker's runOnce): broadcasts, segment changes, then due runs until none is left. */
  async function step(): Promise<number> {
    const started = performance.now();
    await runDueBroadcasts(database.sql, registry, clock.now(), log);
    // Customers touched since the last sweep may have entered or left segments (enrolling them).
    // A failed check (e.g. a deadlock with another worker's check) rolls back and is retried on
    // the next sweep; it must never hold up the runs that are due.
    // The time-based full re-check is its own job (below), not part of every sweep.
    await processSegmentChanges(database.sql, registry, clock.now(), { timeBased: false, log })
      .catch((err) => reportFailure(database.availability, log, 'segment membership check failed; the next sweep retries', err));
    let steps = 0;
    const loop = async () => {
      for (;;) {
        const batch = await advanceBatch(deps, clock.now(), batchSize);
        steps += batch.steps;
        if (batch.runs === 0) break;
      }
    };
    // Settled, not all: a failing batch (e.g. a deadlock victim) must not leave its sibling
    // loop running past this sweep. The first error is reported; its runs stay due.
    const loops = await Promise.allSettled(Array.from({ length: concurrency }, loop));
    const failed = loops.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (failed) throw failed.reason;
    await foldPlaceDeltas(database.sql);
    opts.metrics?.sweep((performance.now() - started) / 1000, steps);
    return steps;
  }

  /** A sweep, then both deliveries until idle: what the test harness runs at each stop. */
  async function advanceUntilIdle(): Promise<number> {
    const steps = await step();
    await drainEmails(delivery);
    await drainServiceEffects(delivery);
    return steps;
  }

  const recheckSegments = async () => (await recheckAllSegments(database.sql, registry, clock.now(), log)).changes;
  // New runs are due at once: the workers are woken rather than left for the next tick.
  const calendar = async () => {
    const enrolled = await runCalendarTriggers(database.sql, registry, clock.now(), log);
    if (enrolled > 0) await database.sql.notify(WAKE_CHANNEL, 'calendar');
    return enrolled;
  };
  // Goals and awaited events act on runs already under way before new runs start, so
  // the event that starts a run never counts as that run's own goal.
  const deliver = async (tx: Queryable, events: StoredEvent[]) => {
    await applyEventsToRuns(tx, events, clock.now());
    return enrolEvents(tx, registry, events, clock.now());
  };
  const abandonedCheckouts = async () => {
    const emitted = await emitAbandonedCheckouts(database.sql, clock.now(), deliver);
    if (emitted > 0) await database.sql.notify(WAKE_CHANNEL, 'checkouts');
    return emitted;
  };
  const loyaltyExpiry = async () => {
    const emitted = await runLoyaltyExpiry(database.sql, clock.now(), deliver);
    if (emitted.reminded + emitted.expired > 0) await database.sql.notify(WAKE_CHANNEL, 'loyalty');
    return emitted;
  };
  const referrals = async () => {
    const emitted = await completeReferrals(database.sql, clock.now(), deliver);
    if (emitted > 0) await database.sql.notify(WAKE_CHANNEL, 'referrals');
    return emitted;
  };
  const loyaltyStatus = async () => {
    const emitted = await runLoyaltyStatus(database.sql, clock.now(), deliver);
    if (emitted > 0) await database.sql.notify(WAKE_CHANNEL, 'loyalty');
    return emitted;
  };
  const simulations = () => runQueuedSimulations({ database, registry, clock, fromAddress: email.fromAddress, publicUrl, log });
  const weeklyDigest = async () => {
    const queued = await sendWeeklyDigests(database.sql, clock.now(), publicUrl);
    if (queued > 0) await database.sql.notify(DELIVER_CHANNEL, 'email:deliver');
    return queued;
  };
  const worker = createWorker({
    url: database.url, sql: database.sql, availability: database.availability, runOnce: step, log, tickEvery: opts.tickEvery,
    drains: [
      { name: 'email:deliver', every: opts.deliverEvery ?? '2 seconds', run: (keepGoing) => drainEmails(delivery, keepGoing) },
      { name: 'services:deliver', every: opts.deliverEvery ?? '2 seconds', run: (keepGoing) => drainServiceEffects(delivery, keepGoing) },
    ],
    jobs: [
      { name: 'segments:full-check', every: opts.segmentFullCheckEveryMs ?? '1 hour', run: recheckSegments },
      { name: 'triggers:calendar', every: opts.calendarEvery ?? '5 minutes', run: calendar },
      { name: 'checkouts:abandoned', every: opts.checkoutsEvery ?? '1 minute', run: abandonedCheckouts },
      { name: 'loyalty:expiry', every: opts.loyaltyExpiryEvery ?? '1 hour', run: loyaltyExpiry },
      { name: 'loyalty:birthday-points', every: opts.birthdayPointsEvery ?? '1 hour', run: () => grantBirthdayPoints(database.sql, clock.now()) },
      { name: 'referrals:complete', every: opts.referralsEvery ?? '15 minutes', run: referrals },
      { name: 'loyalty:status', every: opts.loyaltyEvery ?? '1 minute', run: loyaltyStatus },
      { name: 'simulations:run', every: opts.simulationsEvery ?? '2 seconds', run: simulations },
      { name: 'housekeeping:retention', every: '1 day', run: () => deleteExpired(database.sql, clock.now()) },
      { name: 'digest:weekly', every: opts.digestEvery ?? '15 minutes', run: weeklyDigest },
    ],
  });

  return {
    enrolEvents: deliver,
    wake: async () => void (await database.sql.notify(WAKE_CHANNEL, 'event')),
    advanceUntilIdle,
    start: () => worker.start(),
    stop: () => worker.stop(),
    stats: (versionId) => journeyStats(database.sql, versionId),
    async retryFailed(versionId, nodeId) {
      const count = await retryFailedRuns(database.sql, versionId, nodeId ?? null, clock.now());
      if (count > 0) await database.sql.notify(WAKE_CHANNEL, 'retry');
      return count;
    },
    recheckSegments,
    runCalendarTriggers: calendar,
    runAbandonedCheckouts: abandonedCheckouts,
    runLoyaltyExpiry: loyaltyExpiry,
    runBirthdayPoints: () => grantBirthdayPoints(database.sql, clock.now()),
    runReferrals: referrals,
    runLoyaltyStatus: loyaltyStatus,
    runSimulations: simulations,
    runWeeklyDigest: weeklyDigest,
  };
}

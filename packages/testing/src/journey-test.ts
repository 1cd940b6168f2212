// createJourneyTest: a whole journey through the real engine, on a database of its own, with a
// clock the test moves. Everything but time is production's code (setup.ts): the tRPC
// procedures for drafts and publishing, the /v1 handler for identify and track, createEngine.
// `advance` moves the ManualClock and runs the engine's own sweep (advanceUntilIdle, which runs
// the dispatchers too) at every moment something falls due on the way.
import type { JourneyGraph } from '@afterglow/journey-core';
import { JourneyBuilder } from './builder';
import { advanceTarget, type Advance } from './duration';
import { runsOf } from './runs';
import { saveServiceSettings } from './service-settings';
import { startParts, type Cleanups, type HarnessParts } from './setup';
import { nextDueTime } from './stops';
import { JourneyRefusedError, type JourneyTest, type JourneyTestOptions, type PublishedJourney, type PublishOptions } from './types';
import { saveWorkspaceSettings } from './workspace';

export async function createJourneyTest(opts: JourneyTestOptions = {}): Promise<JourneyTest> {
  // Undone in reverse order by close(), also when set-up fails half-way.
  const cleanups: Cleanups = [];
  const close = async () => {
    let first: unknown;
    while (cleanups.length) await Promise.resolve().then(cleanups.pop()).catch((err) => void (first ??= err));
    if (first) throw first;
  };
  try {
    return journeyTest(await startParts(opts, cleanups), close);
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}

/** At an event: the sweep its wake-up runs. */
const sweep = async (p: HarnessParts) => void (await p.engine.advanceUntilIdle());

/**
 * At a moment of time: the tick's sweep, after the time-based segment re-check (hourly in
 * production, at each stop here), so memberships that lapse with time are seen on the way, and
 * after the calendar job (every 5 minutes in production, at each stop here), so a birthday or a
 * schedule whose time has come by the stop enrols then; likewise the checkouts job (every minute
 * in production), so a checkout quiet for the abandonment delay by the stop is abandoned then; the
 * loyalty expiry job (hourly in production), so a reminder or an expiry due by the stop happens then;
 * the birthday points job (hourly in production), so a customer whose birthday has begun by the
 * stop has them; the referrals job (every 15 minutes in production), so a referral due by the
 * stop completes then; and the loyalty:status job (every minute), so points or orders since the
 * last stop, or a rolling window moving, announce tier changes and milestones then; and the weekly
 * digest job (every 15 minutes), so a digest due by the stop (Monday 08:00 in the shop's zone) is sent then.
 */
async function sweepAtTime(p: HarnessParts): Promise<void> {
  await p.engine.recheckSegments();
  await p.engine.runCalendarTriggers();
  await p.engine.runAbandonedCheckouts();
  await p.engine.runLoyaltyExpiry();
  await p.engine.runBirthdayPoints();
  await p.engine.runReferrals();
  await p.engine.runLoyaltyStatus();
  await p.engine.runWeeklyDigest();
  await p.engine.advanceUntilIdle();
}

async function advance(p: HarnessParts, by: Advance): Promise<void> {
  const target = advanceTarget(p.clock.now(), by);
  for (;;) {
    await sweepAtTime(p);
    const due = await nextDueTime(p.database.sql, p.registry, p.clock.now());
    if (!due || due > target) break;
    p.clock.set(due);
  }
  if (p.clock.now() < target) {
    p.clock.set(target);
    await sweepAtTime(p);
  }
}

async function publish(p: HarnessParts, graph: JourneyGraph | JourneyBuilder, options: PublishOptions, name: string): Promise<PublishedJourney> {
  const { api } = p.workspace;
  const draft = graph instanceof JourneyBuilder ? graph.build() : graph;
  const id = options.journey?.id ?? (await api.journeys.create({ name: options.name ?? name })).id;
  await api.journeys.saveDraft({ id, draft, ...(options.journey && options.name ? { name: options.name } : {}) });
  if (options.settings) await api.journeys.saveSettings({ id, settings: options.settings });
  const published = await api.journeys.publish({ id });
  if (!published.ok) throw new JourneyRefusedError(published.issues);
  await sweep(p); // a broadcast's audience enters at the next tick
  return { id, versionId: published.versionId, version: published.version, graph: structuredClone(draft) };
}

function journeyTest(p: HarnessParts, close: () => Promise<void>): JourneyTest {
  const { clock, registry, database, engine, workspace, ingestion, smtp, publicUrl } = p;
  let journeys = 0;
  let segments = 0;
  return {
    registry, clock, database, engine, api: workspace.api, workspaceId: workspace.id,
    ingestion: { url: ingestion.url, key: ingestion.key }, publicUrl,
    now: () => clock.now(),
    journey: () => JourneyBuilder.start(registry),
    publish: (graph, options = {}) => publish(p, graph, options, `Journey ${++journeys}`),
    segment: async (rule, name) => (await workspace.api.segments.save({ name: name ?? `Segment ${++segments}`, rule })).id,
    settings: (settings) => saveWorkspaceSettings(workspace.api, settings),
    serviceSettings: (serviceId, settings) => saveServiceSettings(database, registry, workspace.id, serviceId, settings, clock.now()),
    async identify(customerId, traits, options) {
      await ingestion.send('identify', { userId: customerId, traits }, options);
      await sweep(p);
    },
    async track(customerId, event, properties = {}, options) {
      await ingestion.send('track', { userId: customerId, event, properties }, options);
      await sweep(p);
    },
    advance: (by) => advance(p, by),
    settle: () => sweep(p),
    emails: (to) => smtp.emails.filter((e) => to === undefined || e.to.split(', ').includes(to)),
    stats: (journey) => engine.stats(journey.versionId),
    async counters(journey, nodeId) {
      if (!journey.graph.nodes.some((n) => n.id === nodeId)) {
        throw new Error(`Journey ${journey.id} has no node "${nodeId}" (nodes: ${journey.graph.nodes.map((n) => n.id).join(', ')})`);
      }
      return { ...(await engine.stats(journey.versionId)).nodes[nodeId]?.counters };
    },
    runs: (journey) => runsOf(database.sql, journey.id),
    close,
  };
}

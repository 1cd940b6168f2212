// createJourneyTest: a whole journey through the real engine, on a database of its own, with a
// clock the test moves. Everything is production's code, assembled as apps/server assembles it:
// the registry from the plugins, createEngine (with a mailer delivering to an in-process SMTP
// server), the tRPC procedures for the workspace, drafts and publishing, the /v1 ingestion
// handler for identify and track. Only time is the test's: `advance` moves the ManualClock and
// runs the engine's own sweep (advanceUntilIdle) at every moment something falls due.
import type { ApiDeps } from '@afterglow/api';
import { checkEmailTemplate, createMailer, previewEmail } from '@afterglow/email';
import { createEngine, ManualClock } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { silentLogger } from '@afterglow/node-sdk';
import { createRegistry } from '@afterglow/nodes';
import { JourneyBuilder } from './builder';
import { createTestDatabase } from './database';
import { advanceTarget } from './duration';
import { startIngestion } from './ingestion';
import { runsOf } from './runs';
import { saveServiceSettings } from './service-settings';
import { startSmtpCapture } from './smtp-capture';
import { nextDueTime } from './stops';
import { JourneyRefusedError, type JourneyTest, type JourneyTestOptions, type PublishedJourney } from './types';
import { createWorkspace, saveWorkspaceSettings } from './workspace';

const DEFAULT_START = '2026-03-02T09:00:00Z';

export async function createJourneyTest(opts: JourneyTestOptions = {}): Promise<JourneyTest> {
  const clock = new ManualClock(new Date(opts.start ?? DEFAULT_START));
  if (Number.isNaN(clock.now().getTime())) throw new Error(`createJourneyTest: start ${String(opts.start)} is not a date`);
  const registry = createRegistry(opts.plugins ?? []);
  const log = opts.log ?? silentLogger;
  // Undone in reverse order by close(), also when set-up fails half-way.
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  const close = async () => {
    let first: unknown;
    while (cleanups.length) await Promise.resolve().then(cleanups.pop()).catch((err) => void (first ??= err));
    if (first) throw first;
  };

  try {
    const { database, close: dropDatabase } = await createTestDatabase();
    cleanups.push(dropDatabase);
    const smtp = await startSmtpCapture();
    cleanups.push(() => smtp.close());
    const mailer = createMailer({ smtpUrl: smtp.url });
    cleanups.push(() => mailer.close());
    const engine = createEngine({ database, registry, clock, mailer, log, allowPrivateWebhookTargets: opts.allowPrivateTargets ?? true });
    // The sandbox's own check and preview, in this process: its thread pool (started per
    // harness) would cost seconds, and only its time and memory limits differ.
    const templateSandbox: ApiDeps['templateSandbox'] = { check: checkEmailTemplate, preview: (content, data) => previewEmail(content, data) };
    const apiDeps: ApiDeps = { database, registry, clock, engine, templateSandbox, log };
    const workspace = await createWorkspace(apiDeps, opts.shopName ?? 'Test shop');
    const { api } = workspace;
    if (opts.settings) await saveWorkspaceSettings(api, opts.settings);
    for (const [id, settings] of Object.entries(opts.serviceSettings ?? {})) {
      await saveServiceSettings(database, registry, workspace.id, id, settings, clock.now());
    }
    const ingestion = await startIngestion({
      database, clock, log,
      onEventsStored: (tx, events) => engine.enrolEvents(tx as unknown as typeof database.sql, events),
      // The harness sweeps right after each message instead of waking the (unstarted) workers.
      afterCommit: async () => {},
    }, workspace.ingestKey);
    cleanups.push(() => ingestion.close());

    // At an event: the sweep its wake-up runs. At a moment of time: also the time-based segment
    // re-check (hourly in production), so memberships that lapse with time are seen on the way.
    const sweep = async () => void (await engine.advanceUntilIdle());
    const sweepAtTime = async () => {
      await engine.recheckSegments();
      await engine.advanceUntilIdle();
    };
    const nodeOf = (journey: PublishedJourney, nodeId: string) => {
      if (!journey.graph.nodes.some((n) => n.id === nodeId)) {
        throw new Error(`Journey ${journey.id} has no node "${nodeId}" (nodes: ${journey.graph.nodes.map((n) => n.id).join(', ')})`);
      }
    };
    let journeys = 0;
    let segments = 0;

    const t: JourneyTest = {
      registry, clock, database, engine, api, workspaceId: workspace.id,
      ingestion: { url: ingestion.url, key: ingestion.key },
      now: () => clock.now(),
      journey: () => JourneyBuilder.start(registry),

      async publish(graph, options = {}) {
        const draft: JourneyGraph = graph instanceof JourneyBuilder ? graph.build() : graph;
        const id = options.journey?.id ?? (await api.journeys.create({ name: options.name ?? `Journey ${++journeys}` })).id;
        await api.journeys.saveDraft({ id, draft, ...(options.journey && options.name ? { name: options.name } : {}) });
        if (options.settings) await api.journeys.saveSettings({ id, settings: options.settings });
        const published = await api.journeys.publish({ id });
        if (!published.ok) throw new JourneyRefusedError(published.issues);
        await sweep(); // a broadcast's audience enters at the next tick
        return { id, versionId: published.versionId, version: published.version, graph: structuredClone(draft) };
      },
      segment: async (rule, name) => (await api.segments.save({ name: name ?? `Segment ${++segments}`, rule })).id,
      settings: (settings) => saveWorkspaceSettings(api, settings),
      serviceSettings: (serviceId, settings) => saveServiceSettings(database, registry, workspace.id, serviceId, settings, clock.now()),

      async identify(customerId, traits, options) {
        await ingestion.send('identify', { userId: customerId, traits }, options);
        await sweep();
      },
      async track(customerId, event, properties = {}, options) {
        await ingestion.send('track', { userId: customerId, event, properties }, options);
        await sweep();
      },
      async advance(by) {
        const target = advanceTarget(clock.now(), by);
        for (;;) {
          await sweepAtTime();
          const due = await nextDueTime(database.sql, registry, clock.now());
          if (!due || due > target) break;
          clock.set(due);
        }
        if (clock.now() < target) {
          clock.set(target);
          await sweepAtTime();
        }
      },
      settle: sweep,

      emails: (to) => smtp.emails.filter((e) => to === undefined || e.to.split(', ').includes(to)),
      stats: (journey) => engine.stats(journey.versionId),
      async counters(journey, nodeId) {
        nodeOf(journey, nodeId);
        return { ...(await engine.stats(journey.versionId)).nodes[nodeId]?.counters };
      },
      runs: (journey) => runsOf(database.sql, journey.id),
      close,
    };
    return t;
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}

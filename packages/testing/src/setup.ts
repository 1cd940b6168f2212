// The parts of a journey test, assembled as apps/server assembles them: the registry from the
// plugins, createEngine with a mailer delivering to an in-process SMTP server, the API's
// dependencies for the workspace's owner, the /v1 ingestion handler enrolling through the
// engine. Each part is pushed to `cleanups` as it starts, so a half-started harness closes too.
import { createPluginRouteHandler, createPublicHandler, type ApiDeps, type IngestDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { checkEmailTemplate, createMailer, previewEmail } from '@afterglow/email';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import { silentLogger, type NodeRegistry } from '@afterglow/node-sdk';
import { createRegistry } from '@afterglow/nodes';
import { createTestDatabase } from './database';
import { startIngestion, type Ingestion } from './ingestion';
import { saveServiceSettings } from './service-settings';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture';
import type { JourneyTestOptions } from './types';
import { createWorkspace, saveWorkspaceSettings, type TestWorkspace } from './workspace';

const DEFAULT_START = '2026-03-02T09:00:00Z';

export interface HarnessParts {
  clock: ManualClock;
  registry: NodeRegistry;
  database: Database;
  engine: Engine;
  workspace: TestWorkspace;
  ingestion: Ingestion;
  smtp: SmtpCapture;
  /** Where providers reach this test's app: the ingestion server, which also serves plugins' /hooks routes. */
  publicUrl: string;
}

export type Cleanups = (() => Promise<unknown> | unknown)[];

export async function startParts(opts: JourneyTestOptions, cleanups: Cleanups): Promise<HarnessParts> {
  const clock = new ManualClock(new Date(opts.start ?? DEFAULT_START));
  if (Number.isNaN(clock.now().getTime())) throw new Error(`createJourneyTest: start ${String(opts.start)} is not a date`);
  const registry = createRegistry(opts.plugins ?? []);
  const log = opts.log ?? silentLogger;

  const { database, close: dropDatabase } = await createTestDatabase();
  cleanups.push(dropDatabase);
  const smtp = await startSmtpCapture();
  cleanups.push(() => smtp.close());
  const mailer = createMailer({ smtpUrl: smtp.url });
  cleanups.push(() => mailer.close());
  // Services' route URLs (a provider's status callback) point at the HTTP server started below.
  let publicUrl = '';
  const engine = createEngine({
    database, registry, clock, mailer, log, allowPrivateWebhookTargets: opts.allowPrivateTargets ?? true, publicUrl: () => publicUrl,
  });

  // The sandbox's own check and preview, in this process: its thread pool (started per
  // harness) would cost seconds, and only its time and memory limits differ.
  const templateSandbox: ApiDeps['templateSandbox'] = { check: checkEmailTemplate, preview: (content, data) => previewEmail(content, data) };
  const workspace = await createWorkspace({ database, registry, clock, engine, templateSandbox, log }, opts.shopName ?? 'Test shop');
  if (opts.settings) await saveWorkspaceSettings(workspace.api, opts.settings);
  for (const [id, settings] of Object.entries(opts.serviceSettings ?? {})) {
    await saveServiceSettings(database, registry, workspace.id, id, settings, clock.now());
  }

  const ingestDeps: IngestDeps = {
    database, clock, log,
    onEventsStored: (tx, events) => engine.enrolEvents(tx as unknown as Database['sql'], events),
    // The harness sweeps right after each message instead of waking the (unstarted) workers.
    afterCommit: async () => {},
  };
  // Plugins' routes as the server serves them (/hooks/<plugin>/<workspace>/<path>), on the same port.
  const hooks = createPluginRouteHandler({ ...ingestDeps, registry, publicUrl: () => publicUrl, log });
  // The pages the emails' links open (unsubscribe, preferences, tracking, reviews), on the same port.
  const recipients = createPublicHandler({ database, clock, log, publicUrl: () => publicUrl, onEventsStored: ingestDeps.onEventsStored, afterCommit: ingestDeps.afterCommit });
  const ingestion = await startIngestion(ingestDeps, workspace.ingestKey, hooks, recipients);
  cleanups.push(() => ingestion.close());
  publicUrl = ingestion.url;
  return { clock, registry, database, engine, workspace, ingestion, smtp, publicUrl };
}

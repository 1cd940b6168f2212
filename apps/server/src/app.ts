// Starts Afterglow: database (embedded unless a URL is given), migrations, the demo seed,
// the development SMTP sink, the engine's workers and the HTTP server, by role.
import { createBounceWebhookHandler, createIngestHandler, createShopifyWebhookHandler, createPublicHandler, createTrpcHandler, publishJourney, type ApiDeps, type IngestDeps } from '@afterglow/api';
import { ensureDatabase, openDatabase, runMigrations, startEmbeddedPostgres, type Database } from '@afterglow/db';
import { createMailer, createTemplateSandbox, startDevSmtpSink, type Mailer } from '@afterglow/email';
import { createEngine, systemClock, type Clock, type Engine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { repoRoot } from './env';
import { createRequestListener } from './http';
import { ensureDemo } from './seed/index';

export type Role = 'all' | 'web' | 'worker';

export interface AfterglowOptions {
  /** An existing PostgreSQL; without it an embedded one runs in `<dataDir>/pg`. */
  databaseUrl?: string;
  dataDir?: string;
  /** HTTP port; 0 picks a free one. Default 3000. */
  port?: number;
  /** Development SMTP sink port; 0 picks a free one. Default 2525. Unused when smtpUrl is set. */
  smtpDevPort?: number;
  smtpUrl?: string;
  ingestKey?: string;
  /** SHOPIFY_WEBHOOK_SECRET: the demo workspace accepts Shopify webhooks signed with it. */
  shopifyWebhookSecret?: string;
  role?: Role;
  /** Seed the demo shop when it does not exist yet (web and all roles). Default true. */
  seed?: boolean;
  clock?: Clock;
  /** Where the app is reached from browsers; https here makes session cookies Secure. */
  publicUrl?: string;
  /** The built web app to serve; default apps/web/dist. */
  webDistDir?: string;
  /** AFTERGLOW_WEBHOOK_ALLOW_PRIVATE: Call webhook steps may reach private addresses (development only). */
  webhookAllowPrivate?: boolean;
  log?: (line: string) => void;
}

export interface Afterglow {
  url: string;
  port: number;
  database: Database;
  engine: Engine;
  smtpDevPort: number | null;
  demo: { email: string; password: string; ingestKey: string; workspaceId: string } | null;
  close(): Promise<void>;
}

export const webDistDir = path.join(repoRoot, 'apps/web/dist');

export async function startAfterglow(opts: AfterglowOptions = {}): Promise<Afterglow> {
  const role = opts.role ?? 'all';
  const serves = role !== 'worker';
  const log = opts.log ?? ((line: string) => console.log(line));
  const dataDir = path.resolve(opts.dataDir ?? path.join(repoRoot, '.afterglow'));
  const clock = opts.clock ?? systemClock;
  // Shut down in reverse order of start-up, also when start-up fails half-way.
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  const close = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()!();
      } catch (err) {
        log(`shutdown step failed: ${String(err)}`);
      }
    }
  };

  try {
    let url = opts.databaseUrl;
    if (!url) {
      if (role === 'worker') throw new Error('--role=worker needs DATABASE_URL: the database the web process uses');
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), log: () => {} });
      cleanups.push(() => pg.stop());
      url = await ensureDatabase(pg.url, 'afterglow');
      // Printed so extra `--role=worker` processes can point DATABASE_URL at it.
      log(`Embedded PostgreSQL at ${url} (data in ${pg.dataDir})`);
    }
    // Workers expect a migrated database: migrating from several processes at once could race.
    if (serves) await runMigrations(url);
    const database = openDatabase(url);
    cleanups.push(() => database.close());

    let smtpDevPort: number | null = null;
    let smtpUrl = opts.smtpUrl;
    if (!smtpUrl && serves) {
      const sink = await startDevSmtpSink({ sql: database.sql, port: opts.smtpDevPort ?? 2525 });
      cleanups.push(() => sink.close());
      smtpDevPort = sink.port;
      smtpUrl = `smtp://127.0.0.1:${sink.port}`;
    }
    // A lone worker without SMTP_URL delivers to the development sink of the web process.
    smtpUrl ??= `smtp://127.0.0.1:${opts.smtpDevPort || 2525}`;
    const runsWorkers = role !== 'web';
    const mailer: Mailer | undefined = runsWorkers ? createMailer({ smtpUrl }) : undefined;
    if (mailer) cleanups.push(() => mailer.close());

    const registry = createRegistry();
    // Links in emails point here; with port 0 the real port is known only once listening.
    let linkBase = opts.publicUrl ?? `http://localhost:${opts.port || 3000}`;
    const engine = createEngine({
      database, registry, clock, mailer, publicUrl: () => linkBase, allowPrivateWebhookTargets: opts.webhookAllowPrivate ?? false,
      log: (msg, data) => log(data ? `${msg} ${JSON.stringify(data)}` : msg),
    });
    // Its worker threads start on the first template a request brings, not before.
    const templateSandbox = createTemplateSandbox({ log });
    cleanups.push(() => templateSandbox.close());
    const apiDeps: ApiDeps = { database, registry, clock, engine, templateSandbox, secureCookies: opts.publicUrl?.startsWith('https:') ?? false };

    let demo: Afterglow['demo'] = null;
    if (serves && opts.seed !== false) {
      demo = await ensureDemo({
        database, dataDir, now: clock.now(), ingestKey: opts.ingestKey, shopifyWebhookSecret: opts.shopifyWebhookSecret, log,
        publish: (journeyId, userId) => publishJourney(apiDeps, journeyId, userId),
      });
    }

    if (runsWorkers) {
      await engine.start();
      cleanups.push(() => engine.stop());
    }

    let port = 0;
    let publicUrl = '';
    if (serves) {
      const ingestDeps: IngestDeps = {
        database, clock,
        // The engine types its parameter as the pool type; a transaction offers the same queries.
        onEventsStored: (tx, events) => engine.enrolEvents(tx as unknown as Database['sql'], events),
        afterCommit: () => engine.wake(),
        log: (msg, data) => log(data ? `${msg} ${JSON.stringify(data)}` : msg),
      };
      const server = http.createServer(createRequestListener({
        database,
        trpc: createTrpcHandler(apiDeps),
        ingest: createIngestHandler(ingestDeps),
        shopify: createShopifyWebhookHandler(ingestDeps),
        bounces: createBounceWebhookHandler({ database, clock, log: ingestDeps.log }),
        recipients: createPublicHandler({ database, clock, log: (msg, data) => log(data ? `${msg} ${JSON.stringify(data)}` : msg) }),
        webDistDir: opts.webDistDir ?? webDistDir,
        log,
      }));
      await new Promise<void>((resolve, reject) => {
        server.once('error', (err: NodeJS.ErrnoException) =>
          reject(err.code === 'EADDRINUSE' ? new Error(`Port ${opts.port ?? 3000} is taken; set PORT to another one`) : err));
        server.listen(opts.port ?? 3000, () => resolve());
      });
      cleanups.push(() => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }));
      port = (server.address() as AddressInfo).port;
      publicUrl = opts.publicUrl ?? `http://localhost:${port}`;
      linkBase = publicUrl;
    }

    let closing: Promise<void> | null = null;
    return { url: publicUrl, port, database, engine, smtpDevPort, demo, close: () => (closing ??= close()) };
  } catch (err) {
    await close();
    throw err;
  }
}

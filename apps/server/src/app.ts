// Starts Afterglow: database (embedded unless a URL is given), migrations, sealing of stored
// secrets, the demo seed (into a new database, when asked), the development SMTP sink, the
// engine's workers and the HTTP server (with the bounce listener, when asked), by role.
import {
  createBounceWebhookHandler, createExportHandler, createRelayWebhookHandler, startBounceListener, createIngestHandler, createLoyaltyApiHandler, createPluginRouteHandler, createShopifyWebhookHandler, createPublicHandler, createTrpcHandler, firstRunCode, hasNoUser,
  publishJourney, sealStoredSecrets, type ApiDeps, type IngestDeps,
} from '@afterglow/api';
import {
  createSecretBox, ensureDatabase, openDatabase, runMigrations, startEmbeddedPostgres, type Database, type EmbeddedDatabase, type EmbeddedOptions,
} from '@afterglow/db';
import { createMailer, createTemplateSandbox, startDevSmtpSink, type Mailer } from '@afterglow/email';
import { createEngine, systemClock, type Clock, type Engine } from '@afterglow/engine';
import type { AfterglowPlugin, Logger } from '@afterglow/node-sdk';
import { createRegistry } from '@afterglow/nodes';
import { enabledPlugins } from './plugins';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { repoRoot } from './env';
import { logAvailability } from './database-log';
import { createRequestListener } from './http';
import { createMetrics } from './metrics';
import { createMetricsHandler, serveMetricsAlone } from './metrics-route';
import { describeKeys, loadSecretKeys } from './secret-key';
import { createProcessLogger } from './logger';
import { ensureDemo } from './seed/index';

export type Role = 'all' | 'web' | 'worker';

export interface AfterglowOptions {
  /** An existing PostgreSQL; without it an embedded one runs in `<dataDir>/pg`. */
  databaseUrl?: string;
  dataDir?: string;
  /** The embedded PostgreSQL's placement as root (defaults: /var/lib/afterglow, the installed binaries). */
  embedded?: Pick<EmbeddedOptions, 'runtimeRoot' | 'binariesDir'>;
  /** HTTP port; 0 picks a free one. Default 3000. */
  port?: number;
  /** Development SMTP sink port; 0 picks a free one. Default 2525. Unused when smtpUrl is set. */
  smtpDevPort?: number;
  smtpUrl?: string;
  /** AFTERGLOW_INGEST_KEY: the demo workspace's key (see seed/configured-key.ts). */
  ingestKey?: string;
  /** SHOPIFY_WEBHOOK_SECRET: the demo workspace accepts Shopify webhooks signed with it. */
  shopifyWebhookSecret?: string;
  role?: Role;
  /** Seed the demo shop into a new database, one without any account (web and all roles). Default false. */
  seed?: boolean;
  clock?: Clock;
  /** Where the app is reached from browsers; https here makes session cookies Secure. */
  publicUrl?: string;
  /** The built web app to serve; default apps/web/dist. */
  webDistDir?: string;
  /** AFTERGLOW_WEBHOOK_ALLOW_PRIVATE: Call webhook steps may reach private addresses (development only). */
  webhookAllowPrivate?: boolean;
  /** AFTERGLOW_SECRET_KEY: seals stored secrets; without it (not in production) `<dataDir>/secret.key` is used or made. */
  secretKey?: Buffer;
  /** AFTERGLOW_SECRET_KEY_PREVIOUS: earlier keys, still opening what they sealed until the start-up pass re-seals it. */
  previousSecretKeys?: Buffer[];
  /** NODE_ENV=production: refuses to start without secretKey. */
  production?: boolean;
  /** The process's logger (main.ts makes it from LOG_LEVEL and LOG_FORMAT). */
  logger?: Logger;
  /** Without a logger: receives each JSON log line instead of stdout (tests capture lines with it). */
  /** AFTERGLOW_TRUSTED_PROXIES: reverse proxies in front, whose X-Forwarded-For names the client. Default 0. */
  trustedProxies?: number;
  log?: (line: string) => void;
  /** AFTERGLOW_METRICS_TOKEN: /metrics answers other machines bearing it; without it, loopback only. */
  metricsToken?: string;
  /** AFTERGLOW_METRICS_PORT: a `--role=worker` process serves /metrics there (the others serve it with the app). */
  metricsPort?: number;
  /** BOUNCE_SMTP_PORT: the web process takes bounces by SMTP on this port (0: a free one); unset: no listener. */
  bounceSmtpPort?: number;
  /** BOUNCE_SMTP_HOST: the interface the bounce listener binds (default: all). */
  bounceSmtpHost?: string;
  /** The plugins to run; default: those enabled in afterglow.config.ts. */
  plugins?: readonly AfterglowPlugin[];
}

export interface Afterglow {
  url: string;
  port: number;
  database: Database;
  engine: Engine;
  smtpDevPort: number | null;
  /** Where the bounce listener takes SMTP, or null when it is off. */
  bounceSmtpPort: number | null;
  /** The demo's secrets when this start created it (shown once), else null. */
  demo: { email: string; password: string; ingestKey: string; workspaceId: string } | null;
  /** No account existed when the server started: the web app shows the first-run page. */
  needsOwner: boolean;
  /** While no account exists: the code the first-run page asks for (printed at start). */
  firstRunCode: string | null;
  close(): Promise<void>;
}

export const webDistDir = path.join(repoRoot, 'apps/web/dist');

/** Where the data lives, and a DATABASE_URL for extra `--role=worker` processes (the password stays in its file). */
function describeEmbedded(pg: EmbeddedDatabase, url: string, log: (line: string) => void): void {
  const linked = pg.linkedFrom ? ` (linked from ${pg.linkedFrom}: the postgres OS user cannot enter that directory)` : '';
  log(`Embedded PostgreSQL: data in ${pg.dataDir}${linked}`);
  const { port, pathname } = new URL(url);
  log(`  workers: DATABASE_URL="postgres://postgres:$(cat ${pg.passwordFile})@127.0.0.1:${port}${pathname}"`);
}

export async function startAfterglow(opts: AfterglowOptions = {}): Promise<Afterglow> {
  const role = opts.role ?? 'all';
  const serves = role !== 'worker';
  const ownLogger = opts.logger ? null : createProcessLogger({ write: opts.log });
  const log = opts.logger ?? ownLogger!;
  const dataDir = path.resolve(opts.dataDir ?? path.join(repoRoot, '.afterglow'));
  const clock = opts.clock ?? systemClock;
  // Shut down in reverse order of start-up, also when start-up fails half-way.
  const cleanups: Array<() => Promise<unknown> | unknown> = [() => ownLogger?.close()];
  const close = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()!();
      } catch (err) {
        log.error('shutdown step failed', { error: String(err) });
      }
    }
  };

  try {
    // Before anything else: a missing production key must stop the start, not a half-started server.
    const keys = loadSecretKeys({ key: opts.secretKey, previous: opts.previousSecretKeys, production: opts.production ?? false,
      dataDir, mayCreate: serves, log: (line) => log.info(line) });
    let url = opts.databaseUrl;
    if (!url) {
      if (role === 'worker') throw new Error('--role=worker needs DATABASE_URL: the database the web process uses');
      const pg = await startEmbeddedPostgres({ ...opts.embedded, dataDir: path.join(dataDir, 'pg'), log: () => {} });
      cleanups.push(() => pg.stop());
      url = await ensureDatabase(pg.url, 'afterglow');
      describeEmbedded(pg, url, (line) => log.info(line));
    }
    // Workers expect a migrated database: migrating from several processes at once could race.
    if (serves) await runMigrations(url);
    const database = openDatabase(url, { secrets: createSecretBox(keys) });
    cleanups.push(() => database.close());
    cleanups.push(logAvailability(database.availability, log.child({ component: 'database' })));

    const registry = createRegistry(opts.plugins ?? enabledPlugins);
    // Plain values from before encryption, and values of a previous key, are sealed under the current one.
    if (serves) {
      const sealed = await sealStoredSecrets(database, registry);
      const count = Object.values(sealed.sealed).reduce((a, b) => a + b, 0);
      if (count > 0) log.info(`Sealed the secrets of ${count} stored rows with ${describeKeys(keys)}`);
    }

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

    // Links in emails point here; with port 0 the real port is known only once listening.
    let linkBase = opts.publicUrl ?? `http://localhost:${opts.port || 3000}`;
    const metrics = createMetrics({ sql: database.sql, now: () => clock.now() });
    const engine = createEngine({
      database, registry, clock, mailer, publicUrl: () => linkBase, allowPrivateWebhookTargets: opts.webhookAllowPrivate ?? false,
      log, metrics: metrics.engine,
    });
    // Its worker threads start on the first template a request brings, not before.
    const templateSandbox = createTemplateSandbox({ log: (line) => log.child({ component: 'sandbox' }).warn(line) });
    cleanups.push(() => templateSandbox.close());
    const httpLog = log.child({ component: 'http' });
    const apiDeps: ApiDeps = {
      database, registry, clock, engine, templateSandbox, secureCookies: opts.publicUrl?.startsWith('https:') ?? false,
      publicUrl: () => linkBase, publicOrigin: opts.publicUrl, trustedProxies: opts.trustedProxies ?? 0, log: httpLog,
    };

    let demo: Afterglow['demo'] = null;
    if (serves) {
      demo = await ensureDemo({
        database, dataDir, now: clock.now(), create: opts.seed ?? false, ingestKey: opts.ingestKey, shopifyWebhookSecret: opts.shopifyWebhookSecret,
        log: (line) => log.info(line),
        publish: (journeyId, userId) => publishJourney(apiDeps, journeyId, userId),
      });
    }
    const needsOwner = serves && (await hasNoUser(database));

    const metricsHandler = createMetricsHandler({ registry: metrics.registry, token: opts.metricsToken });
    if (role === 'worker' && opts.metricsPort) cleanups.push(await serveMetricsAlone(metricsHandler, opts.metricsPort));
    if (runsWorkers) {
      await engine.start();
      cleanups.push(() => engine.stop());
    }

    let port = 0;
    let publicUrl = '';
    let bounceSmtpPort: number | null = null;
    if (serves) {
      const ingestDeps: IngestDeps = {
        database, clock,
        // The engine types its parameter as the pool type; a transaction offers the same queries.
        onEventsStored: (tx, events) => engine.enrolEvents(tx as unknown as Database['sql'], events),
        afterCommit: () => engine.wake(),
        log: log.child({ component: 'ingest' }),
      };
      // Counted in the ingestion transaction: a transaction retried after a conflict counts its events again (rare).
      const from = (source: string): IngestDeps => ({ ...ingestDeps, onEventsStored: (tx, events) => {
        metrics.ingested(source, events.length);
        return ingestDeps.onEventsStored(tx, events);
      } });
      const server = http.createServer(createRequestListener({
        database,
        trpc: createTrpcHandler(apiDeps),
        exports: createExportHandler(apiDeps),
        ingest: createIngestHandler(from('api')),
        loyalty: createLoyaltyApiHandler(from('loyalty')),
        shopify: createShopifyWebhookHandler(from('shopify')),
        bounces: createBounceWebhookHandler({ database, clock, log: ingestDeps.log }),
        relays: createRelayWebhookHandler({ database, clock, log: ingestDeps.log }),
        hooks: createPluginRouteHandler({ ...from('hooks'), registry, publicUrl: () => linkBase, log }),
        recipients: createPublicHandler({ database, clock, log: httpLog, publicUrl: () => linkBase, onEventsStored: from('links').onEventsStored, afterCommit: ingestDeps.afterCommit }),
        metrics: metricsHandler,
        webDistDir: opts.webDistDir ?? webDistDir,
        log: httpLog,
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
      if (opts.bounceSmtpPort !== undefined) {
        const listener = await startBounceListener({ database, clock, port: opts.bounceSmtpPort, host: opts.bounceSmtpHost, log: ingestDeps.log })
          .catch((err: NodeJS.ErrnoException) => {
            throw err.code === 'EADDRINUSE' ? new Error(`Port ${opts.bounceSmtpPort} is taken; set BOUNCE_SMTP_PORT to another one`) : err;
          });
        cleanups.push(() => listener.close());
        bounceSmtpPort = listener.port;
      }
      publicUrl = opts.publicUrl ?? `http://localhost:${port}`;
      linkBase = publicUrl;
    }

    let closing: Promise<void> | null = null;
    return {
      url: publicUrl, port, database, engine, smtpDevPort, bounceSmtpPort, demo, needsOwner,
      firstRunCode: needsOwner ? firstRunCode(database.secrets) : null, close: () => (closing ??= close()),
    };
  } catch (err) {
    await close();
    throw err;
  }
}

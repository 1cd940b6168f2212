// `node apps/server [--role=all|web|worker]`: reads the environment, starts Afterglow,
// prints where to go (and the demo's secrets, the one time it is created), and shuts down
// cleanly on SIGINT/SIGTERM.
import { startAfterglow, type Role } from './app';
import { readEnv } from './env';
import { demoSecretsFile } from './seed/secrets';
import { createProcessLogger } from './logger';

function parseRole(args: string[]): Role {
  const arg = args.find((a) => a.startsWith('--role='));
  const role = arg ? arg.slice('--role='.length) : 'all';
  if (role !== 'all' && role !== 'web' && role !== 'worker') {
    throw new Error(`Unknown role "${role}": use --role=all, --role=web or --role=worker`);
  }
  return role;
}

async function main() {
  const role = parseRole(process.argv.slice(2));
  const env = readEnv();
  const logger = createProcessLogger({ level: env.logLevel, format: env.logFormat });
  const app = await startAfterglow({
    logger,
    role,
    databaseUrl: env.databaseUrl,
    dataDir: env.dataDir,
    port: env.port,
    smtpDevPort: env.smtpDevPort,
    smtpUrl: env.smtpUrl,
    ingestKey: env.ingestKey,
    shopifyWebhookSecret: env.shopifyWebhookSecret,
    publicUrl: env.publicUrl,
    webhookAllowPrivate: env.webhookAllowPrivate,
    seed: env.demo,
    secretKey: env.secretKey,
    previousSecretKeys: env.previousSecretKeys,
    production: env.production,
    trustedProxies: env.trustedProxies,
    metricsToken: env.metricsToken,
    metricsPort: env.metricsPort,
    bounceSmtpPort: env.bounceSmtpPort,
    bounceSmtpHost: env.bounceSmtpHost,
  });

  const lines = ['', `Afterglow is running (role: ${role})`];
  if (app.url) lines.push(`  Open          ${app.url}`);
  if (app.firstRunCode) {
    lines.push(`  First run     open the app to create the owner account and workspace, with the set-up code ${app.firstRunCode}`);
  }
  if (app.demo) {
    lines.push(`  Demo login    ${app.demo.email} / ${app.demo.password}   (shown this once; kept in ${demoSecretsFile(env.dataDir)})`);
    lines.push(`  Ingestion key ${app.demo.ingestKey}`);
    lines.push(`  Try it        curl -u '${app.demo.ingestKey}:' ${app.url || 'http://localhost:3000'}/v1/track -H 'content-type: application/json' \\`);
    lines.push(`                  -d '{"userId":"cust_0001","event":"Order Completed","properties":{"order_id":"demo-1","total":89.95,"currency":"EUR","products":[{"product_id":"prod_0001","name":"Red Star Home Jersey 2025","price":89.95,"quantity":1}]}}'`);
  }
  if (app.bounceSmtpPort !== null) lines.push(`  Bounce SMTP   port ${app.bounceSmtpPort} (bounces to the workspaces' return-path domains)`);
  if (app.smtpDevPort !== null) lines.push(`  Dev SMTP sink 127.0.0.1:${app.smtpDevPort} (emails appear on the Outbox page)`);
  console.log(`${lines.join('\n')}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    const exit = (code: number) => { logger.close(); process.exit(code); };
    // A stuck step must not keep the process alive forever.
    setTimeout(() => { logger.error('shutdown took too long; exiting'); exit(1); }, 15_000).unref();
    app.close().then(() => exit(0), (err) => { logger.error('shutdown failed', { error: String(err) }); exit(1); });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`Afterglow could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

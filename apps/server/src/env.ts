// The only reader of process.env in the server: every setting is parsed and checked here,
// so a typo fails at start-up with the variable's name instead of misbehaving later.
import { parseSecretKey } from '@afterglow/db';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LOG_LEVELS, type LogFormat, type LogLevel } from './logger';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const optionalText = z.string().trim().optional().transform((v) => (v ? v : undefined));
const keyList = (text: string | undefined) => (text ?? '').split(/[\s,]+/).filter(Boolean);
const KEY_FORMAT = 'must be 32 random bytes in base64 (make one with: openssl rand -base64 32)';

const envSchema = z.object({
  PORT: port(3000),
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }).optional()),
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' }).optional()),
  SMTP_DEV_PORT: port(2525),
  AFTERGLOW_INGEST_KEY: optionalText.pipe(z.string().min(16, 'AFTERGLOW_INGEST_KEY must be at least 16 characters').optional()),
  AFTERGLOW_DATA_DIR: optionalText,
  SHOPIFY_WEBHOOK_SECRET: optionalText.pipe(z.string().min(8, 'SHOPIFY_WEBHOOK_SECRET must be at least 8 characters').optional()),
  AFTERGLOW_PUBLIC_URL: optionalText.pipe(z.url({ error: 'AFTERGLOW_PUBLIC_URL must be a URL such as https://afterglow.example.com' }).optional()),
  // Development only: Call webhook steps may then reach localhost and private networks.
  AFTERGLOW_WEBHOOK_ALLOW_PRIVATE: z.enum(['', '0', '1'], { error: 'AFTERGLOW_WEBHOOK_ALLOW_PRIVATE must be 1 or 0' }).default('0'),
  // 1: seed the demo shop into a new database; 0: never (a first-run page creates the owner).
  AFTERGLOW_DEMO: z.enum(['', '0', '1'], { error: 'AFTERGLOW_DEMO must be 1 or 0' }).default(''),
  // Seals the secrets stored in the database; earlier keys (comma-separated) still open what they sealed.
  AFTERGLOW_SECRET_KEY: optionalText.refine((v) => v === undefined || parseSecretKey(v) !== null, `AFTERGLOW_SECRET_KEY ${KEY_FORMAT}`),
  AFTERGLOW_SECRET_KEY_PREVIOUS: optionalText.refine((v) => keyList(v).every((k) => parseSecretKey(k) !== null),
    `AFTERGLOW_SECRET_KEY_PREVIOUS: each key (separated by commas) ${KEY_FORMAT}`),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LOG_FORMAT: z.enum(['', 'json', 'pretty'], { error: 'LOG_FORMAT must be json or pretty' }).default(''),
  NODE_ENV: optionalText,
  // Reverse proxies in front of the app: X-Forwarded-For is believed for this many hops.
  AFTERGLOW_TRUSTED_PROXIES: z.coerce.number({ error: 'AFTERGLOW_TRUSTED_PROXIES must be a number of proxies, e.g. 1' })
    .int('AFTERGLOW_TRUSTED_PROXIES must be a whole number').min(0, 'AFTERGLOW_TRUSTED_PROXIES must be 0 or more')
    .max(10, 'AFTERGLOW_TRUSTED_PROXIES must be at most 10').default(0),
  // Lets /metrics be scraped from other machines with this bearer token (without it: loopback only).
  // A --role=worker process serves /metrics on this port (it serves no other HTTP).
  AFTERGLOW_METRICS_PORT: optionalText.refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65_535),
    'AFTERGLOW_METRICS_PORT must be a port number'),
  AFTERGLOW_METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'AFTERGLOW_METRICS_TOKEN must be at least 16 characters').optional()),
  // The inbound bounce mailbox (SMTP) for the workspaces' return-path domains; unset: off.
  BOUNCE_SMTP_PORT: optionalText.refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65_535),
    'BOUNCE_SMTP_PORT must be a port number (25 where the return-path domain\'s MX points here)'),
  BOUNCE_SMTP_HOST: optionalText,
});

/** The demo by default only where it cannot be mistaken for a deployment: embedded database, not production. */
function demoWanted(env: z.infer<typeof envSchema>): boolean {
  if (env.AFTERGLOW_DEMO !== '') return env.AFTERGLOW_DEMO === '1';
  return env.NODE_ENV !== 'production' && !env.DATABASE_URL;
}

export interface ServerEnv {
  port: number;
  databaseUrl?: string;
  smtpUrl?: string;
  smtpDevPort: number;
  ingestKey?: string;
  shopifyWebhookSecret?: string;
  dataDir: string;
  publicUrl?: string;
  webhookAllowPrivate: boolean;
  /** Seed the demo shop into a new database. */
  demo: boolean;
  /** AFTERGLOW_SECRET_KEY; without it (not in production) a key is kept in the data directory. */
  secretKey?: Buffer;
  previousSecretKeys: Buffer[];
  /** NODE_ENV=production: no key is generated, AFTERGLOW_SECRET_KEY must be set. */
  production: boolean;
  logLevel: LogLevel;
  /** LOG_FORMAT, else JSON in production (NODE_ENV=production) or when stdout is not a terminal. */
  logFormat: LogFormat;
  trustedProxies: number;
  /** AFTERGLOW_METRICS_TOKEN: the bearer token /metrics asks of scrapers not on this machine. */
  metricsToken?: string;
  /** AFTERGLOW_METRICS_PORT: where a --role=worker process serves /metrics. */
  metricsPort?: number;
  /** BOUNCE_SMTP_PORT: where the bounce listener takes SMTP (off when unset). */
  bounceSmtpPort?: number;
  /** BOUNCE_SMTP_HOST: the interface it listens on (default: all). */
  bounceSmtpHost?: string;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env, stdoutIsTerminal = process.stdout.isTTY === true): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    smtpUrl: env.SMTP_URL,
    smtpDevPort: env.SMTP_DEV_PORT,
    ingestKey: env.AFTERGLOW_INGEST_KEY,
    shopifyWebhookSecret: env.SHOPIFY_WEBHOOK_SECRET,
    dataDir: path.resolve(env.AFTERGLOW_DATA_DIR ?? path.join(repoRoot, '.afterglow')),
    publicUrl: env.AFTERGLOW_PUBLIC_URL,
    webhookAllowPrivate: env.AFTERGLOW_WEBHOOK_ALLOW_PRIVATE === '1',
    demo: demoWanted(env),
    secretKey: env.AFTERGLOW_SECRET_KEY ? parseSecretKey(env.AFTERGLOW_SECRET_KEY)! : undefined,
    previousSecretKeys: keyList(env.AFTERGLOW_SECRET_KEY_PREVIOUS).map((k) => parseSecretKey(k)!),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT || (env.NODE_ENV === 'production' || !stdoutIsTerminal ? 'json' : 'pretty'),
    trustedProxies: env.AFTERGLOW_TRUSTED_PROXIES,
    metricsToken: env.AFTERGLOW_METRICS_TOKEN,
    metricsPort: env.AFTERGLOW_METRICS_PORT ? Number(env.AFTERGLOW_METRICS_PORT) : undefined,
    bounceSmtpPort: env.BOUNCE_SMTP_PORT ? Number(env.BOUNCE_SMTP_PORT) : undefined,
    bounceSmtpHost: env.BOUNCE_SMTP_HOST,
  };
}

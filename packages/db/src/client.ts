// One postgres.js pool per process, wrapped by drizzle for typed queries. Raw `sql` is
// exposed too: the engine's batch statements are clearer as SQL than as builder chains.
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { createAvailability, type DatabaseAvailability } from './availability';
import * as schema from './schema/index';
import type { SecretBox } from './secrets/box';

export type Schema = typeof schema;
export type Db = PostgresJsDatabase<Schema>;
export type Sql = postgres.Sql;
/** A pool or a transaction: what read/write helpers should accept. */
export type Queryable = postgres.Sql | postgres.TransactionSql;

export interface Database {
  url: string;
  sql: Sql;
  /** Connections the `sql` pool opens at most. */
  maxConnections: number;
  db: Db;
  /** Seals and opens the secrets kept in tables (AFTERGLOW_SECRET_KEY): every process needs the same keys. */
  secrets: SecretBox;
  /** Whether Postgres answers, as this process last saw it (the circuit breaker). */
  availability: DatabaseAvailability;
  close(): Promise<void>;
}

/**
 * An unreachable server fails a connection attempt after this long (postgres.js waits 30 s
 * by default); the first such failure opens the breaker, which answers the rest at once.
 */
const CONNECT_TIMEOUT_SECONDS = 5;

export function openDatabase(url: string, opts: { max?: number; secrets: SecretBox }): Database {
  const maxConnections = opts.max ?? 10;
  const sql = postgres(url, {
    max: maxConnections,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    onnotice: () => {},
  });
  // drizzle rewrites its client's date serializers and parsers (dates become strings), so
  // it gets a connection pool of its own and raw `sql` keeps Date in, Date out.
  const drizzleClient = postgres(url, { max: 4, connect_timeout: CONNECT_TIMEOUT_SECONDS, onnotice: () => {} });
  const db = drizzle(drizzleClient, { schema });
  const availability = createAvailability(url, { connectTimeoutSeconds: CONNECT_TIMEOUT_SECONDS });
  return {
    url, sql, db, maxConnections, secrets: opts.secrets, availability,
    close: async () => {
      availability.close();
      await Promise.all([sql.end({ timeout: 5 }), drizzleClient.end({ timeout: 5 })]);
    },
  };
}

/** Creates `name` on the server behind `adminUrl` unless it exists; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as one from pg_database where datname = ${name}`;
    if (!row) {
      const tpl = template ? ` template "${template}"` : '';
      await admin.unsafe(`create database "${name}"${tpl}`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

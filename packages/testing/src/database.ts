// Where a journey test's database comes from. Each harness gets a database of its own, cloned
// from a migrated template (CREATE DATABASE … TEMPLATE copies files: milliseconds, against
// seconds for running the migrations), so tests never share state and need no clean-up between
// them; it is dropped when the harness closes. The server is the one AFTERGLOW_TEST_DATABASE_URL
// names (this repository's test run sets it to its run-wide embedded server) or, without it, an
// embedded PostgreSQL this process starts on first use (embedded-server.ts).
import { createSecretBox, openDatabase, runMigrations, type Database } from '@afterglow/db';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { acquireEmbeddedServer } from './embedded-server';
import { testServerEnv } from './env';

const OWN_TEMPLATE = 'afterglow_journey_test_template';

export interface TestDatabase {
  database: Database;
  /** Closes the pools, drops the database and lets go of the server. */
  close(): Promise<void>;
}

interface Server {
  adminUrl: string;
  template: string;
  release(): Promise<void>;
}

const withAdmin = async <T>(adminUrl: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> => {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
};

const urlOf = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * Our own template on a server: made and migrated once per process, under an advisory lock that
 * every clone takes too (a clone fails while anyone is connected to its template).
 */
const LOCK = `select pg_advisory_lock(hashtext('afterglow:journey-test-template'))`;
const UNLOCK = `select pg_advisory_unlock(hashtext('afterglow:journey-test-template'))`;
const migrated = new Set<string>();

async function ensureOwnTemplate(adminUrl: string): Promise<void> {
  if (migrated.has(adminUrl)) return;
  await withAdmin(adminUrl, async (sql) => {
    await sql.unsafe(LOCK);
    try {
      const [found] = await sql`select 1 as one from pg_database where datname = ${OWN_TEMPLATE}`;
      if (!found) await sql.unsafe(`create database "${OWN_TEMPLATE}"`);
      await runMigrations(urlOf(adminUrl, OWN_TEMPLATE));
    } finally {
      await sql.unsafe(UNLOCK);
    }
  });
  migrated.add(adminUrl);
}

async function acquireServer(): Promise<Server> {
  const env = testServerEnv();
  if (env.adminUrl) {
    if (!env.template) await ensureOwnTemplate(env.adminUrl);
    return { adminUrl: env.adminUrl, template: env.template ?? OWN_TEMPLATE, release: async () => {} };
  }
  const server = await acquireEmbeddedServer();
  try {
    await ensureOwnTemplate(server.adminUrl);
  } catch (err) {
    await server.release();
    throw err;
  }
  return { adminUrl: server.adminUrl, template: OWN_TEMPLATE, release: server.release };
}

/** A new, migrated, empty database; secrets sealed with a key of its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = await acquireServer();
  const name = `journey_test_${randomBytes(6).toString('hex')}`;
  try {
    await withAdmin(server.adminUrl, async (sql) => {
      await sql.unsafe(LOCK);
      try {
        await sql.unsafe(`create database "${name}" template "${server.template}"`);
      } finally {
        await sql.unsafe(UNLOCK);
      }
    });
  } catch (err) {
    await server.release();
    throw err;
  }
  const database = openDatabase(urlOf(server.adminUrl, name), { secrets: createSecretBox({ current: randomBytes(32) }) });
  return {
    database,
    async close() {
      try {
        await database.close();
        await withAdmin(server.adminUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
      } finally {
        await server.release();
      }
    },
  };
}

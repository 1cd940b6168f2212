// One embedded PostgreSQL for the whole test run; a migrated template database that each
// test file clones (CREATE DATABASE ... TEMPLATE) so files never share state.
import { ensureDatabase, runMigrations, startEmbeddedPostgres, type EmbeddedDatabase } from '@afterglow/db';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

let pg: EmbeddedDatabase | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-test-'));
    chmodSync(dir, 0o755); // the server runs as the postgres OS user when we are root
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), fast: true });
    adminUrl = pg.url;
  }
  const template = 'afterglow_test_template';
  const url = await ensureDatabase(adminUrl, template);
  await runMigrations(url);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  // createJourneyTest (@afterglow/testing) clones the same template on the same server; test
  // processes are forked after this, with this environment.
  process.env.AFTERGLOW_TEST_DATABASE_URL = adminUrl;
  process.env.AFTERGLOW_TEST_TEMPLATE = template;
}

export async function teardown() {
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

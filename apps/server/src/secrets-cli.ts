// `pnpm secrets:rotate`: seals every stored secret under the current AFTERGLOW_SECRET_KEY,
// opening older values with AFTERGLOW_SECRET_KEY_PREVIOUS (and the data directory's key), then
// says whether the previous keys can go. It runs the pass every serving start runs, so
// restarting Afterglow does the same; this command also reports, and works on DATABASE_URL
// while Afterglow keeps running. The embedded database is used only while Afterglow is stopped.
import { sealStoredSecrets, type SealReport } from '@afterglow/api';
import { createSecretBox, ensureDatabase, openDatabase, runMigrations, startEmbeddedPostgres } from '@afterglow/db';
import { createRegistry } from '@afterglow/nodes';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readEnv } from './env';
import { enabledPlugins } from './plugins';
import { describeKeys, loadSecretKeys } from './secret-key';

/** The embedded server of this data directory is running (its postmaster.pid names a live process). */
function embeddedRunning(pgDir: string): boolean {
  try {
    process.kill(Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]), 0);
    return true;
  } catch {
    return false;
  }
}

async function sealAll(url: string, keys: ReturnType<typeof loadSecretKeys>): Promise<SealReport> {
  await runMigrations(url);
  const database = openDatabase(url, { max: 2, secrets: createSecretBox(keys) });
  try {
    return await sealStoredSecrets(database, createRegistry(enabledPlugins));
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  const env = readEnv();
  const keys = loadSecretKeys({ key: env.secretKey, previous: env.previousSecretKeys, production: env.production,
    dataDir: env.dataDir, mayCreate: false, log: (line) => console.log(line) });
  let report: SealReport;
  if (env.databaseUrl) {
    report = await sealAll(env.databaseUrl, keys);
  } else {
    const pgDir = path.join(env.dataDir, 'pg');
    if (embeddedRunning(pgDir)) {
      throw new Error(`Afterglow is running on ${pgDir}: stop it and run this again, or just restart Afterglow (every start re-seals)`);
    }
    const pg = await startEmbeddedPostgres({ dataDir: pgDir });
    try {
      report = await sealAll(await ensureDatabase(pg.url, 'afterglow'), keys);
    } finally {
      await pg.stop();
    }
  }
  console.log(`Stored secrets sealed with ${describeKeys(keys)}:`);
  for (const [where, n] of Object.entries(report.sealed)) console.log(`  ${where.padEnd(36)} ${n} rows re-sealed`);
  if (report.busy > 0) {
    console.log(`${report.busy} webhook calls were being sent meanwhile: run this again to seal them too.`);
    return 1;
  }
  console.log('Everything stored is sealed with the current key: AFTERGLOW_SECRET_KEY_PREVIOUS (and a data directory secret.key '
    + 'other than the current key) can now be removed.');
  return 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(`secrets:rotate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

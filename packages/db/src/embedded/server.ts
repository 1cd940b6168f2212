// The server process: initdb once per cluster, then `postgres` as a child process (as the
// server's OS user when we are root). It is ready when its postmaster.pid says so (what
// `pg_ctl -w` checks, whatever the message language); its output goes to `log`, and its last
// lines explain a start that failed.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PostgresBinaries } from './binaries';
import { handTo, type OsUser } from './os-user';
import { SUPERUSER } from './password';

const READY_TIMEOUT_MS = 60_000;

export const isCluster = (dir: string) => existsSync(path.join(dir, 'PG_VERSION'));

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const asUser = (user: OsUser | null) => (user ? { uid: user.uid, gid: user.gid } : {});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a postgres left running by a killed process (its PID is postmaster.pid's first line). */
export function stopStaleServer(dir: string): void {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  // A PID taken since by another program is not ours to signal.
  const comm = `/proc/${pid}/comm`;
  const isPostgres = !existsSync('/proc/self') || (existsSync(comm) && readFileSync(comm, 'utf8').trim() === 'postgres');
  if (pid > 0 && isPostgres && alive(pid)) {
    process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 200 && alive(pid); i++) sleepSync(50);
  }
  if (!alive(pid)) rmSync(pidFile, { force: true });
}

/** Sends the child's output to `log` and keeps its last lines for error messages. */
function captureOutput(child: ChildProcess, log: (line: string) => void): () => string {
  const tail: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      log(line);
      tail.push(line);
      if (tail.length > 20) tail.shift();
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => tail.join('\n');
}

export async function initCluster(opts: {
  binaries: PostgresBinaries; dir: string; user: OsUser | null; password: string; fast: boolean; log: (line: string) => void;
}): Promise<void> {
  const { dir, user } = opts;
  mkdirSync(path.dirname(dir), { recursive: true });
  if (!existsSync(dir)) mkdirSync(dir, { mode: 0o700 });
  handTo(user, dir);
  // initdb reads the password from a file: one only the server's user can read, gone after.
  const pwfile = path.join(path.dirname(dir), `.initdb-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${opts.password}\n`, { mode: 0o600 });
  try {
    handTo(user, pwfile);
    const child = spawn(opts.binaries.initdb, [
      '-D', dir, `--username=${SUPERUSER}`, `--pwfile=${pwfile}`, '--auth=scram-sha-256',
      // UTF-8 whatever the environment's locale: the builtin provider needs no OS locale.
      '--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8',
      '--no-instructions', ...(opts.fast ? ['--no-sync'] : []),
    ], { ...asUser(user), stdio: ['ignore', 'pipe', 'pipe'] });
    const output = captureOutput(child, opts.log);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed for ${dir} (exit code ${code}):\n${output()}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function isReady(pidFile: string, pid: number | undefined): boolean {
  try {
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    return Number(lines[0]) === pid && lines[7]?.trim() === 'ready';
  } catch {
    return false;
  }
}

/** Starts the server and resolves once it accepts connections. */
export async function startServer(opts: {
  binaries: PostgresBinaries; dir: string; user: OsUser | null; port: number; flags: string[]; log: (line: string) => void;
}): Promise<ChildProcess> {
  const child = spawn(opts.binaries.postgres, ['-D', opts.dir, '-p', String(opts.port), ...opts.flags], {
    ...asUser(opts.user), stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child, opts.log);
  const pidFile = path.join(opts.dir, 'postmaster.pid');
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const settle = (error?: string) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      if (error) reject(new Error(`PostgreSQL did not start in ${opts.dir}: ${error}${output() ? `\n${output()}` : ''}`));
      else resolve();
    };
    const poll = setInterval(() => {
      if (isReady(pidFile, child.pid)) settle();
      else if (Date.now() > deadline) {
        child.kill('SIGQUIT');
        settle(`not ready after ${READY_TIMEOUT_MS / 1000} s`);
      }
    }, 25);
    child.once('error', (err) => settle(err.message));
    child.once('close', (code, signal) => settle(`it exited (${signal ?? `exit code ${code}`})`));
  });
  return child;
}

/** SIGINT: fast shutdown (sessions end, a checkpoint is written); SIGQUIT: immediate, like a crash. */
export function stopServer(child: ChildProcess, signal: 'SIGINT' | 'SIGQUIT'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

// Where the cluster lives: where it was asked for (.afterglow/pg) when the server's OS user can
// reach that place. When it cannot (root, with the checkout under a 0700 home), the cluster
// lives in <runtimeRoot>/<checkout>-<hash>/pg, one per asked-for path, and the asked-for path
// becomes a symbolic link to it: the data stays with the checkout across starts and is found
// where the README says. A cluster already at an unreachable place moves there, password too.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readlinkSync, realpathSync, renameSync, rmdirSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { reachableBy, type OsUser } from './os-user';
import { passwordFileOf } from './password';
import { isCluster, stopStaleServer } from './server';

export const DEFAULT_RUNTIME_ROOT = '/var/lib/afterglow';

export interface ClusterPlace {
  /** The cluster's real directory: what the server is given. */
  dir: string;
  /** The asked-for path when it is a link to `dir` (else null). */
  linkedFrom: string | null;
}

/** The path a link points to, also when its target is missing. */
function followLink(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink() ? path.resolve(path.dirname(p), readlinkSync(p)) : p;
  }
}

/** rename, or copy and delete when the two places are on different file systems. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    execFileSync('cp', ['-a', from, to]);
    rmSync(from, { recursive: true, force: true });
  }
}

function relocatedHome(askedPath: string, runtimeRoot: string): string {
  const checkout = path.dirname(path.dirname(askedPath)).split(path.sep).filter(Boolean).slice(-2).join('-').replace(/[^A-Za-z0-9]+/g, '-');
  const hash = createHash('sha256').update(askedPath).digest('hex').slice(0, 12);
  return path.join(runtimeRoot, `${checkout}-${hash}`);
}

function moveCluster(from: string, to: string, log: (line: string) => void): void {
  if (isCluster(to)) throw new Error(`Two PostgreSQL clusters for one checkout: ${from} and ${to}; remove the one you do not need`);
  stopStaleServer(from);
  move(from, to);
  if (existsSync(passwordFileOf(from)) && !existsSync(passwordFileOf(to))) move(passwordFileOf(from), passwordFileOf(to));
  log(`Moved the PostgreSQL cluster from ${from} to ${to}: the OS user "postgres" cannot reach the first`);
}

/** Makes `askedPath` a link to `target`, replacing an older link or the empty directory left behind. */
function linkTo(askedPath: string, target: string): void {
  const stat = lstatSync(askedPath, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink() && readlinkSync(askedPath) === target) return;
  if (stat?.isSymbolicLink()) unlinkSync(askedPath);
  else if (stat) {
    try {
      rmdirSync(askedPath);
    } catch {
      throw new Error(`${askedPath} holds files but no PostgreSQL cluster; move them away so Afterglow can link its data there`);
    }
  }
  symlinkSync(target, askedPath);
}

export function placeCluster(asked: string, user: OsUser | null, runtimeRoot: string, log: (line: string) => void): ClusterPlace {
  mkdirSync(path.dirname(asked), { recursive: true });
  const askedPath = path.join(realpathSync(path.dirname(asked)), path.basename(asked));
  const current = followLink(askedPath);
  if (reachableBy(user, path.dirname(current))) return { dir: current, linkedFrom: current === askedPath ? null : askedPath };

  const home = relocatedHome(askedPath, runtimeRoot);
  const target = path.join(home, 'pg');
  mkdirSync(home, { recursive: true });
  // Others may pass through (the server reaches its cluster) but not list (the password file is here).
  execFileSync('chmod', ['a+x', runtimeRoot]);
  execFileSync('chmod', ['0711', home]);
  if (!reachableBy(user, home)) throw new Error(`The OS user "${user?.name}" cannot reach ${home} either; set DATABASE_URL to a PostgreSQL server`);
  if (current !== target && isCluster(current)) moveCluster(current, target, log);
  linkTo(askedPath, target);
  return { dir: target, linkedFrom: askedPath };
}

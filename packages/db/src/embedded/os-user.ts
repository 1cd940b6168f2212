// PostgreSQL refuses to run as root: as root the embedded server runs as the OS user
// `postgres` (created when missing), and everything it opens must be reachable by that user,
// which is not the case for a checkout under a 0700 home directory.
import { execFileSync, spawnSync } from 'node:child_process';

export const SERVER_OS_USER = 'postgres';

export interface OsUser { name: string; uid: number; gid: number }

function lookUp(name: string): OsUser | null {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { name, uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

/** The user the server runs as: null when we are not root (it then runs as us). */
export function serverOsUser(): OsUser | null {
  if (process.getuid?.() !== 0) return null;
  const existing = lookUp(SERVER_OS_USER);
  if (existing) return existing;
  try {
    execFileSync('groupadd', ['-f', '--system', SERVER_OS_USER], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '-g', SERVER_OS_USER, '-M', '-s', '/usr/sbin/nologin', SERVER_OS_USER], { stdio: 'ignore' });
  } catch (err) {
    throw new Error(`Running as root, embedded PostgreSQL needs an OS user "${SERVER_OS_USER}" and could not create it (${String(err)})`, { cause: err });
  }
  const created = lookUp(SERVER_OS_USER);
  if (!created) throw new Error(`The OS user "${SERVER_OS_USER}" was created but cannot be found`);
  return created;
}

/**
 * Whether `user` may search (`x`) or read (`r`) `target`, every directory on the way
 * included: asked of the system as that user, so ACLs and mount options count too.
 */
export function reachableBy(user: OsUser | null, target: string, access: 'x' | 'r' = 'x'): boolean {
  if (!user) return true;
  const probe = spawnSync('/bin/sh', ['-c', `test -${access} "$1"`, 'sh', target], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return probe.status === 0;
}

/** Gives `target` to the server's user (as root), so the server may write it. */
export function handTo(user: OsUser | null, target: string): void {
  if (user) execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, target]);
}

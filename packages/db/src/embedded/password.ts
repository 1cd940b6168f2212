// The superuser's password: random per cluster, made before the cluster is initialised and
// kept beside it in <cluster>/../postgres-password (0600: only whoever starts Afterglow reads
// it). Clusters initialised before this used the fixed word "afterglow"; the first start after
// sets the file's password on them (adoptPassword), so they keep working.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

export const SUPERUSER = 'postgres';
const LEGACY_PASSWORD = 'afterglow';

export const passwordFileOf = (clusterDir: string) => path.join(path.dirname(clusterDir), 'postgres-password');

function readPassword(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** The cluster's password, made (random, 0600) when there is none yet. */
export function passwordFor(clusterDir: string): string {
  const file = passwordFileOf(clusterDir);
  const saved = readPassword(file);
  if (saved) return saved;
  const made = randomBytes(24).toString('base64url');
  try {
    writeFileSync(file, `${made}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process starting the same cluster wrote it first.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && readPassword(file)) return readPassword(file)!;
    throw err;
  }
  chmodSync(file, 0o600);
  return made;
}

/** Runs `then` on a connection made with `password`; false when the server refuses the password. */
async function withPassword(port: number, password: string, then?: (sql: postgres.Sql) => Promise<unknown>): Promise<boolean> {
  const sql = postgres({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres', max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await sql`select 1`;
    await then?.(sql);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === '28P01') return false; // invalid_password
    throw err;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Makes sure `password` opens the running cluster, replacing the old fixed one if that is what it has. */
export async function adoptPassword(port: number, password: string, clusterDir: string): Promise<void> {
  if (await withPassword(port, password)) return;
  // ALTER ROLE takes no parameters: the literal is quoted by hand.
  const literal = `'${password.replaceAll("'", "''")}'`;
  const replaced = await withPassword(port, LEGACY_PASSWORD, (sql) => sql.unsafe(`alter role ${SUPERUSER} password ${literal}`));
  if (!replaced) {
    throw new Error(`The password in ${passwordFileOf(clusterDir)} does not open the PostgreSQL cluster in ${clusterDir}; restore the file that was beside it`);
  }
}

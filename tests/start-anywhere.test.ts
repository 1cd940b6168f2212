// `pnpm start` wherever a newcomer clones. As root, embedded PostgreSQL runs as the OS user
// postgres, which cannot enter a 0700 home: a checkout-like tree there (its binaries reached
// through the checkout, as node_modules would be) must still start, keep its data across
// starts, and leave the home as closed as it was. Also: every cluster has its own password.
import { openDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '@afterglow/db';
import { startAfterglow } from '@afterglow/server';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedBinariesDir } from '../packages/db/src/embedded/binaries';
import { serverOsUser } from '../packages/db/src/embedded/os-user';
import { initCluster } from '../packages/db/src/embedded/server';
import { testSecrets } from './support/secrets';

const asRoot = process.getuid?.() === 0;
let scratch: string;
/** Like /root: other users cannot enter it. */
let home: string;
/** Where the cluster and the binaries' copy go when the checkout is unreachable (/var/lib/afterglow by default). */
let runtimeRoot: string;
/** The binaries as a checkout's node_modules holds them: inside the closed home. */
let binariesDir: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'afterglow-anywhere-'));
  chmodSync(scratch, 0o755);
  home = path.join(scratch, 'home');
  mkdirSync(path.join(home, 'afterglow'), { recursive: true });
  chmodSync(home, 0o700);
  runtimeRoot = path.join(scratch, 'runtime');
  binariesDir = path.join(home, 'afterglow', 'postgres-binaries');
  symlinkSync(await installedBinariesDir(), binariesDir);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const start = (dataDir: string) => startEmbeddedPostgres({ dataDir, runtimeRoot, binariesDir, fast: true });

async function query<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The server's answer to the old fixed password. */
const oldPasswordRefused = (pg: EmbeddedDatabase) =>
  query(`postgres://postgres:afterglow@127.0.0.1:${pg.port}/postgres`, (sql) => sql`select 1`).then(() => false, (err) => err.code === '28P01');

function expectOwnPassword(pg: EmbeddedDatabase) {
  expect(statSync(pg.passwordFile).mode & 0o777).toBe(0o600);
  const password = readFileSync(pg.passwordFile, 'utf8').trim();
  expect(password.length).toBeGreaterThanOrEqual(32);
  expect(new URL(pg.url).password).toBe(encodeURIComponent(password));
}

describe.runIf(asRoot)('as root, with the checkout under a 0700 directory', () => {
  it('runs the cluster from a reachable place linked from the checkout, and keeps its data', async () => {
    const asked = path.join(home, 'afterglow', '.afterglow', 'pg');
    let pg = await start(asked);
    try {
      expect(pg.dataDir.startsWith(`${runtimeRoot}${path.sep}`)).toBe(true);
      expect(pg.linkedFrom).toBe(asked);
      expect(lstatSync(asked).isSymbolicLink()).toBe(true);
      expect(readdirSync(runtimeRoot).filter((name) => name.startsWith('postgres-18'))).toHaveLength(1);
      expectOwnPassword(pg);
      expect(path.dirname(pg.passwordFile)).toBe(path.dirname(pg.dataDir));
      expect(await oldPasswordRefused(pg)).toBe(true);
      await query(pg.url, (sql) => sql`create table kept (note text); insert into kept values ('still here')`.simple());
    } finally {
      await pg.stop();
    }
    pg = await start(asked);
    try {
      expect(pg.linkedFrom).toBe(asked);
      expect(await query(pg.url, (sql) => sql`select note from kept`)).toEqual([{ note: 'still here' }]);
    } finally {
      await pg.stop();
    }
    expect(statSync(home).mode & 0o777).toBe(0o700);
  });

  it('moves a cluster whose directory became unreachable, with its password', async () => {
    const project = path.join(scratch, 'project');
    const asked = path.join(project, '.afterglow', 'pg');
    mkdirSync(project, { recursive: true });
    chmodSync(project, 0o755);
    let pg = await start(asked);
    expect(pg.dataDir).toBe(asked);
    expect(pg.linkedFrom).toBeNull();
    const password = readFileSync(pg.passwordFile, 'utf8');
    await query(pg.url, (sql) => sql`create table kept (note text); insert into kept values ('moved')`.simple());
    await pg.stop();

    chmodSync(project, 0o700);
    pg = await start(asked);
    try {
      expect(pg.dataDir.startsWith(`${runtimeRoot}${path.sep}`)).toBe(true);
      expect(pg.linkedFrom).toBe(asked);
      expect(readFileSync(pg.passwordFile, 'utf8')).toBe(password);
      expect(await query(pg.url, (sql) => sql`select note from kept`)).toEqual([{ note: 'moved' }]);
    } finally {
      await pg.stop();
    }
  });

  it('starts the whole app there and says where the data lives', { timeout: 120_000 }, async () => {
    const dataDir = path.join(home, 'afterglow', 'data');
    const lines: string[] = [];
    const app = await startAfterglow({
      dataDir, embedded: { runtimeRoot, binariesDir }, port: 0, smtpDevPort: 0, seed: false,
      webDistDir: path.join(scratch, 'no-dist'), log: (line) => lines.push(line),
    });
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      const status = await fetch(`${app.url}/trpc/setup.status`).then((r) => r.json());
      expect(status.result.data).toEqual({ needsOwner: true });
      const said = lines.join('\n');
      expect(said).toContain(`data in ${runtimeRoot}${path.sep}`);
      expect(said).toContain(`linked from ${path.join(dataDir, 'pg')}`);
      // The superuser's password stays in its file: the log names the file instead.
      const passwordFile = path.join(path.dirname(realpathSync(path.join(dataDir, 'pg'))), 'postgres-password');
      expect(said).toContain(`$(cat ${passwordFile})`);
      expect(said).not.toContain(readFileSync(passwordFile, 'utf8').trim());
    } finally {
      await app.close();
    }
  });
});

describe.runIf(!asRoot)('as an ordinary user', () => {
  it('keeps the cluster where it was asked for, also under a 0700 directory', async () => {
    const pg = await start(path.join(home, 'afterglow', '.afterglow', 'pg'));
    try {
      expect(pg.dataDir).toBe(path.join(home, 'afterglow', '.afterglow', 'pg'));
      expect(pg.linkedFrom).toBeNull();
      expectOwnPassword(pg);
    } finally {
      await pg.stop();
    }
  });
});

describe('a cluster made with the old fixed password "afterglow"', () => {
  it('gets a password of its own at its next start, and still opens', async () => {
    const dir = path.join(scratch, 'legacy', 'pg');
    const binaries = { dir: await installedBinariesDir(), initdb: '', postgres: '' };
    binaries.initdb = path.join(binaries.dir, 'bin', 'initdb');
    binaries.postgres = path.join(binaries.dir, 'bin', 'postgres');
    await initCluster({ binaries, dir, user: serverOsUser(), password: 'afterglow', fast: true, log: () => {} });
    expect(existsSync(path.join(scratch, 'legacy', 'postgres-password'))).toBe(false);

    const pg = await start(dir);
    try {
      expectOwnPassword(pg);
      expect(await oldPasswordRefused(pg)).toBe(true);
      const database = openDatabase(pg.url, { max: 1, secrets: testSecrets() });
      expect(await database.sql`select current_user as who`).toEqual([{ who: 'postgres' }]);
      await database.close();
    } finally {
      await pg.stop();
    }
  });
});

// Production mode: no demo, and a first-run page whose two procedures create the one owner
// while no account exists (race-safe), sign them in, and refuse afterwards.
import type { Database } from '@afterglow/db';
import { startAfterglow, type Afterglow } from '@afterglow/server';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../apps/server/src/env';
import { claimFirstAccount, createFirstOwner } from '../packages/api/src/setup/first-owner';
import { createTestDatabase } from './support/db';

let database: Database;
let app: Afterglow;
let dataDir: string;

const start = (seed: boolean) => startAfterglow({
  databaseUrl: database.url, dataDir, port: 0, smtpDevPort: 0, seed, webDistDir: path.join(dataDir, 'no-dist'), log: () => {},
});

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-first-run-'));
  app = await start(false);
});

afterAll(async () => {
  await app?.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function trpc(pathName: string, input?: unknown, cookie?: string) {
  const res = await fetch(`${app.url}/trpc/${pathName}`, {
    method: input === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  return { status: res.status, body: await res.json(), cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

const owner = { name: 'Ana Owner', email: 'ana@shop.example', password: 'correct horse battery', workspaceName: 'Ana’s Shop' };

describe('production mode', () => {
  it('is NODE_ENV=production or AFTERGLOW_DEMO=0; the demo is the default only on the embedded database', () => {
    expect(readEnv({}).demo).toBe(true);
    expect(readEnv({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(readEnv({ AFTERGLOW_DEMO: '0' }).demo).toBe(false);
    expect(readEnv({ DATABASE_URL: 'postgres://u:p@db.example/afterglow' }).demo).toBe(false);
    expect(readEnv({ DATABASE_URL: 'postgres://u:p@db.example/afterglow', AFTERGLOW_DEMO: '1' }).demo).toBe(true);
    expect(() => readEnv({ AFTERGLOW_DEMO: 'yes' })).toThrow(/AFTERGLOW_DEMO must be 1 or 0/);
  });

  it('seeds nothing and asks for an owner', async () => {
    expect(app.demo).toBeNull();
    expect(app.needsOwner).toBe(true);
    const [{ workspaces, users }] = await database.sql`
      select (select count(*)::int from workspaces) as workspaces, (select count(*)::int from users) as users`;
    expect({ workspaces, users }).toEqual({ workspaces: 0, users: 0 });
    expect((await trpc('setup.status')).body.result.data).toEqual({ needsOwner: true });
  });

  it('prints a set-up code and refuses to create the owner without it', async () => {
    expect(app.firstRunCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const wrong = await trpc('setup.createOwner', { ...owner, setupCode: 'AAAAA-AAAAA' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.data.field).toBe('setupCode');
    expect((await trpc('setup.createOwner', { ...owner, setupCode: '' })).body.error.data.issues[0].field).toBe('setupCode');
    expect((await trpc('setup.status')).body.result.data).toEqual({ needsOwner: true });
  });

  it('refuses bad input naming the field', async () => {
    const res = await trpc('setup.createOwner', { ...owner, setupCode: app.firstRunCode, password: 'short', email: 'not-an-email' });
    expect(res.status).toBe(400);
    const fields = res.body.error.data.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['email', 'password']);
    expect((await trpc('setup.status')).body.result.data).toEqual({ needsOwner: true });
  });

  it('creates one owner when several ask at once, signs them in, then refuses', async () => {
    const attempts = await Promise.all([0, 1, 2, 3, 4].map((i) =>
      // Typed as people copy it: lower case, without the dash.
      trpc('setup.createOwner', { ...owner, setupCode: app.firstRunCode!.toLowerCase().replace('-', ''), email: `owner${i}@shop.example`, workspaceName: `Shop ${i}` })));
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = attempts.find((a) => a.status === 200)!;
    expect(winner.body.result.data).toMatchObject({ role: 'owner', name: owner.name });
    const me = await trpc('auth.me', undefined, winner.cookie);
    expect(me.body.result.data).toMatchObject({ role: 'owner', email: winner.body.result.data.email, workspaceName: winner.body.result.data.workspaceName });
    const [{ workspaces, users }] = await database.sql`
      select (select count(*)::int from workspaces) as workspaces, (select count(*)::int from users) as users`;
    expect({ workspaces, users }).toEqual({ workspaces: 1, users: 1 });
    expect((await trpc('setup.status')).body.result.data).toEqual({ needsOwner: false });
    expect((await trpc('setup.createOwner', { ...owner, setupCode: app.firstRunCode, email: 'late@shop.example' })).status).toBe(409);
    const login = await trpc('auth.login', { email: winner.body.result.data.email, password: owner.password });
    expect(login.status).toBe(200);
  });

  it('a start in demo mode does not seed the demo over an existing owner', async () => {
    await app.close();
    app = await start(true);
    expect(app.demo).toBeNull();
    expect(app.needsOwner).toBe(false);
    expect(await database.sql`select id from workspaces where id = 'ws_demo'`).toEqual([]);
  });
});

describe('the first account', () => {
  it('is claimed under a lock: a creation waits for one in flight, then finds its owner and makes none', async () => {
    const db = await createTestDatabase();
    try {
      let claimed!: () => void;
      let release!: () => void;
      const hasClaimed = new Promise<void>((r) => { claimed = r; });
      const released = new Promise<void>((r) => { release = r; });
      const first = db.sql.begin(async (tx) => {
        const free = await claimFirstAccount(tx);
        await tx`insert into users (id, workspace_id, email, name, password_hash, role) values ('usr_first', 'ws_first', 'first@shop.example', 'First', 'x:y', 'owner')`;
        claimed();
        await released;
        return free;
      });
      await hasClaimed;
      const second = createFirstOwner(db, { ...owner, email: 'second@shop.example' }, new Date());
      let secondDone = false;
      void second.finally(() => { secondDone = true; });
      // Until the second creation either finished or waits on the lock (no time is assumed).
      for (let waiting = 0; !secondDone && waiting === 0;) {
        [{ waiting }] = await db.sql<{ waiting: number }[]>`select count(*)::int as waiting from pg_locks where locktype = 'advisory' and not granted`;
      }
      release();
      expect(await first).toBe(true);
      expect(await second).toBeNull();
      expect(await db.sql`select email from users`).toEqual([{ email: 'first@shop.example' }]);
    } finally {
      await db.close();
    }
  });
});

// Sessions over real HTTP on a real database, on an injected clock: a broken cookie is no
// session, the 12-hour idle timeout and the 14-day limit, sign out everywhere, and old
// password hashes replaced at sign-in.
import { endAllSessions, type ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, type ApiServer, unusedTemplateSandbox } from './support/api-client';
import { createTestDatabase } from './support/db';
import { capturingLogger, type LoggedLine } from './support/logs';

const clock = new ManualClock(new Date('2025-06-15T12:00:00Z'));
const logged: LoggedLine[] = [];
const HOUR = 3600_000;
let database: Database;
let server: ApiServer;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws', 'Shop', 'secret')`;
  await seedUser(database, { id: 'u_ada', workspaceId: 'ws', email: 'ada@shop.test', password: 'ada-pw', role: 'owner' });
  await seedUser(database, { id: 'u_bob', workspaceId: 'ws', email: 'bob@shop.test', password: 'bob-pw', role: 'marketer' });
  const deps: ApiDeps = {
    templateSandbox: unusedTemplateSandbox, database, registry: createRegistry(), clock, log: capturingLogger(logged),
    engine: { stats: async () => { throw new Error('not used'); }, wake: async () => {}, retryFailed: async () => { throw new Error('not used'); } },
  };
  server = await startApiServer(deps);
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function signIn(email: string, password: string) {
  const client = apiClient(server.url);
  await client.trpc.auth.login.mutate({ email, password });
  return client;
}

const lastUsed = async (userId: string) =>
  (await database.sql<{ at: Date }[]>`select max(last_used_at) as at from sessions where user_id = ${userId}`)[0].at;

describe('the session cookie', () => {
  it('is no session when its % escapes are broken: 401 on protected calls, never a 500', async () => {
    for (const cookie of ['afterglow_session=%E0%A4%A', 'afterglow_session=%', 'other=1; afterglow_session=abc%zz']) {
      const list = await fetch(`${server.url}/trpc/journeys.list`, { headers: { cookie } });
      expect(list.status).toBe(401);
      const me = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect((await me.json()).result.data).toBeNull();
    }
  });

  it('nor does a broken % escape in the procedure\'s path give a 500: it is bad input', async () => {
    const res = await fetch(`${server.url}/trpc/auth.me%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'The path has a malformed percent-encoding' });
  });
});

describe('session lifetime', () => {
  it('ends after 12 hours without a request, and moves last use at most once a minute', async () => {
    const { trpc } = await signIn('ada@shop.test', 'ada-pw');
    const signedInAt = clock.now();
    clock.advance(30_000);
    await trpc.journeys.list.query();
    expect(await lastUsed('u_ada')).toEqual(signedInAt); // within the minute: only read
    clock.advance(40_000);
    await trpc.journeys.list.query();
    expect(await lastUsed('u_ada')).toEqual(clock.now());
    clock.advance(12 * HOUR - 1000);
    expect((await trpc.auth.me.query())?.id).toBe('u_ada'); // just in time, and kept alive again
    clock.advance(12 * HOUR);
    expect(await trpc.auth.me.query()).toBeNull();
    expect((await errorOf(trpc.journeys.list.query())).code).toBe('UNAUTHORIZED');
  });

  it('ends 14 days after sign-in however busy', async () => {
    const { trpc } = await signIn('ada@shop.test', 'ada-pw');
    for (let hours = 0; hours < 14 * 24 - 6; hours += 6) {
      clock.advance(6 * HOUR);
      expect((await trpc.auth.me.query())?.id).toBe('u_ada');
    }
    clock.advance(6 * HOUR);
    expect(await trpc.auth.me.query()).toBeNull();
  });

  it('drops the user\'s ended sessions at the next sign-in', async () => {
    await signIn('bob@shop.test', 'bob-pw');
    clock.advance(13 * HOUR);
    await signIn('bob@shop.test', 'bob-pw');
    const [{ n }] = await database.sql<{ n: number }[]>`select count(*)::int as n from sessions where user_id = 'u_bob'`;
    expect(n).toBe(1);
  });
});

describe('sign out everywhere', () => {
  it('ends every session of the user, and no one else\'s', async () => {
    const laptop = await signIn('ada@shop.test', 'ada-pw');
    const phone = await signIn('ada@shop.test', 'ada-pw');
    const bob = await signIn('bob@shop.test', 'bob-pw');
    expect(await laptop.trpc.auth.logoutEverywhere.mutate()).toEqual({ ended: 2 });
    expect(laptop.jar.setCookies.at(-1)).toMatch(/^afterglow_session=; .*Max-Age=0/);
    expect(await laptop.trpc.auth.me.query()).toBeNull();
    expect(await phone.trpc.auth.me.query()).toBeNull();
    expect((await errorOf(phone.trpc.journeys.list.query())).code).toBe('UNAUTHORIZED');
    expect((await bob.trpc.auth.me.query())?.id).toBe('u_bob');
    expect(logged).toContainEqual({ msg: 'signed out everywhere', data: { userId: 'u_ada', sessions: 2 } });
    expect((await errorOf(apiClient(server.url).trpc.auth.logoutEverywhere.mutate())).code).toBe('UNAUTHORIZED');
  });

  it('is a function for ending a removed user\'s sessions', async () => {
    const bob = await signIn('bob@shop.test', 'bob-pw');
    expect(await endAllSessions(database, 'u_bob')).toBeGreaterThanOrEqual(1);
    expect(await bob.trpc.auth.me.query()).toBeNull();
  });
});

describe('password hashes at sign-in', () => {
  it('replaces an old scrypt hash with argon2id after a correct password, not a wrong one', async () => {
    const salt = randomBytes(16);
    const legacy = `${salt.toString('hex')}:${scryptSync('cy-pw', salt, 32).toString('hex')}`;
    await database.sql`insert into users (id, workspace_id, email, name, password_hash, role)
      values ('u_cy', 'ws', 'cy@shop.test', 'Cy', ${legacy}, 'viewer')`;
    const stored = async () => (await database.sql<{ h: string }[]>`select password_hash as h from users where id = 'u_cy'`)[0].h;
    expect((await errorOf(apiClient(server.url).trpc.auth.login.mutate({ email: 'cy@shop.test', password: 'nope' }))).code)
      .toBe('UNAUTHORIZED');
    expect(await stored()).toBe(legacy);
    await signIn('cy@shop.test', 'cy-pw');
    expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const rehashed = await stored();
    await signIn('cy@shop.test', 'cy-pw'); // and it still signs in, without a second rehash
    expect(await stored()).toBe(rehashed);
  });
});

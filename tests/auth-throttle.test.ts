// Sign-in throttling over real HTTP on a real database, on an injected clock: per account
// (known or unknown), per client address, parallel guesses, the wait's growth and cap, the
// Retry-After header, forgetting, and the log line when a key becomes blocked.
import { ACCOUNT_RULE, ADDRESS_RULE, type ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../apps/server/src/env';
import { seedUser, startApiServer, type ApiServer, unusedTemplateSandbox } from './support/api-client';
import { createTestDatabase } from './support/db';
import { capturingLogger, type LoggedLine } from './support/logs';

const clock = new ManualClock(new Date('2025-06-15T12:00:00Z'));
const logged: LoggedLine[] = [];
let database: Database;
let server: ApiServer;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws', 'Shop', 'secret')`;
  for (const name of ['ada', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus']) {
    await seedUser(database, { id: `u_${name}`, workspaceId: 'ws', email: `${name}@shop.test`, password: `${name}-pw`, role: 'marketer' });
  }
  const deps: ApiDeps = {
    templateSandbox: unusedTemplateSandbox, database, registry: createRegistry(), clock, trustedProxies: 1, log: capturingLogger(logged),
    engine: { stats: async () => { throw new Error('not used'); }, wake: async () => {}, retryFailed: async () => { throw new Error('not used'); } },
  };
  server = await startApiServer(deps);
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

/** One sign-in over HTTP from `address` (the one trusted proxy's X-Forwarded-For). */
async function login(email: string, password: string, address: string) {
  const res = await fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.json() as { error?: { message: string } };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), message: body.error?.message };
}

const failTimes = async (n: number, email: string, address: string) => {
  for (let i = 0; i < n; i++) expect((await login(email, 'wrong', address)).status).toBe(401);
};

describe('sign-in throttling per account', () => {
  it('refuses the right password after the free failures, with 429, Retry-After and the wait', async () => {
    await failTimes(ACCOUNT_RULE.free, 'ada@shop.test', '198.51.100.1');
    const refused = await login('ada@shop.test', 'ada-pw', '198.51.100.1');
    expect(refused).toEqual({ status: 429, retryAfter: '1', message: 'Too many sign-in attempts for this account: try again in 1 second' });
    // Another address changes nothing: the account itself is blocked.
    expect((await login('ADA@shop.test', 'ada-pw', '198.51.100.2')).status).toBe(429);
    clock.advance(1000);
    expect((await login('ada@shop.test', 'ada-pw', '198.51.100.1')).status).toBe(200);
    // Success starts the account again from zero.
    await failTimes(ACCOUNT_RULE.free, 'ada@shop.test', '198.51.100.1');
  });

  it('stops the reported attack: 60 wrong passwords, then the right one is refused', async () => {
    const results = [];
    for (let i = 0; i < 60; i++) results.push((await login('bob@shop.test', `guess-${i}`, '198.51.100.3')).status);
    expect(results.filter((s) => s === 401)).toHaveLength(ACCOUNT_RULE.free);
    expect(results.filter((s) => s === 429)).toHaveLength(60 - ACCOUNT_RULE.free);
    expect((await login('bob@shop.test', 'bob-pw', '198.51.100.3')).status).toBe(429);
  });

  it('checks at most the free number of passwords from a burst of parallel guesses', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => login('cy@shop.test', `guess-${i}`, '198.51.100.4')));
    expect(statuses.filter((r) => r.status === 401)).toHaveLength(ACCOUNT_RULE.free);
    expect(statuses.filter((r) => r.status === 429)).toHaveLength(20 - ACCOUNT_RULE.free);
  });

  it('doubles the wait with each failure, up to five minutes, after which the real user gets in', async () => {
    await failTimes(ACCOUNT_RULE.free, 'dee@shop.test', '198.51.100.5');
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const wait = Number((await login('dee@shop.test', 'wrong', '198.51.100.5')).retryAfter);
      waits.push(wait);
      clock.advance(wait * 1000);
      expect((await login('dee@shop.test', 'wrong', '198.51.100.5')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    expect((await login('dee@shop.test', 'dee-pw', '198.51.100.5')).message).toContain('try again in 5 minutes');
    clock.advance(300_000);
    expect((await login('dee@shop.test', 'dee-pw', '198.51.100.5')).status).toBe(200);
  });

  it('throttles an unknown email exactly like a known one', async () => {
    await failTimes(ACCOUNT_RULE.free, 'nobody@shop.test', '198.51.100.6');
    expect((await login('nobody@shop.test', 'wrong', '198.51.100.6')).status).toBe(429);
  });

  it('forgets an account after a quiet hour', async () => {
    await failTimes(ACCOUNT_RULE.free, 'eve@shop.test', '198.51.100.7');
    clock.advance(3600_000);
    await failTimes(ACCOUNT_RULE.free, 'eve@shop.test', '198.51.100.7');
    expect((await login('eve@shop.test', 'eve-pw', '198.51.100.7')).status).toBe(429);
    const [rows] = await database.sql`select count(*)::int as n from sign_in_throttle where last_failure_at <= ${new Date(clock.now().getTime() - 3600_000)}`;
    expect(rows.n).toBe(0); // keys forgotten anyway are deleted at the next failure
  });

  it('logs when a key becomes blocked, not every refused attempt', async () => {
    const before = logged.length;
    await failTimes(ACCOUNT_RULE.free, 'fay@shop.test', '198.51.100.8');
    for (let i = 0; i < 10; i++) await login('fay@shop.test', 'wrong', '198.51.100.8');
    expect(logged.slice(before)).toEqual([
      { msg: 'sign-in throttled', data: { account: 'fay@shop.test', failures: ACCOUNT_RULE.free, blockedForSeconds: 1 } },
    ]);
  });
});

describe('sign-in throttling per client address', () => {
  it('has a larger budget, spent only by wrong passwords, and blocks every account from that address', async () => {
    const address = '203.0.113.9';
    // Signing in correctly many times spends nothing.
    for (let i = 0; i < ADDRESS_RULE.free + 5; i++) expect((await login('gus@shop.test', 'gus-pw', address)).status).toBe(200);
    // Attempts refused for a blocked account check no password and spend nothing either.
    await failTimes(ACCOUNT_RULE.free, 'sprayed-0@shop.test', address);
    for (let i = 0; i < 20; i++) expect((await login('sprayed-0@shop.test', 'wrong', address)).status).toBe(429);
    // Spraying many accounts: the address runs out after its free failures.
    for (let i = 1; i < ADDRESS_RULE.free / ACCOUNT_RULE.free; i++) await failTimes(ACCOUNT_RULE.free, `sprayed-${i}@shop.test`, address);
    const refused = await login('gus@shop.test', 'gus-pw', address);
    expect(refused).toEqual({ status: 429, retryAfter: '1', message: 'Too many sign-in attempts from your network: try again in 1 second' });
    expect(logged).toContainEqual({ msg: 'sign-in throttled', data: { address, failures: ADDRESS_RULE.free, blockedForSeconds: 1 } });
    // Another address is unaffected.
    expect((await login('gus@shop.test', 'gus-pw', '203.0.113.10')).status).toBe(200);
    clock.advance(1000);
    expect((await login('gus@shop.test', 'gus-pw', address)).status).toBe(200);
  });

  it('counts IPv6 clients per /64', async () => {
    for (let i = 0; i < ADDRESS_RULE.free; i++) {
      expect((await login(`v6-${i}@shop.test`, 'wrong', `2001:db8:77:1::${(i + 1).toString(16)}`)).status).toBe(401);
    }
    expect((await login('gus@shop.test', 'gus-pw', '2001:db8:77:1:ffff::1')).status).toBe(429);
    expect((await login('gus@shop.test', 'gus-pw', '2001:db8:77:2::1')).status).toBe(200);
  });
});

describe('AFTERGLOW_TRUSTED_PROXIES', () => {
  it('defaults to none, and takes a whole number of proxies', () => {
    expect(readEnv({}).trustedProxies).toBe(0);
    expect(readEnv({ AFTERGLOW_TRUSTED_PROXIES: '1' }).trustedProxies).toBe(1);
    expect(() => readEnv({ AFTERGLOW_TRUSTED_PROXIES: 'yes' })).toThrow(/AFTERGLOW_TRUSTED_PROXIES must be a number of proxies/);
    expect(() => readEnv({ AFTERGLOW_TRUSTED_PROXIES: '1.5' })).toThrow(/AFTERGLOW_TRUSTED_PROXIES must be a whole number/);
  });
});

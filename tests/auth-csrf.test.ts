// Cross-site request forgery, with real HTTP requests carrying a real session cookie: a
// mutation needs a JSON body and, from a browser, the app's own Origin (or Referer); what a
// refused request asked for is not done.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, seedUser, startApiServer, type ApiServer, unusedTemplateSandbox } from './support/api-client';
import { createTestDatabase } from './support/db';

const PUBLIC_URL = 'https://afterglow.example.com';
let database: Database;
let server: ApiServer;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws', 'Shop', 'secret')`;
  await seedUser(database, { id: 'u_ada', workspaceId: 'ws', email: 'ada@shop.test', password: 'ada-pw', role: 'owner' });
  const deps: ApiDeps = {
    templateSandbox: unusedTemplateSandbox, database, registry: createRegistry(), clock: new ManualClock(new Date('2025-06-15T12:00:00Z')), publicOrigin: `${PUBLIC_URL}/app`,
    engine: { stats: async () => { throw new Error('not used'); }, wake: async () => {}, retryFailed: async () => { throw new Error('not used'); } },
  };
  server = await startApiServer(deps);
  const { trpc, jar } = apiClient(server.url);
  await trpc.auth.login.mutate({ email: 'ada@shop.test', password: 'ada-pw' });
  cookie = jar.cookie;
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

/** journeys.create, signed in, with the given headers and body. */
async function createJourney(name: string, headers: Record<string, string>, body: BodyInit = JSON.stringify({ name })) {
  const res = await fetch(`${server.url}/trpc/journeys.create`, { method: 'POST', headers: { cookie, ...headers }, body });
  return { status: res.status, message: ((await res.json()) as { error?: { message: string } }).error?.message };
}

const journeyNames = async () => (await database.sql<{ name: string }[]>`select name from journeys order by name`).map((j) => j.name);

describe('cross-site writes', () => {
  it('are refused when the body is not JSON (415): a form can post multipart, urlencoded or text', async () => {
    const form = new FormData();
    form.set('name', 'Forged by a form');
    expect(await createJourney('x', {}, form)).toEqual({
      status: 415, message: 'tRPC mutations take JSON: send content-type application/json, not "multipart/form-data"',
    });
    expect((await createJourney('x', { 'content-type': 'application/x-www-form-urlencoded' }, 'name=Forged')).status).toBe(415);
    expect((await createJourney('x', { 'content-type': 'text/plain' }, '{"name":"Forged"}')).status).toBe(415);
    expect((await createJourney('x', {}, new Blob(['{"name":"Forged"}']))).status).toBe(415);
    expect(await journeyNames()).toEqual([]);
  });

  it('are refused from another origin (403), named by Origin or, without it, Referer', async () => {
    const json = { 'content-type': 'application/json' };
    const refused = await createJourney('Forged', { ...json, origin: 'https://evil.example' });
    expect(refused).toEqual({
      status: 403,
      message: `Cross-site request refused: https://evil.example is not this app's address (${PUBLIC_URL}); if it is, set AFTERGLOW_PUBLIC_URL to it`,
    });
    expect((await createJourney('Forged', { ...json, origin: 'null' })).status).toBe(403);
    expect((await createJourney('Forged', { ...json, origin: 'https://afterglow.example.com.evil.example' })).status).toBe(403);
    expect((await createJourney('Forged', { ...json, origin: 'http://afterglow.example.com' })).status).toBe(403);
    expect((await createJourney('Forged', { ...json, referer: 'https://evil.example/page' })).status).toBe(403);
    // A sign-in from another site (login CSRF) is refused too.
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: JSON.stringify({ email: 'ada@shop.test', password: 'ada-pw' }),
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
    expect(await journeyNames()).toEqual([]);
  });

  it('are accepted from the app itself: its Host, AFTERGLOW_PUBLIC_URL, or a client naming no page', async () => {
    const json = { 'content-type': 'application/json; charset=utf-8' };
    expect((await createJourney('Same host', { ...json, origin: server.url })).status).toBe(200);
    expect((await createJourney('Public URL', { ...json, origin: PUBLIC_URL })).status).toBe(200);
    expect((await createJourney('Own referer', { ...json, referer: `${server.url}/journeys` })).status).toBe(200);
    expect((await createJourney('Script', json)).status).toBe(200);
    expect(await journeyNames()).toEqual(['Own referer', 'Public URL', 'Same host', 'Script']);
  });

  it('do not touch reads: a query from anywhere is answered (its answer stays unreadable cross-origin)', async () => {
    const res = await fetch(`${server.url}/trpc/journeys.list`, { headers: { cookie, origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

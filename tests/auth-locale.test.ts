// Each user's language for the app, over real HTTP on a real database: none until picked (the
// web app then follows the browser), stored by auth.setLocale for the caller only, answered by
// auth.me in every later session; a language Afterglow does not speak is a 400 naming `locale`.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, type ApiServer, unusedTemplateSandbox } from './support/api-client';
import { createTestDatabase } from './support/db';

let database: Database;
let server: ApiServer;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws', 'Prodavnica', 'secret')`;
  await seedUser(database, { id: 'u_mila', workspaceId: 'ws', email: 'mila@shop.test', password: 'mila-pw', role: 'viewer' });
  await seedUser(database, { id: 'u_ivan', workspaceId: 'ws', email: 'ivan@shop.test', password: 'ivan-pw', role: 'owner' });
  const deps: ApiDeps = {
    templateSandbox: unusedTemplateSandbox, database, registry: createRegistry(), clock: new ManualClock(new Date('2026-03-05T12:00:00Z')),
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

it('stores the caller\'s language, answered by auth.me in later sessions too', async () => {
  const mila = await signIn('mila@shop.test', 'mila-pw');
  expect((await mila.trpc.auth.me.query())?.locale).toBeNull();
  expect(await mila.trpc.auth.setLocale.mutate({ locale: 'sr-Latn' })).toEqual({ locale: 'sr-Latn' });
  expect((await mila.trpc.auth.me.query())?.locale).toBe('sr-Latn');

  const elsewhere = await signIn('mila@shop.test', 'mila-pw');
  expect((await elsewhere.trpc.auth.me.query())?.locale).toBe('sr-Latn');
  // Only her own: the owner's stays unset.
  expect((await (await signIn('ivan@shop.test', 'ivan-pw')).trpc.auth.me.query())?.locale).toBeNull();
});

it('refuses a language Afterglow does not speak with a 400 naming the field', async () => {
  const mila = await signIn('mila@shop.test', 'mila-pw');
  for (const locale of ['sr', 'de', '', 'sr-Latn-RS']) {
    const error = await errorOf(mila.trpc.auth.setLocale.mutate({ locale: locale as 'sr-Latn' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('locale');
  }
  expect((await errorOf(apiClient(server.url).trpc.auth.setLocale.mutate({ locale: 'ru' }))).code).toBe('UNAUTHORIZED');
});

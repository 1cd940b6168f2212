// customers.setLocale over real HTTP: the roles that edit marketing may set a customer's
// language (stored canonical, null = unknown: the shop's default), the others are refused; a
// value that is no language tag is a 400 naming the field; each change is in the audit log; the
// customer page and the list read the language back.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, startApiServer, unusedTemplateSandbox, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

let database: Database;
let server: ApiServer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_l', 'Shop L', 'secret')`;
  await database.sql`insert into customers (workspace_id, id, email, first_name) values ('ws_l', 'c1', 'mila@example.rs', 'Мила')`;
  const deps: ApiDeps = {
    templateSandbox: unusedTemplateSandbox, database, registry: createRegistry(), clock: new ManualClock(new Date('2026-01-05T10:00:00Z')),
    engine: { stats: async () => ({}) as never, wake: async () => {}, retryFailed: async () => 0 },
  };
  server = await startApiServer(deps);
  for (const role of ['marketer', 'manager', 'viewer']) {
    await seedUser(database, { id: `u_${role}`, workspaceId: 'ws_l', email: `${role}@l.test`, password: `pw-${role}-long`, role });
    as[role] = await signIn(server.url, `${role}@l.test`, `pw-${role}-long`);
  }
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('customers.setLocale', () => {
  it('stores the canonical tag, shown on the customer page and in the list', async () => {
    expect(await as.marketer.customers.setLocale.mutate({ id: 'c1', locale: 'sr_latn' })).toEqual({ id: 'c1', locale: 'sr-Latn' });
    expect((await as.viewer.customers.get.query({ id: 'c1' })).profile.locale).toBe('sr-Latn');
    const list = await as.viewer.customers.list.query({});
    expect(list.items.find((c) => c.id === 'c1')?.locale).toBe('sr-Latn');
  });

  it('clears it with null (unknown: the shop default)', async () => {
    expect(await as.marketer.customers.setLocale.mutate({ id: 'c1', locale: null })).toEqual({ id: 'c1', locale: null });
    expect((await as.viewer.customers.get.query({ id: 'c1' })).profile.locale).toBeNull();
  });

  it('refuses a value that is no language tag, naming the field', async () => {
    const error = await errorOf(as.marketer.customers.setLocale.mutate({ id: 'c1', locale: 'Serbian' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.data.issues).toEqual([expect.objectContaining({ field: 'locale' })]);
  });

  it('answers 404 for a customer that does not exist', async () => {
    expect((await errorOf(as.marketer.customers.setLocale.mutate({ id: 'nobody', locale: 'ru' }))).code).toBe('NOT_FOUND');
  });

  it('is refused to the roles that do not edit marketing', async () => {
    for (const role of ['manager', 'viewer']) {
      expect((await errorOf(as[role].customers.setLocale.mutate({ id: 'c1', locale: 'ru' }))).code, role).toBe('FORBIDDEN');
    }
    expect((await as.viewer.customers.get.query({ id: 'c1' })).profile.locale).toBeNull();
  });

  it('writes each change to the audit log', async () => {
    const rows = await database.sql<{ actor_id: string; target_id: string; detail: Record<string, unknown> }[]>`
      select actor_id, target_id, detail from audit_log where action = 'customers.setLocale' order by id`;
    expect(rows.map((r) => [r.actor_id, r.target_id, r.detail.locale])).toEqual([['u_marketer', 'c1', 'sr_latn'], ['u_marketer', 'c1', null]]);
  });
});

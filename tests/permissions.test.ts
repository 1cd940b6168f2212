// The permission table against the router: every procedure has an entry (and every entry a
// procedure), and every (procedure, role) pair is answered as the table says, over real HTTP
// with a real session per role. Calls carry an empty input: the permission check comes before
// input validation, so an allowed call fails only on its input (BAD_REQUEST) or a missing
// record (NOT_FOUND), never FORBIDDEN.
import { appRouter, permissions, ROLES, type ApiDeps, type Role } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, startApiServer, type ApiServer, unusedTemplateSandbox } from './support/api-client';
import { createTestDatabase } from './support/db';

let database: Database;
let server: ApiServer;
const cookies = new Map<Role, string>();
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .map(([path, procedure]) => ({ path, type: procedure._def.type }));

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_p', 'Shop P', 'secret')`;
  const deps: ApiDeps = {
    templateSandbox: unusedTemplateSandbox, database, registry: createRegistry(), clock: new ManualClock(new Date('2026-01-05T10:00:00Z')),
    engine: { stats: async () => ({}) as never, wake: async () => {}, retryFailed: async () => 0 },
  };
  server = await startApiServer(deps);
  for (const role of ROLES) {
    await seedUser(database, { id: `u_${role}`, workspaceId: 'ws_p', email: `${role}@p.test`, password: `pw-${role}`, role });
    const res = await post('auth.login', { email: `${role}@p.test`, password: `pw-${role}` });
    cookies.set(role, res.headers.get('set-cookie')!.split(';')[0]);
  }
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

function post(path: string, input: unknown, cookie?: string) {
  return fetch(`${server.url}/trpc/${path}`, {
    method: 'POST', body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', 'x-afterglow-csrf': '1', origin: server.url, ...(cookie ? { cookie } : {}) },
  });
}

async function call(path: string, type: string, cookie?: string): Promise<string> {
  const res = type === 'query'
    ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent('{}')}`, { headers: cookie ? { cookie } : {} })
    : await post(path, {}, cookie);
  const body = (await res.json()) as { error?: { data?: { code?: string } } };
  return body.error?.data?.code ?? 'OK';
}

describe('the permission table', () => {
  it('lists every procedure of the router, and nothing else', () => {
    const paths = procedures.map((p) => p.path).sort();
    expect(paths.filter((path) => !(path in permissions))).toEqual([]);
    expect(Object.keys(permissions).filter((path) => !paths.includes(path))).toEqual([]);
  });

  it('answers every (procedure, role) pair as the table says', async () => {
    const wrong: string[] = [];
    for (const { path, type } of procedures) {
      // Would end the sessions the other calls use (tests/auth-sessions.test.ts covers them).
      if (path === 'auth.logout' || path === 'auth.logoutEverywhere') continue;
      const { roles } = permissions[path];
      for (const role of ROLES) {
        const code = await call(path, type, cookies.get(role));
        const allowed = roles === 'public' || roles.includes(role);
        if (allowed !== (code !== 'FORBIDDEN')) wrong.push(`${path} as ${role}: ${code}`);
      }
      const anonymous = await call(path, type);
      if ((roles === 'public') !== (anonymous !== 'UNAUTHORIZED')) wrong.push(`${path} anonymously: ${anonymous}`);
    }
    expect(wrong).toEqual([]);
  });

  it('tells the web app what the user may call', async () => {
    const res = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: cookies.get('developer')! } });
    const { result } = (await res.json()) as { result: { data: { role: string; can: string[] } } };
    expect(result.data.role).toBe('developer');
    expect(result.data.can).toContain('settings.ingestKeys.create');
    expect(result.data.can).not.toContain('journeys.publish');
  });
});

describe('the audit log', () => {
  it('records audited calls with who, what, the target and a summary free of secrets', async () => {
    const [{ last }] = await database.sql<{ last: number }[]>`select coalesce(max(id), 0)::int as last from audit_log`;
    await post('settings.shopify.set', { secret: 'shpss_0123456789', shopDomain: 'p.myshopify.com' }, cookies.get('developer'));
    await post('journeys.create', { name: 'Audited' }, cookies.get('marketer'));
    await post('journeys.saveDraft', { id: 'nothing', draft: { nodes: [], edges: [] } }, cookies.get('marketer'));
    const rows = await database.sql<{ action: string; actorEmail: string; detail: Record<string, unknown> }[]>`
      select action, actor_email as "actorEmail", detail from audit_log where id > ${last} order by id`;
    expect(rows).toEqual([
      { action: 'settings.shopify.set', actorEmail: 'developer@p.test', detail: { shopDomain: 'p.myshopify.com' } },
      { action: 'journeys.create', actorEmail: 'marketer@p.test', detail: { name: 'Audited' } },
    ]);
    const signIns = await database.sql`select 1 from audit_log where action = 'auth.login'`;
    expect(signIns.length).toBe(ROLES.length);
  });
});

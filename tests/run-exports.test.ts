// The run explorer's lists as full CSV downloads over HTTP (GET /exports/<list>.csv): signed in
// by the session cookie, allowed to the roles of the list's procedure, filtered as the list is,
// read in keyset pages (250 rows: three internal pages) and written as RFC 4180 with the
// formula guard, the header in the reader's language; bad filters answered 400 naming the field.
import { createExportHandler, createTrpcHandler, type ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, seedUser, unusedTemplateSandbox } from './support/api-client';
import { createTestDatabase } from './support/db';

const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
let database: Database;
let server: http.Server;
let base: string;
const cookies: Record<string, string> = {};

async function signedIn(email: string, password: string) {
  const { trpc, jar } = apiClient(base);
  await trpc.auth.login.mutate({ email, password });
  return jar.cookie;
}

const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });

/** The records of a CSV whose fields hold no line break. */
const records = (body: string) => body.replace(/^\uFEFF/, '').split('\r\n').slice(0, -1);

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  await sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'A', 's'), ('ws_b', 'B', 's')`;
  await seedUser(database, { id: 'u_g', workspaceId: 'ws_a', email: 'g@a.test', password: 'pw-g', role: 'manager' });
  await seedUser(database, { id: 'u_v', workspaceId: 'ws_a', email: 'v@a.test', password: 'pw-v', role: 'viewer' });
  await sql`insert into journeys (id, workspace_id, name, draft, status, created_at, updated_at) values
    ('j1', 'ws_a', 'Welcome', '{"nodes":[],"edges":[]}', 'live', now(), now()),
    ('jb', 'ws_b', 'Other shop', '{"nodes":[],"edges":[]}', 'live', now(), now())`;
  await sql`insert into journey_versions (id, journey_id, workspace_id, version, graph, plan) values
    ('v1', 'j1', 'ws_a', 1, '{}', '{"nodes":{"wait":{"type":"core/wait"},"done":{"type":"core/send-email"}}}')`;
  // 230 runs waiting at "wait", due a minute apart, and 20 failed there (no due time).
  await sql`insert into customers (workspace_id, id, email, first_name, last_name)
    select 'ws_a', 'cu' || lpad(n::text, 3, '0'), 'cu' || n || '@a.test', 'Ana', 'N' || n from generate_series(1, 250) n`;
  await sql`update customers set first_name = '=HYPERLINK("http://x")', last_name = 'Doe, "Jr"' where id = 'cu007'`;
  await sql`insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id, due_at, entered_at, updated_at, last_error)
    select 'ws_a', 'cu' || lpad(n::text, 3, '0'), 'j1', 'v1', 'k', case when n > 230 then 'failed' else 'waiting' end, 'wait',
      case when n > 230 then null else ${clock.now()}::timestamptz + make_interval(mins => n) end,
      ${clock.now()}, ${clock.now()}, case when n > 230 then 'SMTP 550' end
    from generate_series(1, 250) n`;
  // cu001 also walked the journey 120 times before (other entry keys), each run ended.
  await sql`insert into journey_runs (workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id, entered_at, updated_at)
    select 'ws_a', 'cu001', 'j1', 'v1', 'old' || n, 'completed', 'done',
      ${clock.now()}::timestamptz - make_interval(days => n), ${clock.now()}::timestamptz - make_interval(days => n) + interval '1 hour'
    from generate_series(1, 120) n`;
  const deps: ApiDeps = {
    database, registry: createRegistry(), clock, templateSandbox: unusedTemplateSandbox,
    engine: { stats: async () => [], wake: async () => {}, retryFailed: async () => 0 },
  } as unknown as ApiDeps;
  const trpc = createTrpcHandler(deps);
  const exports = createExportHandler(deps);
  server = http.createServer((req, res) => void (req.url?.startsWith('/exports/') ? exports(req, res) : trpc(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cookies.manager = await signedIn('g@a.test', 'pw-g');
  cookies.viewer = await signedIn('v@a.test', 'pw-v');
}, 120_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
});

const WAITING = '/exports/step-customers.csv?journeyId=j1&nodeId=wait&mode=waiting';

describe('CSV exports of the run explorer', () => {
  it('refuses without a session and to a role the list refuses', async () => {
    const anonymous = await get(WAITING);
    expect([anonymous.status, (await anonymous.json()).error]).toEqual([401, 'Sign in to continue']);
    const viewer = await get(WAITING, cookies.viewer);
    expect(viewer.status).toBe(403);
    expect((await viewer.json()).error).toMatch(/viewer and cannot call journeys.stepCustomers/);
  });

  it('streams every row of the list, page after page, in the list\'s order', async () => {
    const res = await get(WAITING, cookies.manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="step-customers.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark (text() would drop it)
    const body = new TextDecoder().decode(bytes);
    const [header, ...rows] = records(body);
    expect(header).toBe('Customer ID,Email,Name,Status,Version,Entered at,At the step since,Next due at,Went on at,Last error,Exit reason,Run ID');
    expect(rows).toHaveLength(250);
    const ids = rows.map((r) => r.split(',')[0]);
    expect(ids.slice(0, 3)).toEqual(['cu001', 'cu002', 'cu003']);
    expect(ids.slice(229, 232)).toEqual(['cu230', expect.stringMatching(/^cu2[345]\d$/), expect.stringMatching(/^cu2[345]\d$/)]);
    expect(new Set(ids).size).toBe(250);
    expect(rows[0]).toMatch(/^cu001,cu1@a\.test,Ana N1,waiting,1,2026-03-02T09:00:00\.000Z,2026-03-02T09:00:00\.000Z,2026-03-02T09:01:00\.000Z,,,,[0-9a-f-]{36}$/);
  });

  it('applies the list\'s filters and escapes what a spreadsheet would run', async () => {
    const failed = records(await (await get(`${WAITING}&status=failed`, cookies.manager)).text()).slice(1);
    expect(failed).toHaveLength(20);
    expect(failed.every((r) => r.includes(',failed,') && r.includes('SMTP 550'))).toBe(true);
    const named = records(await (await get(`${WAITING}&search=${encodeURIComponent('Doe')}`, cookies.manager)).text()).slice(1);
    expect(named).toHaveLength(1);
    expect(named[0]).toContain('cu007,cu7@a.test,"\'=HYPERLINK(""http://x"") Doe, ""Jr""",waiting');
  });

  it('answers a bad filter with 400 naming the field, another shop\'s journey with 404', async () => {
    const bad = await get('/exports/step-customers.csv?journeyId=j1&mode=sideways', cookies.manager);
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues.map((i: { field: string }) => i.field).sort()).toEqual(['mode', 'nodeId']);
    const other = await get('/exports/step-customers.csv?journeyId=jb&nodeId=wait&mode=waiting', cookies.manager);
    expect([other.status, (await other.json()).field]).toEqual([404, 'id']);
    expect((await get('/exports/everything.csv', cookies.manager)).status).toBe(404);
  });

  it('writes the header in the reader\'s language', async () => {
    const body = await (await get(WAITING, cookies.manager, { 'accept-language': 'sl' })).text();
    expect(records(body)[0]).toMatch(/^ID kupca,E-pošta,Ime,Stanje,/);
  });

  it('exports every journey a customer walked, newest entry first', async () => {
    const [header, ...rows] = records(await (await get('/exports/customer-journeys.csv?customerId=cu001', cookies.manager)).text());
    expect(header).toBe('Journey,Journey ID,Version,Status,Step,Step type,Entered at,Ended at,Next due at,Exit reason,Run ID');
    expect(rows).toHaveLength(121);
    expect(rows[0]).toMatch(/^Welcome,j1,1,waiting,wait,core\/wait,2026-03-02T09:00:00\.000Z,,2026-03-02T09:01:00\.000Z,,/);
    expect(rows[1]).toMatch(/^Welcome,j1,1,completed,done,core\/send-email,2026-03-01T09:00:00\.000Z,2026-03-01T10:00:00\.000Z,,,/);
    expect(rows.at(-1)).toContain(',2025-11-02T09:00:00.000Z,');
  });
});

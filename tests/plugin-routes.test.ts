// Plugin routes through the whole server, over real HTTP: a provider's delivery report settles
// an accepted effect once (a repeated report counts nothing more), an id of another workspace is
// not found, an inbound message updates a customer like an identify and records an event that
// starts a journey, and the server answers 404, 405, 413, 400 and 500 where it must.
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { startAfterglow, type Afterglow } from '@afterglow/server';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { publishGraph } from './support/journeys';
import { textingPlugin } from './support/test-plugin';

const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
let database: Database;
let app: Afterglow;
let dataDir: string;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-hooks-'));
  app = await startAfterglow({
    databaseUrl: database.url, dataDir, port: 0, smtpDevPort: 0, clock, plugins: [textingPlugin],
    webDistDir: path.join(dataDir, 'no-dist'), log: (line) => lines.push(line),
  });
  for (const ws of ['ws_a', 'ws_b']) await database.sql`insert into workspaces (id, name, signing_secret) values (${ws}, ${ws}, 'secret')`;
  await database.sql`insert into customers (workspace_id, id, email, attributes) values
    ('ws_a', 'c1', 'c1@example.com', '{"phone": "+38160111", "tier": "gold"}'),
    ('ws_a', 'c2', 'c2@example.com', '{"phone": "+38160222"}'),
    ('ws_b', 'c9', 'c9@example.com', '{"phone": "+38160111"}')`;
  const effect = (ws: string, key: string, externalId: string, status = 'accepted') => database.sql`
    insert into service_effects (workspace_id, service_id, effect_key, version_id, node_id, customer_id, payload, status, attempts,
      next_attempt_at, external_id, created_at)
    values (${ws}, 'texting/gateway', ${key}, 'ver_sms', 'send_sms', 'c1', '{"to": "+38160111"}', ${status}, 1, ${clock.now()}, ${externalId}, ${clock.now()})`;
  await effect('ws_a', 'k1', 'SM-1');
  await effect('ws_a', 'k2', 'SM-2');
  await effect('ws_b', 'k3', 'SM-B');
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const hook = (route: string, body?: string, headers: Record<string, string> = {}, method = 'POST') =>
  fetch(`${app.url}/hooks/${route}`, {
    method, body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const countsOf = async () => Object.fromEntries((await database.sql<{ metric: string; n: number }[]>`
  select metric, n::int as n from journey_node_counts where version_id = 'ver_sms' and node_id = 'send_sms'`).map((r) => [r.metric, r.n]));
const effectOf = async (key: string) => (await database.sql`
  select status, settled_at, last_error from service_effects where effect_key = ${key}`)[0];

describe('settling effects', () => {
  it('moves an accepted effect to delivered once and counts it once, however often the provider repeats itself', async () => {
    const report = form({ MessageSid: 'SM-1', MessageStatus: 'delivered' });
    expect((await hook('texting/ws_a/status', report)).status).toBe(204);
    expect(await effectOf('k1')).toEqual({ status: 'delivered', settled_at: clock.now(), last_error: null });
    clock.advance(60_000);
    // The repeat, and a late "failed" for the same message: the first final outcome stays.
    expect((await hook('texting/ws_a/status', report)).status).toBe(204);
    expect((await hook('texting/ws_a/status', form({ MessageSid: 'SM-1', MessageStatus: 'undelivered' }))).status).toBe(204);
    expect((await effectOf('k1')).status).toBe('delivered');
    expect(await countsOf()).toEqual({ delivered: 1 });

    expect((await hook('texting/ws_a/status', form({ MessageSid: 'SM-2', MessageStatus: 'undelivered', ErrorCode: '30005' }))).status).toBe(204);
    expect(await effectOf('k2')).toMatchObject({ status: 'failed', last_error: 'status undelivered (30005)' });
    expect(await countsOf()).toEqual({ delivered: 1, failed: 1 });
  });

  it('does not find another workspace\'s message, nor an unknown one: the route answers as it chooses', async () => {
    const res = await hook('texting/ws_a/status', form({ MessageSid: 'SM-B', MessageStatus: 'delivered' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('unknown message');
    expect((await effectOf('k3')).status).toBe('accepted');
    expect(await (await hook('texting/ws_a/status', form({ MessageSid: 'SM-nope', MessageStatus: 'delivered' }))).text()).toBe('unknown message');
    expect(await countsOf()).toEqual({ delivered: 1, failed: 1 });
  });
});

describe('customers from a route', () => {
  it('finds customers by attribute in the workspace, merges attributes like an identify and tracks an event that starts a journey', async () => {
    const versionId = await publishGraph(database, createRegistry(), 'ws_a', 'j_sms_reply', {
      nodes: [{ id: 't', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'SMS Received', filters: [], entryKeyProperty: '' } }],
      edges: [],
    });
    await database.sql`insert into segments (id, workspace_id, name, rule) values
      ('seg_no_sms', 'ws_a', 'No SMS', ${database.sql.json({ kind: 'attribute', field: 'smsConsent', op: 'equals', value: false })})`;
    await app.engine.advanceUntilIdle(); // the segment's first check: nobody
    const members = () => database.sql`select customer_id from segment_memberships where segment_id = 'seg_no_sms'`.then((r) => r.map((m) => m.customer_id));
    expect(await members()).toEqual([]);

    const res = await hook('texting/ws_a/inbound', form({ From: '+38160111', Body: ' stop ' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(await res.text()).toBe('<Response/>');

    const [c1] = await database.sql`select attributes from customers where workspace_id = 'ws_a' and id = 'c1'`;
    expect(c1.attributes).toEqual({ phone: '+38160111', tier: 'gold', smsConsent: false });
    // The customer of ws_b with the same phone is another workspace's: untouched.
    const [c9] = await database.sql`select attributes from customers where workspace_id = 'ws_b' and id = 'c9'`;
    expect(c9.attributes).toEqual({ phone: '+38160111' });
    const events = await database.sql`
      select type, name, properties from events where workspace_id = 'ws_a' and customer_id = 'c1' order by type`;
    expect(events.map((e) => ({ ...e }))).toEqual([
      { type: 'identify', name: null, properties: { smsConsent: false } },
      { type: 'track', name: 'SMS Received', properties: { body: ' stop ' } },
    ]);
    const runs = await database.sql`select customer_id from journey_runs where version_id = ${versionId}`;
    expect(runs.map((r) => r.customer_id)).toEqual(['c1']);
    // Marked for the segment membership check, as an identify's customer is: the next sweep finds the change.
    await app.engine.advanceUntilIdle();
    expect(await members()).toEqual(['c1']);
    expect(lines.some((l) => l.includes('"component":"plugin"') && l.includes('"plugin":"texting"') && l.includes('inbound message'))).toBe(true);
  });
});

describe('the request and the answers', () => {
  it('gives the route the public URL, the query, lower-case headers, the workspace and the clock', async () => {
    // Called on 127.0.0.1: the URL is still the public one the provider was given.
    const res = await fetch(`http://127.0.0.1:${app.port}/hooks/texting/ws_b/echo/details?a=1&b=two`, { headers: { 'X-Test-Header': 'yes' } });
    expect(await res.json()).toEqual({
      url: `${app.url}/hooks/texting/ws_b/echo/details?a=1&b=two`, query: { a: '1', b: 'two' }, header: 'yes',
      workspaceId: 'ws_b', now: clock.now().toISOString(),
    });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers 404 for an unknown plugin, route or workspace, before any route runs; 405 for another method', async () => {
    for (const route of ['sms/ws_a/status', 'texting/ws_a/nowhere', 'texting/ws_nope/status', 'texting/ws_a', 'texting']) {
      const res = await hook(route, form({ MessageSid: 'SM-2', MessageStatus: 'delivered' }));
      expect({ route, status: res.status }).toEqual({ route, status: 404 });
    }
    const res = await hook('texting/ws_a/status', undefined, {}, 'GET');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('refuses a body over 1 MB with 413 and takes one of exactly 1 MB', async () => {
    const mb = 1024 * 1024;
    expect((await hook('texting/ws_a/size', 'a'.repeat(mb + 1))).status).toBe(413);
    const ok = await hook('texting/ws_a/size', 'a'.repeat(mb));
    expect(await ok.json()).toEqual({ bytes: mb });
  });

  it('answers 400 for a body json() cannot parse, and parses one it can', async () => {
    const bad = await hook('texting/ws_a/json', '{"broken":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/not valid JSON/);
    const nul = await hook('texting/ws_a/json', JSON.stringify({ name: 'a\u0000b' }), { 'content-type': 'application/json' });
    expect(nul.status).toBe(400);
    expect((await nul.json()).issues).toEqual([expect.objectContaining({ path: 'name' })]);
    const good = await hook('texting/ws_a/json', '{"a":[1,2]}', { 'content-type': 'application/json' });
    expect(await good.json()).toEqual({ parsed: { a: [1, 2] } });
  });

  it('answers 500 with a request id when a route throws, and logs it under the plugin', async () => {
    const res = await hook('texting/ws_a/boom', '');
    expect(res.status).toBe(500);
    const body = await res.json();
    const requestId = res.headers.get('x-request-id');
    expect(body).toEqual({ error: `The route failed; the provider should retry (request id ${requestId})`, issues: [], requestId });
    expect(JSON.stringify(body)).not.toContain('the route broke');
    const line = lines.find((l) => l.includes(requestId!));
    expect(line).toContain('"plugin":"texting"');
    expect(line).toContain('the route broke');
  });

  it('reads the workspace\'s settings of the plugin\'s own service, secrets opened', async () => {
    expect(await (await hook('texting/ws_a/settings', undefined, {}, 'GET')).json()).toEqual({ settings: null });
    const settings = { baseUrl: 'https://api.texting.example', account: 'AC1', token: app.database.secrets.seal('tok-secret-1') };
    await database.sql`insert into service_settings (workspace_id, service_id, settings, updated_at)
      values ('ws_a', 'texting/gateway', ${JSON.stringify(settings)}::text::jsonb, ${clock.now()})`;
    expect(await (await hook('texting/ws_a/settings', undefined, {}, 'GET')).json())
      .toEqual({ settings: { ...settings, token: 'tok-secret-1' } });
    expect(await (await hook('texting/ws_b/settings', undefined, {}, 'GET')).json()).toEqual({ settings: null });
  });
});

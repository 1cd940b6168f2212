// Secrets in step configs through the API: users who cannot edit read placeholders for every
// header value and signing secret, editors read the values; the draft stores them sealed; an
// editor saving placeholders back keeps the stored values, per field and per header, but a
// placeholder moved to another step, journey, header or address keeps nothing (refused, naming
// the field), and a value that merely looks sealed is stored as typed, never opened.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, startApiServer, type ApiClient, type ApiServer, unusedTemplateSandbox } from './support/api-client';
import { createTestDatabase } from './support/db';

const HIDDEN = '••••••••';
const TOKEN = 'Bearer tok-7fa1c2d9e4b3';
const TENANT = 'tenant-4482-zq';
const SIGNING = 'whsec-0123456789abcdef';
const at = { x: 0, y: 0 };

let database: Database;
let server: ApiServer;
let editor: ApiClient;
let viewer: ApiClient;

type Hook = { url: string; headers: { name: string; value: string }[]; secret: string; body: string };
const hook = (extra: Partial<Hook> = {}): Hook => ({
  url: 'https://hooks.example.com/in', secret: SIGNING, body: '{"order": "{{ event.order_id }}"}',
  headers: [{ name: 'Authorization', value: TOKEN }, { name: 'X-Tenant', value: TENANT }], ...extra,
});
const graphWith = (...hooks: [string, Hook][]): JourneyGraph => ({
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: '' } },
    ...hooks.map(([id, config]) => ({ id, type: 'core/call-webhook', position: at, config: { method: 'POST', ...config } })),
  ],
  edges: hooks.map(([id], i) => ({ id: `e${i}`, source: i === 0 ? 'trigger' : hooks[i - 1][0], sourceHandle: 'out', target: id })),
});
const hookOf = (draft: JourneyGraph, id = 'hook') => draft.nodes.find((n) => n.id === id)!.config as unknown as Hook;
const rawDraft = async (id: string) => (await database.sql`select draft::text as d from journeys where id = ${id}`)[0].d as string;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'Shop A', 'secret')`;
  await seedUser(database, { id: 'u_m', workspaceId: 'ws_a', email: 'm@a.test', password: 'pw-m', role: 'marketer' });
  await seedUser(database, { id: 'u_v', workspaceId: 'ws_a', email: 'v@a.test', password: 'pw-v', role: 'viewer' });
  const registry = createRegistry();
  const clock = new ManualClock(new Date('2026-02-01T10:00:00Z'));
  const engine = createEngine({ database, registry, clock });
  const deps: ApiDeps = { templateSandbox: unusedTemplateSandbox, database, registry, clock, engine: { stats: (v) => engine.stats(v), wake: async () => {}, retryFailed: async () => 0 } };
  server = await startApiServer(deps);
  editor = await signIn(server.url, 'm@a.test', 'pw-m');
  viewer = await signIn(server.url, 'v@a.test', 'pw-v');
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('secrets in step configs', () => {
  let id = '';

  it('are read by editors, hidden from everyone else, and stored sealed', async () => {
    ({ id } = await editor.journeys.create.mutate({ name: 'Tell the CRM' }));
    await editor.journeys.saveDraft.mutate({ id, draft: graphWith(['hook', hook()]) });
    expect(hookOf((await editor.journeys.get.query({ id })).draft)).toMatchObject(hook());
    const seen = await viewer.journeys.get.query({ id });
    expect(hookOf(seen.draft)).toMatchObject({ url: 'https://hooks.example.com/in', secret: HIDDEN,
      headers: [{ name: 'Authorization', value: HIDDEN }, { name: 'X-Tenant', value: HIDDEN }] });
    for (const secret of [TOKEN, TENANT, SIGNING]) {
      expect(JSON.stringify(seen)).not.toContain(secret);
      expect(await rawDraft(id)).not.toContain(secret);
    }
    expect(await rawDraft(id)).toMatch(/"secret": "enc:v1:[0-9a-f]{8}:/);
  });

  it('keep their stored values when saved back as placeholders, per field and per header', async () => {
    const shown = hookOf((await viewer.journeys.get.query({ id })).draft);
    // Headers reordered, one added, the body and the path changed: the origin and header names stay.
    const edited = { ...shown, url: 'https://hooks.example.com/v2/in', body: '{"id": "{{ customer.id }}"}',
      headers: [shown.headers[1], { name: 'X-New', value: 'fresh-value-1' }, shown.headers[0]] };
    await editor.journeys.saveDraft.mutate({ id, draft: graphWith(['hook', edited]) });
    expect(hookOf((await editor.journeys.get.query({ id })).draft)).toMatchObject({ secret: SIGNING, body: '{"id": "{{ customer.id }}"}',
      headers: [{ name: 'X-Tenant', value: TENANT }, { name: 'X-New', value: 'fresh-value-1' }, { name: 'Authorization', value: TOKEN }] });
  });

  it('keep nothing when a placeholder is moved to another step, journey, header or address', async () => {
    const before = await rawDraft(id);
    const stored = hookOf((await editor.journeys.get.query({ id })).draft);
    const shown = hookOf((await viewer.journeys.get.query({ id })).draft);
    const refusal = async (journeyId: string, draft: JourneyGraph) => {
      const err = await errorOf(editor.journeys.saveDraft.mutate({ id: journeyId, draft }));
      return [err.code, err.data.field, err.message.replace(/^.*?: /, '')];
    };
    const toCollector = { ...shown, url: 'https://collector.example.net/in' };
    expect(await refusal(id, graphWith(['hook', stored], ['copy', shown]))).toEqual(['BAD_REQUEST', 'draft.nodes.2.config.headers.0.value',
      'cannot keep the hidden value, a copied or new step keeps none; type it again']);
    expect(await refusal(id, graphWith(['hook', toCollector]))).toEqual(['BAD_REQUEST', 'draft.nodes.1.config.headers.0.value',
      'cannot keep the hidden value, the address it goes to changed; type it again']);
    expect(await refusal(id, graphWith(['hook', { ...stored, secret: HIDDEN, url: 'http://127.0.0.1:9/in' }])))
      .toEqual(['BAD_REQUEST', 'draft.nodes.1.config.secret', 'cannot keep the hidden value, the address it goes to changed; type it again']);
    const renamed = { ...stored, headers: [{ name: 'X-Leak', value: HIDDEN }] };
    expect(await refusal(id, graphWith(['hook', renamed]))).toEqual(['BAD_REQUEST', 'draft.nodes.1.config.headers.0.value',
      'cannot keep the hidden value, nothing is stored at this place; type it again']);
    const other = await editor.journeys.create.mutate({ name: 'Copied into' });
    expect(await refusal(other.id, graphWith(['hook', shown]))).toEqual(['BAD_REQUEST', 'draft.nodes.1.config.headers.0.value',
      'cannot keep the hidden value, a copied or new step keeps none; type it again']);
    expect(await rawDraft(id)).toBe(before); // nothing refused was stored
  });

  it('store a typed value as it is, even one that looks sealed', async () => {
    const sealed = JSON.parse(await rawDraft(id)).nodes[1].config.secret as string;
    expect(sealed).toMatch(/^enc:v1:/);
    const other = await editor.journeys.create.mutate({ name: 'Oracle attempt' });
    await editor.journeys.saveDraft.mutate({ id: other.id, draft: graphWith(['hook', hook({ url: 'https://collector.example.net/in', secret: sealed })]) });
    expect(hookOf((await editor.journeys.get.query({ id: other.id })).draft).secret).toBe(sealed);
  });

  it('are checked opened at publish and stored sealed in the version', async () => {
    const published = await editor.journeys.publish.mutate({ id });
    expect(published.ok).toBe(true);
    const [row] = await database.sql`select graph::text as graph, plan::text as plan from journey_versions where journey_id = ${id}`;
    for (const secret of [TOKEN, TENANT, SIGNING]) expect(row.graph + row.plan).not.toContain(secret);
    const plan = JSON.parse(row.plan).nodes.hook.config;
    expect(database.secrets.open(plan.secret)).toBe(SIGNING);
    // A secret that is too short is refused with its field, read opened (not the sealed length).
    await editor.journeys.saveDraft.mutate({ id, draft: graphWith(['hook', hook({ secret: 'short' })]) });
    const refused = await editor.journeys.publish.mutate({ id });
    expect(refused).toEqual({ ok: false, issues: [{ nodeId: 'hook', field: 'secret', code: 'config', message: 'Use at least 16 characters (or none: unsigned)' }] });
  });
});

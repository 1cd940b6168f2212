// A third-party-style plugin for the service tests: a node type that queues messages with a
// gateway service, the service delivering them over HTTP to a real in-process receiver the
// way an SMS plugin talks to its provider (settings with a sealed token, the effect key as
// Idempotency-Key, 202 + an id for "accepted", 5xx retried, 4xx failed).
import type { Database } from '@afterglow/db';
import type { JourneyGraph } from '@afterglow/journey-core';
import { defineNodeType, definePlugin, defineService, hold, next } from '@afterglow/node-sdk';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

export const gateway = defineService({
  id: 'test/gateway',
  label: 'Test gateway',
  payload: z.object({
    path: z.string().startsWith('/'),
    text: z.string().min(1, 'Write the message'),
    pin: z.string().meta({ widget: 'secret' }).optional(),
  }),
  settings: z.object({ baseUrl: z.string(), token: z.string().meta({ widget: 'secret' }) }),
  counters: ['delivered', 'undelivered', 'sent'],
  retry: { maxAttempts: 4 },
  async deliver(effect, ctx) {
    if (!ctx.settings) return { status: 'retry', error: 'the gateway is not configured' };
    const res = await ctx.fetch(`${ctx.settings.baseUrl}${effect.payload.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.settings.token}`, 'idempotency-key': effect.key, 'content-type': 'application/json' },
      body: JSON.stringify({ text: effect.payload.text, pin: effect.payload.pin, attempt: effect.attempt, statusCallback: ctx.routeUrl('status') }),
    });
    if (res.status === 202) return { status: 'accepted', externalId: ((await res.json()) as { sid: string }).sid, count: 'sent' };
    if (res.ok) return { status: 'delivered', count: 'delivered' };
    if (res.status >= 500) return { status: 'retry', error: `${res.status}: ${await res.text()}` };
    return { status: 'failed', error: `${res.status}: ${await res.text()}`, count: 'undelivered' };
  },
});

const sendMessage = defineNodeType({
  id: 'test/send-message',
  version: 1,
  category: 'action',
  config: z.object({
    path: z.string(),
    text: z.string(),
    pin: z.string(),
    /** One enqueue per entry; '' is the step's default key. */
    keys: z.array(z.string()),
    marketing: z.boolean(),
    /** Hold the step until then (ISO time) after queuing: it runs again at that time. */
    holdUntil: z.string(),
  }),
  defaults: { path: '/ok', text: 'Hello', pin: '', keys: [''], marketing: false, holdUntil: '' },
  ui: { label: 'Send message', description: 'Queues a message with the test gateway', icon: 'message', color: 'sky',
    branches: [{ id: 'out', label: 'Then' }], summary: (c) => c.path },
  counters: [{ id: 'queued', label: 'Queued' }, { id: 'skipped', label: 'Skipped' }, { id: 'delivered', label: 'Delivered' },
    { id: 'undelivered', label: 'Undelivered', tone: 'bad' }, { id: 'sent', label: 'Sent' }],
  async execute(ctx, c) {
    if (c.marketing) {
      const verdict = await ctx.sendPolicy.check({ channel: 'sms', kind: 'marketing' });
      if (verdict.decision !== 'send') {
        ctx.count('skipped');
        return next();
      }
    }
    for (const key of c.keys) {
      await ctx.enqueue(gateway, { path: c.path, text: c.text, ...(c.pin ? { pin: c.pin } : {}) },
        { ...(key ? { key } : {}), marketing: c.marketing });
    }
    ctx.count('queued');
    if (c.holdUntil && ctx.now() < new Date(c.holdUntil)) return hold(new Date(c.holdUntil), 'test hold');
    return next();
  },
});

export const testPlugin = definePlugin({ id: 'test-plugin', nodeTypes: [sendMessage], services: [gateway] });

const at = { x: 0, y: 0 };

/** A trigger on `event`, then the Send message step 'send' with `config` over the defaults. */
export function messageJourney(event: string, config: Partial<z.input<typeof sendMessage.config>> = {}): JourneyGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: at, config: { event, filters: [], entryKeyProperty: '' } },
      { id: 'send', type: 'test/send-message', position: at, config: { ...sendMessage.defaults, ...config } },
    ],
    edges: [{ id: 'e', source: 'trigger', sourceHandle: 'out', target: 'send' }],
  };
}

/** The workspace's gateway settings as Settings > Integrations stores them: the token sealed. */
export async function configureGateway(db: Database, workspaceId: string, baseUrl: string, token: string, now: Date) {
  await db.sql`insert into service_settings (workspace_id, service_id, settings, updated_at)
    values (${workspaceId}, 'test/gateway', ${db.sql.json({ baseUrl, token: db.secrets.seal(token) })}, ${now})`;
}

export interface Received { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown>; seen: unknown }

/**
 * The provider: answers each path from a script (then 200; 202 + a new sid on /accept, the same one on /dup),
 * recording every request and what `probe` saw in the database while the request was made.
 */
export function startGateway(script: Record<string, number[]>, probe: (r: Omit<Received, 'seen'>) => Promise<unknown> = async () => null) {
  const received: Received[] = [];
  let sids = 0;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => { text += c; });
    req.on('end', async () => {
      const r = { path: req.url ?? '', headers: req.headers, body: JSON.parse(text || '{}') as Record<string, unknown> };
      received.push({ ...r, seen: await probe(r) });
      const status = script[r.path]?.shift() ?? (r.path === '/accept' || r.path === '/dup' ? 202 : 200);
      // '/dup': a provider answering every message with the same id.
      const sid = () => (r.path === '/dup' ? 'SMDUP' : `SM${++sids}`);
      if (status === 202) res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: sid() }));
      else res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'nope');
    });
  });
  return new Promise<{ base: string; received: Received[]; to(path: string): Received[]; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received,
      to: (path) => received.filter((r) => r.path === path),
      close: () => new Promise((done) => server.close(() => done())),
    }));
  });
}

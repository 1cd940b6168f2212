// Every bad request is refused whole, with the right status and a body naming the bad
// fields, and writes nothing: the rows counted before and after are the same.
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth, KEY, REVOKED_KEY, startIngestHarness, type IngestHarness } from './ingest-harness';

let h: IngestHarness;
beforeAll(async () => { h = await startIngestHarness(); });
afterAll(() => h.close());
beforeEach(() => h.reset());

const track = (extra: Record<string, unknown> = {}) => ({ userId: 'cust_x', event: 'Checkout Started', messageId: 'm-ok', ...extra });
const order = (properties: unknown, extra: Record<string, unknown> = {}) => track({ event: 'Order Completed', properties, ...extra });
const without = (key: string) => { const m: Record<string, unknown> = track(); delete m[key]; return m; };

interface Case { name: string; path?: string; body?: unknown; raw?: string; key?: string | null; method?: string; status: number; paths?: string[] }

const cases: Case[] = [
  { name: 'properties of the wrong type', body: track({ properties: 'big order' }), status: 400, paths: ['properties'] },
  { name: 'event of the wrong type', body: track({ event: 42 }), status: 400, paths: ['event'] },
  { name: 'userId of the wrong type', body: track({ userId: { id: 1 } }), status: 400, paths: ['userId'] },
  { name: 'missing userId', body: without('userId'), status: 400, paths: ['userId'] },
  { name: 'missing event', body: without('event'), status: 400, paths: ['event'] },
  { name: 'bad timestamp', body: track({ timestamp: 'yesterday' }), status: 400, paths: ['timestamp'] },
  { name: 'body that is not an object', body: [1, 2], status: 400, paths: ['(body)'] },
  { name: 'identify with a bad email and time zone', path: '/v1/identify',
    body: { userId: 'cust_x', messageId: 'm-i', traits: { email: 'nope', timezone: 'Mars/Olympus' } }, status: 400, paths: ['traits.email', 'traits.timezone'] },
  { name: 'batch whose every message is bad', path: '/v1/batch',
    body: { batch: [{ type: 'track', ...track({ messageId: 'm-2', event: '' }) }, { type: 'identify', userId: 'c', traits: [] }] },
    status: 400, paths: ['batch.0.event', 'batch.1.traits'] },
  { name: 'batch with an unknown message type', path: '/v1/batch', body: { batch: [{ type: 'teleport', userId: 'c' }] }, status: 400, paths: ['batch.0.type'] },
  { name: 'message with neither userId nor anonymousId', body: track({ userId: undefined }), status: 400, paths: ['userId'] },
  { name: 'order event without an order_id', body: order({ total: 5 }), status: 400, paths: ['properties.order_id'] },
  { name: 'order event with a bad line item', body: order({ order_id: 'o1', products: [{ product_id: 'p1', price: 'cheap', quantity: 0 }] }),
    status: 400, paths: ['properties.products.0.price', 'properties.products.0.quantity'] },
  { name: 'order event from an anonymous visitor', body: order({ order_id: 'o1' }, { userId: undefined, anonymousId: 'anon-1' }),
    status: 400, paths: ['userId'] },
  { name: 'alias without previousId', path: '/v1/alias', body: { userId: 'c', messageId: 'm-a' }, status: 400, paths: ['previousId'] },
  { name: 'group without groupId', path: '/v1/group', body: { userId: 'c', messageId: 'm-g' }, status: 400, paths: ['groupId'] },
  { name: 'empty batch', path: '/v1/batch', body: { batch: [] }, status: 400, paths: ['batch'] },
  { name: 'invalid JSON', raw: '{"userId": "cust_x", "event": ', status: 400, paths: ['(body)'] },
  { name: 'body over 512 KB', body: track({ properties: { blob: 'x'.repeat(520 * 1024) } }), status: 413 },
  { name: 'unknown key', key: 'ag_live_guess', body: track(), status: 401 },
  { name: 'missing authentication', key: null, body: track(), status: 401 },
  { name: 'revoked key', key: REVOKED_KEY, body: track(), status: 401 },
  { name: 'revoked key as writeKey', key: null, body: track({ writeKey: REVOKED_KEY }), status: 401 },
  { name: 'GET instead of POST', method: 'GET', status: 405 },
  { name: 'unknown endpoint', path: '/v1/teleport', body: track(), status: 404 },
];

describe('refused requests write nothing', () => {
  for (const c of cases) {
    it(`${c.name} → ${c.status}`, async () => {
      const before = await h.counts();
      const res = await h.post(c.path ?? '/v1/track', c.body, { key: c.key, raw: c.raw, method: c.method });
      expect(res.status).toBe(c.status);
      expect(typeof res.json.error).toBe('string');
      if (c.paths) expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(c.paths);
      for (const issue of res.json.issues) expect(issue.message).toMatch(/\w/);
      expect(await h.counts()).toEqual(before);
      expect(h.stored).toEqual([]);
      expect(h.commits).toBe(0);
    });
  }

  it('a streamed body (no Content-Length) stops being read past 512 KB → 413', async () => {
    const before = await h.counts();
    const url = new URL('/v1/batch', h.base);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers: { authorization: basicAuth(KEY), 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"batch": [');
      const chunk = `${JSON.stringify({ type: 'track', ...track(), properties: { pad: 'y'.repeat(16 * 1024) } })},`;
      // Writes well past the limit; the server answers before the body is complete.
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end(']}');
      };
      pump();
    });
    expect(status).toBe(413);
    expect(await h.counts()).toEqual(before);
  });

  it('a failure while handing events on rolls the whole request back → 500', async () => {
    const before = await h.counts();
    h.failNextStore = true;
    const res = await h.post('/v1/batch', { batch: [{ type: 'track', ...track({ messageId: 'm-rb', userId: 'cust_new' }) }] });
    expect(res.status).toBe(500);
    expect(await h.counts()).toEqual(before);
    expect(h.commits).toBe(0);
    // The same message sent again is stored normally: nothing of the failed attempt remains.
    expect((await h.post('/v1/batch', { batch: [{ type: 'track', ...track({ messageId: 'm-rb', userId: 'cust_new' }) }] })).status).toBe(200);
    expect(await h.counts()).toEqual({ events: before.events + 1, customers: before.customers + 1 });
  });
});

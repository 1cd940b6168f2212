// Each way bad input used to reach a 500 (issue 12), at each boundary of the real app: NUL,
// unpaired surrogates, numbers and date-times past a column's range, nesting thousands deep.
// Each is a 400 naming the field and writes nothing; a batch keeps its good messages (207).
// An unexpected error is a 500 naming its request id, with no message, stack or path of the server's.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { systemClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestListener } from '../apps/server/src/http';
import { THANK_YOU_JOURNEY_ID } from '../apps/server/src/seed/journey';
import { startFuzzApp, type FuzzApp } from './fuzz/app';
import { shopifyBodies } from './fuzz/corpus';
import { nested, rawLiteral, toJson } from './fuzz/hostile';
import { createSender, FRESH, type FuzzRequest, type Sender } from './fuzz/request';
import { basic } from './fuzz/routes/common';
import { installWriteLog } from './fuzz/write-log';
import { KEY, startIngestHarness } from './ingest-harness';
import { startApiServer, unusedTemplateSandbox } from './support/api-client';
import { capturingLogger, type LoggedLine } from './support/logs';

let fuzz: FuzzApp;
let sender: Sender;
let writes: Awaited<ReturnType<typeof installWriteLog>>;

beforeAll(async () => {
  fuzz = await startFuzzApp();
  sender = createSender(fuzz);
  writes = await installWriteLog(fuzz.database);
});
afterAll(() => fuzz?.close());

async function send(req: Omit<FuzzRequest, 'route'>) {
  const { req: prepared } = await sender.prepare({ route: 'test', ...req });
  await writes.take();
  const reply = await sender.send(prepared);
  return { status: reply.status, json: JSON.parse(reply.body || 'null'), written: await writes.take(), headers: reply.headers };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  send({ method: 'POST', path, headers: { 'content-type': 'application/json', authorization: basic(fuzz.ingestKey), ...headers }, body: toJson(body) });

const track = (extra: Record<string, unknown>) => ({ userId: 'cust_policy', event: 'Viewed', messageId: FRESH, ...extra });
const order = (properties: Record<string, unknown>) => track({ event: 'Order Completed', properties: { order_id: 'o-1', ...properties } });
const deepPath = `properties.${Array(63).fill('a').join('.')}`;

describe('ingestion (/v1)', () => {
  const cases: Array<[string, string, unknown, string[]]> = [
    ['NUL in a property', '/v1/track', track({ properties: { note: 'a\u0000b' } }), ['properties.note']],
    ['NUL in a key', '/v1/track', track({ properties: { 'a\u0000': 1 } }), ['properties.a\\u0000']],
    ['an unpaired surrogate in a trait', '/v1/identify', { userId: 'c', messageId: FRESH, traits: { name: 'x\ud800' } }, ['traits.name']],
    ['a number JSON can spell but not hold', '/v1/track', track({ properties: { big: rawLiteral('1e400') } }), ['properties.big']],
    ['nesting 5,000 deep', '/v1/page', { userId: 'c', messageId: FRESH, properties: nested(5_000, 1, true) }, [deepPath]],
    ['an order total past numeric(12,2)', '/v1/track', order({ total: 1e10 }), ['properties.total']],
    ['an order total that rounds past it', '/v1/track', order({ total: '9999999999.995' }), ['properties.total']],
    ['lines summing past it', '/v1/track', order({ products: [{ product_id: 'p', price: 9_999_999_999, quantity: 2 }] }), ['properties.products']],
    ['a UTC offset Postgres cannot read', '/v1/track', track({ timestamp: '2025-01-01T00:00:00+23:59' }), ['timestamp']],
    ['the year 0000', '/v1/identify', { userId: 'c', messageId: FRESH, traits: { birthday: '0000-01-01' } }, ['traits.birthday']],
  ];
  for (const [name, path, body, paths] of cases) {
    it(`${name} → 400 naming ${paths.map((p) => (p.length > 30 ? `${p.slice(0, 20)}…` : p)).join(', ')}, nothing written`, async () => {
      const res = await post(path, body);
      expect(res.status).toBe(400);
      expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(paths);
      expect(res.written).toEqual([]);
    });
  }

  it('keys named like JavaScript internals pollute nothing (zod 4.1.12 threw on {"constructor": null})', async () => {
    const properties = JSON.parse('{"constructor":null,"__proto__":{"polluted":true},"prototype":1}');
    const res = await post('/v1/track', track({ messageId: 'pol-ctor', properties }));
    expect(res.status).toBe(200);
    const [event] = await fuzz.database.sql<{ properties: Record<string, unknown> }[]>`select properties from events where message_id = 'pol-ctor'`;
    // The schema copies keys by assignment, so "__proto__" is dropped, not stored and not obeyed.
    expect(event.properties).toEqual({ constructor: null, prototype: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a batch keeps its good messages and lists the refused ones (207)', async () => {
    const ids = ['pol-b0', 'pol-b1', 'pol-b2', 'pol-b3', 'pol-b4'];
    const batch = [
      { type: 'track', ...track({ messageId: ids[0] }) },
      { type: 'track', ...track({ messageId: ids[1], properties: { note: '\u0000' } }) },
      { type: 'identify', userId: 'cust_policy', messageId: ids[2], traits: { plan: 'gold' } },
      { type: 'page', userId: 'cust_policy', messageId: ids[3], properties: nested(3_000, 'x', false) },
      { type: 'track', ...track({ messageId: ids[4], event: 'Order Completed', properties: { order_id: 'o-2', total: 2e10 } }) },
    ];
    const res = await post('/v1/batch', { batch });
    expect(res.status).toBe(207);
    expect(res.json.stored).toBe(2);
    expect(res.written).toContain('events'); // the write log sees writes (it sees none above)
    expect(res.json.rejected.map((r: { index: number; issues: { path: string }[] }) => [r.index, r.issues[0].path.split('.').slice(0, 3).join('.')]))
      .toEqual([[1, 'batch.1.properties'], [3, 'batch.3.properties'], [4, 'batch.4.properties']]);
    const stored = await fuzz.database.sql<{ id: string }[]>`select message_id as id from events where message_id in ${fuzz.database.sql(ids)} order by 1`;
    expect(stored.map((r) => r.id)).toEqual([ids[0], ids[2]]);
  });
});

describe('sums kept of what was accepted', () => {
  it('a customer\'s order history adds up past what one order may hold (101 orders at the maximum)', async () => {
    const batch = Array.from({ length: 101 }, (_, i) => ({ type: 'track', ...order({ order_id: `max-${i}`, total: 9_999_999_999.99 }), userId: 'cust_big' }));
    expect((await post('/v1/batch', { batch })).status).toBe(200);
    const [stats] = await fuzz.database.sql<{ total: string }[]>`
      select total_spent::text as total from customer_order_stats where customer_id = 'cust_big'`;
    expect(stats.total).toBe('1009999999998.99');
  });
});

describe('a journey goal (the engine copies its revenue into conversions)', () => {
  const owner = (path: string, input: unknown) => send({ method: 'POST', path: `/trpc/${path}`, as: 'owner', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });

  it('a goal event with a revenue past numeric(12,2) still converts the run, revenue unknown', async () => {
    expect((await owner('journeys.saveSettings', { id: THANK_YOU_JOURNEY_ID, settings: { goal: { event: 'Review Written' } } })).status).toBe(200);
    expect((await owner('journeys.publish', { id: THANK_YOU_JOURNEY_ID })).status).toBe(200);
    expect((await post('/v1/track', order({ order_id: 'o-goal', total: 30 }))).status).toBe(200);
    const res = await post('/v1/track', track({ event: 'Review Written', properties: { revenue: 1e12 } }));
    expect(res.status).toBe(200);
    const [conversion] = await fuzz.database.sql<{ revenue: number | null }[]>`
      select revenue from conversions where customer_id = 'cust_policy' and event_name = 'Review Written'`;
    expect(conversion).toEqual({ revenue: null });
  });
});

describe('Shopify webhooks', () => {
  const [sample] = shopifyBodies.orders as Array<{ line_items: Record<string, unknown>[] }>;
  const shopify = (body: unknown) => send({
    method: 'POST', path: '/webhooks/shopify', shopifySignature: 'valid', body: toJson(body),
    headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': FRESH },
  });
  const withLine = (line: Record<string, unknown>) => ({ ...sample, line_items: [{ ...sample.line_items[0], ...line }] });
  const cases: Array<[string, unknown, string]> = [
    ['NUL in a line title', withLine({ title: 'Shoe\u0000' }), 'line_items.0.title'],
    ['a total past numeric(12,2)', { ...sample, total_price: '10000000000.00' }, 'total_price'],
    ['a quantity past int4', withLine({ quantity: 3e9 }), 'line_items.0.quantity'],
    ['a sku longer than an order item holds', withLine({ sku: 'x'.repeat(300) }), 'line_items.0.sku'],
    ['a UTC offset Postgres cannot read', { ...sample, created_at: '2025-01-01T00:00:00+20:00' }, 'created_at'],
  ];
  for (const [name, body, path] of cases) {
    it(`${name} → 400 naming ${path}, nothing written`, async () => {
      const res = await shopify(body);
      expect(res.status).toBe(400);
      expect(res.json.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(res.written).toEqual([]);
    });
  }
});

describe('bounces and recipient links', () => {
  const dsn = (diagnostic: string) => [
    'From: MAILER-DAEMON@mx.example', 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b"', '',
    '--b', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example', '',
    'Final-Recipient: rfc822; ada@example.com', 'Action: failed', 'Status: 5.1.1', `Diagnostic-Code: ${diagnostic}`, '',
    '--b', 'Content-Type: text/rfc822-headers', '', `Message-ID: ${fuzz.sent.messageId}`, '', '--b--', '',
  ].join('\r\n');

  it('a NUL byte in a DSN field → 400 naming it, nothing recorded', async () => {
    const res = await send({ method: 'POST', path: '/webhooks/bounces', headers: { 'content-type': 'message/rfc822', authorization: basic(fuzz.ingestKey) }, body: dsn('smtp; 550 no\u0000such user') });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(['diagnostic']);
    expect(res.written).toEqual([]);
  });

  it('NUL in a JSON notice → 400 naming it, nothing recorded', async () => {
    const res = await post('/webhooks/bounces', { type: 'complaint', messageId: fuzz.sent.messageId, address: 'ada@example.com', reason: 'spam\u0000' });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    expect(res.written).toEqual([]);
  });

  it('a link whose token claims a workspace with NUL in it → 400, not a query', async () => {
    const forged = `${Buffer.from(JSON.stringify({ t: 'u', w: 'ws\u0000', c: 'c' })).toString('base64url')}.${fuzz.tokens.u.split('.')[1]}`;
    const res = await sender.send({ route: 'test', method: 'GET', path: `/u/${forged}`, headers: {} });
    expect(res.status).toBe(400);
  });
});

describe('tRPC', () => {
  const call = (path: string, input: unknown) => send({ method: 'POST', path: `/trpc/${path}`, as: 'owner', headers: { 'content-type': 'application/json' }, body: toJson(input) });

  it('NUL in any procedure input → 400 naming the field, nothing written', async () => {
    const res = await call('journeys.create', { name: 'Welcome\u0000' });
    expect(res.status).toBe(400);
    expect(res.json.error.data.issues).toEqual([{ field: 'name', message: expect.stringContaining('NUL') }]);
    expect(res.written).toEqual([]);
  });

  it('nesting 5,000 deep → 400 before the schema walks it', async () => {
    const res = await call('segments.save', { name: 'Deep', rule: nested(5_000, {}, true) });
    expect(res.status).toBe(400);
    expect(res.json.error.data.issues[0].field).toMatch(/^rule\.a\.a/);
  });

  it('an error response carries no stack trace', async () => {
    const res = await send({ method: 'GET', path: '/trpc/templates.get?input=%7B%22id%22%3A%22nope%22%7D', as: 'owner', headers: {} });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.json)).not.toMatch(/stack|\.ts:\d|node_modules/);
  });
});

describe('an unexpected error', () => {
  const leaks = /boom|ECONNREFUSED|secret|\bat .+:\d+|node_modules|stack/;

  it('from tRPC is a 500 with the request id, logged with the stack, and no message, stack or path of the server', async () => {
    // A fault that is not an outage (an outage is a 503: tests/outage.test.ts).
    const broken: Database = { ...fuzz.database, sql: (() => { throw new Error('boom in /run/secret/db.sock'); }) as unknown as Database['sql'] };
    const logged: LoggedLine[] = [];
    const server = await startApiServer({
      database: broken, registry: createRegistry(), clock: systemClock, engine: {} as ApiDeps['engine'],
      templateSandbox: unusedTemplateSandbox, log: capturingLogger(logged),
    });
    try {
      const res = await fetch(`${server.url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.c', password: 'x' }) });
      const text = await res.text();
      const requestId = res.headers.get('x-request-id');
      expect(res.status).toBe(500);
      expect(JSON.parse(text).error).toMatchObject({ message: `Internal error (request id ${requestId})`, data: { requestId } });
      expect(text).not.toMatch(leaks);
      expect(JSON.stringify(logged)).toContain(requestId);
    } finally {
      await server.close();
    }
  });

  it('from ingestion is a 500 with the request id and what to do, nothing more', async () => {
    const h = await startIngestHarness();
    try {
      h.failNextStore = true;
      const res = await fetch(`${h.base}/v1/track`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: basic(KEY) }, body: JSON.stringify(track({ messageId: 'm-500' })) });
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toMatchObject({ error: expect.stringContaining('retry later'), requestId: res.headers.get('x-request-id') });
      expect(text).not.toMatch(/enrolment failed|\bat .+:\d+/);
    } finally {
      await h.close();
    }
  });

  it('from any other route is a 500 with the request id, and the log has the stack under that id', async () => {
    const logged: LoggedLine[] = [];
    const throwing = () => { throw new Error('boom in /srv/app/secret.ts'); };
    const server = http.createServer(createRequestListener({ database: fuzz.database, trpc: throwing, ingest: throwing, webDistDir: '/nonexistent', log: capturingLogger(logged) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/track`, { method: 'POST' });
      const text = await res.text();
      const requestId = res.headers.get('x-request-id')!;
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: `Internal error (request id ${requestId})`, requestId });
      const line = logged.find((l) => JSON.stringify(l).includes(requestId));
      expect(String((line?.data as { error?: string } | undefined)?.error)).toMatch(/boom in \/srv\/app\/secret\.ts[\s\S]*\bat /);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

// The Call webhook step on a real Postgres and a real HTTP receiver on 127.0.0.1, its calls
// queued and delivered as effects of the core/webhook service: delivered once and signed; 5xx retried on the injected clock's backoff; 4xx failed at once; the one
// resend window (a crash after the receiver answered, before the outcome committed) reuses the
// Idempotency-Key; and, without the development allowance, internal addresses are refused
// before any connection is made.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, writeServiceEffects, type Engine, type ServiceEffectRow } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { readEnv } from '../apps/server/src/env';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';

const registry = createRegistry();
const WS = 'ws_hooks';
const SECRET = 'whsec_0123456789abcdef';
const NAME = 'Ada "the" \\ Lövelace';
const at = { x: 0, y: 0 };

interface Received { path: string; headers: Record<string, string | string[] | undefined>; body: string }

/** A receiver that answers each path from a script (then 200), recording every request. */
function startReceiver(script: Record<string, number[]>) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body };
      received.push(r);
      const status = script[r.path]?.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'nope');
    });
  });
  return new Promise<{ base: string; received: Received[]; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received,
      close: () => new Promise((done) => server.close(() => done())),
    }));
  });
}

function journey(event: string, url: string, extra: Record<string, unknown> = {}): JourneyGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: at, config: { event, filters: [], entryKeyProperty: '' } },
      { id: 'hook', type: 'core/call-webhook', position: at, config: {
        url, method: 'POST', headers: [{ name: 'X-Shop', value: 'demo' }], secret: '',
        body: '{ "name": "{{ customer.fullName }}", "order": {{ event.order_id }}, "greeting": "Hi {{ customer.firstName | upcase }}!" }',
        ...extra } },
    ],
    edges: [{ id: 'e', source: 'trigger', sourceHandle: 'out', target: 'hook' }],
  };
}

describe('engine: the Call webhook step', () => {
  let db: Database;
  let engine: Engine;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const script: Record<string, number[]> = { '/flaky': [503, 503], '/gone': [404] };
  const clock = new ManualClock(new Date('2026-05-01T09:00:00Z'));
  const versions: Record<string, string> = {};
  const enter = (e: Engine, customerId: string, name: string) => ingestEvents(db, e.enrolEvents,
    [{ workspaceId: WS, customerId, name, properties: { order_id: 1001 }, timestamp: clock.now() }]);
  const rowOf = async (versionId: string) => (await db.sql`select * from service_effects where version_id = ${versionId}`)[0];
  const to = (path: string) => receiver.received.filter((r) => r.path === path);

  beforeAll(async () => {
    db = await createTestDatabase();
    receiver = await startReceiver(script);
    engine = createEngine({ database: db, registry, clock, allowPrivateWebhookTargets: true });
    await seedWorkspace(db, WS, [{ id: 'ada', email: 'ada@example.com', firstName: NAME }], clock.now());
    versions.ok = await publishGraph(db, registry, WS, 'j_ok', journey('Hook ok', `${receiver.base}/ok`, { secret: SECRET }));
    versions.flaky = await publishGraph(db, registry, WS, 'j_flaky', journey('Hook flaky', `${receiver.base}/flaky`));
    versions.gone = await publishGraph(db, registry, WS, 'j_gone', journey('Hook gone', `${receiver.base}/gone`));
  });

  afterAll(async () => {
    await receiver?.close();
    await db?.close();
  });

  it('delivers once, signed, with valid JSON however the customer is named', async () => {
    await enter(engine, 'ada', 'Hook ok');
    await engine.advanceUntilIdle();
    await engine.advanceUntilIdle(); // a second sweep sends nothing again
    const [call] = to('/ok');
    expect(to('/ok')).toHaveLength(1);
    expect(JSON.parse(call.body)).toEqual({ name: NAME, order: 1001, greeting: `Hi ${NAME.toUpperCase()}!` });
    const [run] = await db.sql`select id from journey_runs where version_id = ${versions.ok}`;
    expect(call.headers).toMatchObject({ 'content-type': 'application/json', 'x-shop': 'demo', 'idempotency-key': `${run.id}:hook:core/webhook` });
    // What a receiver does: recompute the HMAC over "<t>.<raw body>" and compare in constant time.
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(call.headers['x-afterglow-signature']))!;
    expect(Number(t)).toBe(clock.now().getTime() / 1000);
    const expected = createHmac('sha256', SECRET).update(`${t}.${call.body}`).digest();
    expect(timingSafeEqual(expected, Buffer.from(v1, 'hex'))).toBe(true);
    const tampered = createHmac('sha256', SECRET).update(`${t}.${call.body.replace('1001', '1002')}`).digest();
    expect(timingSafeEqual(tampered, Buffer.from(v1, 'hex'))).toBe(false);
    // Once final, the row keeps no secret: the header values and the signing secret are emptied.
    const delivered = await rowOf(versions.ok);
    expect(delivered).toMatchObject({ service_id: 'core/webhook', status: 'delivered', attempts: 1, last_error: null, settled_at: clock.now() });
    expect(delivered.payload).toMatchObject({ signingSecret: '', headers: [{ name: 'X-Shop', value: '' }] });
    expect(JSON.stringify(delivered.payload)).not.toContain(SECRET);
    expect((await engine.stats(versions.ok)).nodes.hook.counters).toEqual({ delivered: 1 });
    // Unsigned steps send no signature header.
    await enter(engine, 'ada', 'Hook gone');
    await engine.advanceUntilIdle();
    expect(to('/gone')[0].headers['x-afterglow-signature']).toBeUndefined();
  });

  it('fails a 4xx at once, visible on the canvas', async () => {
    expect(to('/gone')).toHaveLength(1); // entered in the test above
    clock.advance(86400e3);
    await engine.advanceUntilIdle();
    expect(to('/gone')).toHaveLength(1);
    expect(await rowOf(versions.gone)).toMatchObject({ status: 'failed', attempts: 1, last_error: '404: nope' });
    expect((await engine.stats(versions.gone)).nodes.hook.counters).toEqual({ undelivered: 1 });
  });

  it('retries 503 with backoff on the injected clock, delivering on the third attempt', async () => {
    await enter(engine, 'ada', 'Hook flaky');
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await engine.advanceUntilIdle();
      expect(to('/flaky')).toHaveLength(attempt);
      const row = await rowOf(versions.flaky);
      if (attempt < 3) {
        expect(row).toMatchObject({ status: 'pending', attempts: attempt, last_error: '503: nope' });
        expect((await engine.stats(versions.flaky)).nodes.hook.counters).toEqual({}); // a retry is no outcome yet
        delays.push(row.next_attempt_at.getTime() - clock.now().getTime());
        await engine.advanceUntilIdle(); // not due yet: nothing is sent early
        expect(to('/flaky')).toHaveLength(attempt);
        clock.set(row.next_attempt_at);
      } else {
        expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_error: null });
        expect((await engine.stats(versions.flaky)).nodes.hook.counters).toEqual({ delivered: 1 });
      }
    }
    // 30 s then 60 s, each with jitter down to half.
    expect(delays[0]).toBeGreaterThanOrEqual(15_000);
    expect(delays[0]).toBeLessThanOrEqual(30_000);
    expect(delays[1]).toBeGreaterThanOrEqual(30_000);
    expect(delays[1]).toBeLessThanOrEqual(60_000);
    expect(new Set(to('/flaky').map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('queues one row per effect key however often a batch is retried', async () => {
    const row: ServiceEffectRow = { workspace_id: WS, service_id: 'core/webhook', effect_key: 'run:x', run_id: '00000000-0000-0000-0000-000000000001',
      journey_id: 'j', version_id: 'v_once', node_id: 'n', customer_id: 'ada', marketing: false,
      payload: { url: 'https://hooks.example.com/', method: 'POST', headers: [], body: '{}' },
      next_attempt_at: clock.now().toISOString(), created_at: clock.now().toISOString() };
    await writeServiceEffects(db.sql, new Map([[row.effect_key, row]]));
    await writeServiceEffects(db.sql, new Map([[row.effect_key, { ...row, payload: { ...(row.payload as object), body: '{"again":true}' } }]]));
    const rows = await db.sql`select payload from service_effects where version_id = 'v_once'`;
    expect(rows.map((r) => r.payload.body)).toEqual(['{}']);
    await db.sql`delete from service_effects where version_id = 'v_once'`;
  });

  it('resends only after a crash between the answer and the commit, with the same Idempotency-Key', async () => {
    // The crash: the receiver has answered, and the transaction writing the outcome dies before
    // its commit (a trigger raising on that write; killing the connection instead trips the
    // postgres.js timer bug named in the README). Everything the batch did rolls back.
    await db.sql`create function webhook_crash() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash before commit'; end $$`;
    await db.sql`create trigger webhook_crash before update on service_effects for each row execute function webhook_crash()`;
    const versionId = await publishGraph(db, registry, WS, 'j_crash', journey('Hook crash', `${receiver.base}/crash`));
    await enter(engine, 'ada', 'Hook crash');
    await expect(engine.advanceUntilIdle()).rejects.toThrow('simulated crash before commit');
    expect(to('/crash')).toHaveLength(1);
    expect(await rowOf(versionId)).toMatchObject({ status: 'pending', attempts: 0 }); // the outcome never committed
    expect((await engine.stats(versionId)).nodes.hook?.counters.delivered).toBeUndefined(); // nor its count
    await db.sql`drop trigger webhook_crash on service_effects`;
    await engine.advanceUntilIdle();
    await engine.advanceUntilIdle();
    expect(to('/crash')).toHaveLength(2);
    const [first, second] = to('/crash').map((r) => r.headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f-]{36}:hook:core\/webhook$/);
    expect(second).toBe(first);
    expect(await rowOf(versionId)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await engine.stats(versionId)).nodes.hook.counters).toEqual({ delivered: 1 }); // resent, counted once
  });

  it('refuses internal targets by default, naming the address, before connecting', async () => {
    const strict = createEngine({ database: db, registry, clock });
    const port = new URL(receiver.base).port;
    const corpus: [string, RegExp][] = [
      [`http://127.0.0.1:${port}/ok`, /^Refused: 127\.0\.0\.1 is a loopback address/],
      [`http://localhost:${port}/ok`, /^Refused: localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/],
      [`http://2130706433:${port}/ok`, /^Refused: 127\.0\.0\.1 is a loopback address/],
      [`http://0x7f000001:${port}/ok`, /^Refused: 127\.0\.0\.1 is a loopback address/],
      [`https://[::1]:${port}/ok`, /^Refused: ::1 is a loopback address/],
      ['https://10.0.0.1/hook', /^Refused: 10\.0\.0\.1 is a private address/],
      ['https://169.254.169.254/latest/meta-data/', /^Refused: 169\.254\.169\.254 is a link-local \(cloud metadata\) address/],
    ];
    const before = receiver.received.length;
    for (const [i, [url]] of corpus.entries()) {
      versions[`ssrf${i}`] = await publishGraph(db, registry, WS, `j_ssrf${i}`, journey(`SSRF ${i}`, url));
      await enter(strict, 'ada', `SSRF ${i}`);
    }
    await strict.advanceUntilIdle();
    for (const [i, [url, message]] of corpus.entries()) {
      const row = await rowOf(versions[`ssrf${i}`]);
      expect([url, row.status, row.attempts]).toEqual([url, 'failed', 1]);
      expect(row.last_error).toMatch(message);
      expect((await strict.stats(versions[`ssrf${i}`])).nodes.hook.counters).toEqual({ undelivered: 1 });
    }
    expect(receiver.received.length).toBe(before); // the live receiver on 127.0.0.1 was never reached
  });

  it('allows private targets on a server only with AFTERGLOW_WEBHOOK_ALLOW_PRIVATE=1', () => {
    expect(readEnv({}).webhookAllowPrivate).toBe(false);
    expect(readEnv({ AFTERGLOW_WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true);
    expect(() => readEnv({ AFTERGLOW_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/AFTERGLOW_WEBHOOK_ALLOW_PRIVATE must be 1 or 0/);
  });
});

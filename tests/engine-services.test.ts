// A plugin's service on a real Postgres with a real HTTP provider on 127.0.0.1: an effect is
// queued in the step's transaction (once per key, however often the step or its batch runs),
// delivered after commit with its key as the idempotency key and its secret fields opened
// only for deliver(), retried with backoff, failed for good after the service's attempts, left
// 'accepted' with the provider's id, counted on the canvas from its outcomes; a payload its
// schema refuses fails the run at once; a private target is refused by the guarded fetch.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';
import { configureGateway, messageJourney, startGateway, testPlugin } from './support/service-plugin';

const registry = createRegistry([testPlugin]);
const WS = 'ws_services';
const HOUR = 3600e3;

describe('engine: services of plugins', () => {
  let db: Database;
  let engine: Engine;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  const clock = new ManualClock(new Date('2026-05-01T09:00:00Z'));
  const versions: Record<string, string> = {};
  const publish = async (name: string, config: Parameters<typeof messageJourney>[1]) =>
    (versions[name] = await publishGraph(db, registry, WS, `j_${name}`, messageJourney(name, config)));
  const enter = (e: Engine, name: string, customerId = 'ada') =>
    ingestEvents(db, e.enrolEvents, [{ workspaceId: WS, customerId, name, properties: {}, timestamp: clock.now() }]);
  const effectsOf = (name: string) => db.sql`select * from service_effects where version_id = ${versions[name]} order by effect_key`;
  const runOf = async (name: string) => (await db.sql`select * from journey_runs where version_id = ${versions[name]}`)[0];
  const countersOf = async (name: string) => (await engine.stats(versions[name])).nodes.send?.counters;

  beforeAll(async () => {
    db = await createTestDatabase();
    // What the database held while the provider was being called: the effect, committed.
    gateway = await startGateway({ '/flaky': [503, 503], '/down': [503, 503, 503, 503, 503], '/gone': [404] },
      async (r) => (await db.sql`select status, payload from service_effects where effect_key = ${String(r.headers['idempotency-key'])}`)[0] ?? null);
    engine = createEngine({ database: db, registry, clock, allowPrivateWebhookTargets: true, publicUrl: () => 'https://afterglow.test/' });
    await seedWorkspace(db, WS, [{ id: 'ada', email: 'ada@example.com', firstName: 'Ada' }], clock.now());
    await configureGateway(db, WS, gateway.base, 'tok_0123456789', clock.now());
  });

  afterAll(async () => {
    await gateway?.close();
    await db?.close();
  });

  it('queues in the step\'s transaction, once per key, and delivers after commit with the key and the secrets opened', async () => {
    await publish('once', { path: '/once', pin: 'PIN-2468', keys: ['', ''] });
    // The batch dies before its commit: the step and its effect roll back together.
    await db.sql`create function walk_crash() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash before commit'; end $$`;
    await db.sql`create trigger walk_crash before insert on run_walks for each row execute function walk_crash()`;
    await enter(engine, 'once');
    await expect(engine.advanceUntilIdle()).rejects.toThrow('simulated crash before commit');
    expect(await effectsOf('once')).toHaveLength(0);
    await db.sql`drop trigger walk_crash on run_walks`;
    await engine.advanceUntilIdle();
    await engine.advanceUntilIdle(); // a second sweep delivers nothing again

    const run = await runOf('once');
    expect(run.status).toBe('completed');
    const [effect] = await effectsOf('once');
    expect(await effectsOf('once')).toHaveLength(1); // the step enqueued the same key twice
    expect(effect).toMatchObject({ effect_key: `${run.id}:send:test/gateway`, status: 'delivered', attempts: 1, marketing: false,
      customer_id: 'ada', service_id: 'test/gateway', settled_at: clock.now(), last_error: null });
    const [call] = gateway.to('/once');
    expect(gateway.to('/once')).toHaveLength(1);
    expect(call.headers).toMatchObject({ 'idempotency-key': effect.effect_key, authorization: 'Bearer tok_0123456789' });
    expect(call.body).toEqual({ text: 'Hello', pin: 'PIN-2468', attempt: 1,
      statusCallback: `https://afterglow.test/hooks/test-plugin/${WS}/status` });
    // While it was delivered, the effect was committed with its secret sealed; once delivered, the secret is gone.
    const seen = call.seen as { status: string; payload: { pin: string } };
    expect(seen.status).toBe('pending');
    expect(db.secrets.isSealed(seen.payload.pin)).toBe(true);
    expect(JSON.stringify(seen.payload)).not.toContain('PIN-2468');
    expect(effect.payload).toEqual({ path: '/once', text: 'Hello', pin: '' });
    const [step] = await db.sql`select detail from run_steps where run_id = ${run.id} and node_id = 'send'`;
    expect(step.detail).toEqual({ services: { 'test/gateway': 'queued' }, counts: { queued: 1 } });
    expect(await countersOf('once')).toEqual({ queued: 1, delivered: 1 });
  });

  it('keeps one effect per key when a held step runs again', async () => {
    await publish('keys', { path: '/keys', keys: ['a', 'b'], holdUntil: new Date(clock.now().getTime() + HOUR).toISOString() });
    await enter(engine, 'keys');
    await engine.advanceUntilIdle();
    expect(await runOf('keys')).toMatchObject({ status: 'waiting', due_at: new Date(clock.now().getTime() + HOUR) });
    clock.advance(HOUR);
    await engine.advanceUntilIdle();
    const run = await runOf('keys');
    expect(run.status).toBe('completed');
    expect((await effectsOf('keys')).map((e) => [e.effect_key, e.status])).toEqual([
      [`${run.id}:send:test/gateway:a`, 'delivered'], [`${run.id}:send:test/gateway:b`, 'delivered']]);
    expect(gateway.to('/keys').map((r) => r.headers['idempotency-key']).sort()).toEqual([
      `${run.id}:send:test/gateway:a`, `${run.id}:send:test/gateway:b`]);
    expect(await countersOf('keys')).toEqual({ queued: 2, delivered: 2, held: 1 });
  });

  it('retries a 503 with backoff on the injected clock, delivering on the third attempt', async () => {
    await publish('flaky', { path: '/flaky' });
    await enter(engine, 'flaky');
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await engine.advanceUntilIdle();
      expect(gateway.to('/flaky')).toHaveLength(attempt);
      const [effect] = await effectsOf('flaky');
      if (attempt === 3) {
        expect(effect).toMatchObject({ status: 'delivered', attempts: 3, last_error: null });
        break;
      }
      expect(effect).toMatchObject({ status: 'pending', attempts: attempt, last_error: '503: nope', settled_at: null });
      delays.push(effect.next_attempt_at.getTime() - clock.now().getTime());
      await engine.advanceUntilIdle(); // not due yet: nothing is sent early
      expect(gateway.to('/flaky')).toHaveLength(attempt);
      clock.set(effect.next_attempt_at);
    }
    // 30 s then 60 s, each with jitter down to half.
    expect(delays[0]).toBeGreaterThanOrEqual(15_000);
    expect(delays[0]).toBeLessThanOrEqual(30_000);
    expect(delays[1]).toBeGreaterThanOrEqual(30_000);
    expect(delays[1]).toBeLessThanOrEqual(60_000);
    expect(gateway.to('/flaky').map((r) => r.body.attempt)).toEqual([1, 2, 3]);
    expect(new Set(gateway.to('/flaky').map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(await countersOf('flaky')).toEqual({ queued: 1, delivered: 1 });
  });

  it('fails for good after the service\'s attempts, and at once when the provider refuses', async () => {
    await publish('down', { path: '/down', pin: 'PIN-1357' });
    await publish('gone', { path: '/gone' });
    await enter(engine, 'down');
    await enter(engine, 'gone');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await engine.advanceUntilIdle();
      const [effect] = await effectsOf('down');
      if (effect.status === 'pending') clock.set(effect.next_attempt_at);
    }
    clock.advance(24 * HOUR);
    await engine.advanceUntilIdle();
    expect(gateway.to('/down')).toHaveLength(4); // retry: { maxAttempts: 4 }
    expect((await effectsOf('down'))[0]).toMatchObject({ status: 'failed', attempts: 4, last_error: 'gave up after 4 attempts: 503: nope',
      settled_at: expect.any(Date), payload: { path: '/down', text: 'Hello', pin: '' } });
    expect(gateway.to('/gone')).toHaveLength(1);
    expect((await effectsOf('gone'))[0]).toMatchObject({ status: 'failed', attempts: 1, last_error: '404: nope' });
    // The service's own counter for a refusal, and its exhaustedCount when the attempts ran out.
    expect(await countersOf('gone')).toEqual({ queued: 1, undelivered: 1 });
    expect(await countersOf('down')).toEqual({ queued: 1, undelivered: 1 });
  });

  it('leaves an accepted effect waiting for its callback, with the provider\'s id', async () => {
    await publish('accept', { path: '/accept' });
    await enter(engine, 'accept');
    await engine.advanceUntilIdle();
    clock.advance(24 * HOUR);
    await engine.advanceUntilIdle();
    expect(gateway.to('/accept')).toHaveLength(1);
    expect((await effectsOf('accept'))[0]).toMatchObject({ status: 'accepted', external_id: 'SM1', attempts: 1, settled_at: null });
    expect(await countersOf('accept')).toEqual({ queued: 1, sent: 1 });
  });

  it('fails the run at once, naming the field, when the payload does not parse', async () => {
    await publish('blank', { path: '/blank', text: '' });
    await enter(engine, 'blank');
    await engine.advanceUntilIdle();
    const run = await runOf('blank');
    expect(run).toMatchObject({ status: 'failed', due_at: null, last_error: 'send: test/gateway: text Write the message' });
    const [step] = await db.sql`select outcome, detail from run_steps where run_id = ${run.id} and node_id = 'send'`;
    expect(step).toMatchObject({ outcome: 'error', detail: { code: 'config', field: 'text' } });
    clock.advance(24 * HOUR);
    await engine.advanceUntilIdle();
    expect((await runOf('blank')).status).toBe('failed'); // never retried
    expect(await effectsOf('blank')).toHaveLength(0);
    expect(gateway.to('/blank')).toHaveLength(0);
  });

  it('refuses a private target through the guarded fetch unless the engine allows them', async () => {
    const strict = createEngine({ database: db, registry, clock });
    await publish('private', { path: '/private' });
    await enter(strict, 'private');
    await strict.advanceUntilIdle();
    const [effect] = await effectsOf('private');
    expect(effect).toMatchObject({ status: 'pending', attempts: 1 });
    expect(effect.last_error).toMatch(/^Refused: 127\.0\.0\.1 is a loopback address; outbound calls go only to public hosts$/);
    expect(gateway.to('/private')).toHaveLength(0); // never connected
    clock.set(effect.next_attempt_at);
    await engine.advanceUntilIdle(); // the engine that allows private targets delivers it
    expect(gateway.to('/private')).toHaveLength(1);
  });
});

// Service effects over their life, on a real Postgres and a real HTTP provider: an effect whose
// plugin is disabled waits (no attempt used) and is delivered once the plugin is back;
// marketing effects count toward the workspace's frequency cap with marketing email; erasing a
// customer cancels and empties their effects; a provider's id names one effect; the daily
// clean-up deletes long-settled ones.
import type { Database } from '@afterglow/db';
import { createEngine, deleteExpired, ManualClock, type Engine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer } from '../packages/api/src/privacy/index';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';
import { configureGateway, messageJourney, startGateway, testPlugin } from './support/service-plugin';

const registry = createRegistry([testPlugin]);
const WS = 'ws_upkeep';
const DAY = 86400e3;

describe('engine: service effects over their life', () => {
  let db: Database;
  let engine: Engine;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  const clock = new ManualClock(new Date('2026-06-01T09:00:00Z'));
  const versions: Record<string, string> = {};
  const publish = async (name: string, config: Parameters<typeof messageJourney>[1]) =>
    (versions[name] = await publishGraph(db, registry, WS, `j_${name}`, messageJourney(name, config)));
  const enter = (e: Engine, name: string, customerId: string) =>
    ingestEvents(db, e.enrolEvents, [{ workspaceId: WS, customerId, name, properties: {}, timestamp: clock.now() }]);
  const effectsOf = (name: string) => db.sql`select * from service_effects where version_id = ${versions[name]} order by created_at`;

  beforeAll(async () => {
    db = await createTestDatabase();
    gateway = await startGateway({ '/later': [503], '/erased': [503] });
    engine = createEngine({ database: db, registry, clock, allowPrivateWebhookTargets: true });
    await seedWorkspace(db, WS, ['ada', 'bob', 'cat', 'dan', 'eve'].map((id) => ({ id, email: `${id}@example.com`, firstName: id })), clock.now());
    await configureGateway(db, WS, gateway.base, 'tok_upkeep', clock.now());
  });

  afterAll(async () => {
    await gateway?.close();
    await db?.close();
  });

  it('keeps an effect whose plugin is disabled, using no attempt, and delivers it once the plugin is back', async () => {
    await publish('later', { path: '/later' });
    await enter(engine, 'later', 'ada');
    await engine.advanceUntilIdle(); // 503: pending, attempt 1 used
    const [first] = await effectsOf('later');
    // A server started without the plugin (afterglow.config.ts no longer lists it).
    const without = createEngine({ database: db, registry: createRegistry(), clock, allowPrivateWebhookTargets: true });
    let due = first.next_attempt_at as Date;
    for (let round = 0; round < 3; round++) {
      clock.set(due);
      await without.advanceUntilIdle();
      const [effect] = await effectsOf('later');
      expect(effect).toMatchObject({ status: 'pending', attempts: 1,
        last_error: 'Service test/gateway is not installed (its plugin is not enabled): kept, and delivered once it is' });
      // Each wait as long as the effect has waited so far (30 s at least, 1 h at most), times 0.5-1: it grows.
      const waited = Math.min(3600e3, Math.max(30e3, clock.now().getTime() - first.created_at.getTime()));
      const wait = effect.next_attempt_at.getTime() - clock.now().getTime();
      expect(wait).toBeGreaterThanOrEqual(waited / 2);
      expect(wait).toBeLessThanOrEqual(waited);
      due = effect.next_attempt_at;
    }
    expect(gateway.to('/later')).toHaveLength(1);
    clock.set(due);
    await engine.advanceUntilIdle();
    expect(gateway.to('/later')).toHaveLength(2);
    expect((await effectsOf('later'))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(gateway.to('/later')[1].body.attempt).toBe(2);
  });

  it('counts marketing effects toward the frequency cap, with marketing email, per customer', async () => {
    await db.sql`update workspaces set settings = ${db.sql.json({ frequencyCap: { enabled: true, maxEmails: 1, perDays: 7 } })} where id = ${WS}`;
    await publish('offer', { path: '/offer', marketing: true });
    await publish('offer2', { path: '/offer2', marketing: true });
    await publish('notice', { path: '/notice' });
    await enter(engine, 'offer', 'bob');
    await enter(engine, 'notice', 'cat'); // not marketing: no part of the cap
    await engine.advanceUntilIdle();
    expect((await effectsOf('offer')).map((e) => [e.customer_id, e.marketing])).toEqual([['bob', true]]);
    clock.advance(DAY);
    await enter(engine, 'offer2', 'bob');
    await enter(engine, 'offer2', 'cat');
    await engine.advanceUntilIdle();
    expect((await effectsOf('offer2')).map((e) => e.customer_id)).toEqual(['cat']);
    expect((await engine.stats(versions.offer2)).nodes.send.counters).toMatchObject({ skipped: 1, queued: 1 });
    // A marketing email sent to dan this week counts as well: his marketing SMS is skipped.
    await db.sql`insert into email_outbox (workspace_id, effect_key, customer_id, kind, to_address, from_address, message_id,
        status, next_attempt_at, created_at)
      values (${WS}, 'mail:dan', 'dan', 'marketing', 'dan@example.com', 'shop@example.com', '<m@dan>', 'sent', ${clock.now()}, ${clock.now()})`;
    await enter(engine, 'offer', 'dan');
    await engine.advanceUntilIdle();
    expect((await effectsOf('offer')).map((e) => e.customer_id)).toEqual(['bob']);
    await db.sql`update workspaces set settings = '{}'::jsonb where id = ${WS}`;
  });

  it('cancels and empties the effects of an erased customer', async () => {
    await publish('erased', { path: '/erased', pin: 'PIN-9999' });
    await publish('kept', { path: '/kept' });
    await enter(engine, 'kept', 'eve');
    await enter(engine, 'erased', 'eve');
    await engine.advanceUntilIdle(); // /kept delivered, /erased answered 503: pending
    const result = await eraseCustomer(db.sql, WS, 'eve', clock.now());
    expect(result.rows.service_effects).toBe(2);
    expect((await effectsOf('erased'))[0]).toMatchObject({ status: 'cancelled', customer_id: '', payload: {}, last_error: 'customer erased' });
    expect((await effectsOf('kept'))[0]).toMatchObject({ status: 'delivered', customer_id: '', payload: {}, last_error: null });
    clock.advance(DAY);
    await engine.advanceUntilIdle();
    expect(gateway.to('/erased')).toHaveLength(1); // the cancelled effect is never delivered
  });

  it('gives a provider\'s id to one effect only, the others keeping none, and delivers the rest of the round', async () => {
    await publish('dup', { path: '/dup' });
    await enter(engine, 'dup', 'ada');
    await enter(engine, 'dup', 'bob');
    await engine.advanceUntilIdle(); // both in one round
    await enter(engine, 'dup', 'cat');
    await engine.advanceUntilIdle(); // a later round
    const effects = await effectsOf('dup');
    expect(effects.map((e) => e.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(effects.filter((e) => e.external_id === 'SMDUP')).toHaveLength(1);
    for (const e of effects.filter((x) => x.external_id === null)) {
      expect(e.last_error).toBe("the provider's id SMDUP already names another effect");
    }
    expect(gateway.to('/dup')).toHaveLength(3); // each once: no round was rolled back and repeated
  });

  it('deletes effects settled (or accepted) long ago, keeping pending ones', async () => {
    await db.sql`update service_effects set status = 'pending', next_attempt_at = ${new Date(clock.now().getTime() + 365 * DAY)}
      where version_id = ${versions.notice}`;
    const before = await db.sql<{ status: string; n: number }[]>`select status, count(*)::int as n from service_effects group by 1 order by 1`;
    expect(before.map((r) => r.status)).toEqual(['accepted', 'cancelled', 'delivered', 'pending']);
    const [{ first, last }] = await db.sql<{ first: Date; last: Date }[]>`
      select min(created_at) as first, max(created_at) as last from service_effects`;
    // Kept 180 days from their creation.
    expect(await deleteExpired(db.sql, new Date(first.getTime() + 179.9 * DAY))).toBe(0);
    const settled = before.filter((r) => r.status !== 'pending').reduce((n, r) => n + r.n, 0);
    expect(await deleteExpired(db.sql, new Date(last.getTime() + 180.1 * DAY))).toBe(settled);
    expect((await db.sql`select version_id from service_effects`).map((r) => r.version_id)).toEqual([versions.notice]);
  });
});

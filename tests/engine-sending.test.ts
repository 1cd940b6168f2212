// Workspace sending rules at step time: the frequency cap across journeys (skip or hold per
// node) and quiet hours in the customer's own time zone. Nothing is dropped by a hold.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';

const registry = createRegistry();
const WS = 'ws_sending';
const DAY = 86400e3;
const at = { x: 0, y: 0 };
// Monday 4 May 2026, 23:30 in Berlin (CEST, UTC+2); 17:30 in New York.
const clock = new ManualClock(new Date('2026-05-04T21:30:00Z'));
let db: Database;
let engine: Engine;
const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>';

function mailJourney(event: string, whenCapped: 'skip' | 'hold'): JourneyGraph {
  return {
    nodes: [
      { id: 't', type: 'core/trigger-event', position: at, config: { event, filters: [], entryKeyProperty: '' } },
      { id: 'mail', type: 'core/send-email', position: at, config: { templateId: '', subject: event, preheader: '', body, kind: 'marketing', whenCapped } },
      { id: 'after', type: 'core/grant-points', position: at, config: { amount: 1, reason: event } },
    ],
    edges: [{ id: 'e1', source: 't', sourceHandle: 'out', target: 'mail' }, { id: 'e2', source: 'mail', sourceHandle: 'out', target: 'after' }],
  };
}

const send = (customerId: string, name: string) =>
  ingestEvents(db, engine.enrolEvents, [{ workspaceId: WS, customerId, name, properties: {}, timestamp: clock.now() }]);
// The subject the step queued (emails are rendered when the dispatcher sends them).
const outbox = (customerId: string) => db.sql`
  select c.request ->> 'subject' as subject, o.created_at
  from email_outbox o join email_contents c on c.workspace_id = o.workspace_id and c.hash = o.content_hash
  where o.customer_id = ${customerId} order by o.created_at, subject`;

beforeAll(async () => {
  db = await createTestDatabase();
  engine = createEngine({ database: db, registry, clock });
  await seedWorkspace(db, WS, [
    { id: 'berlin', email: 'b@example.com', firstName: 'B', timezone: 'Europe/Berlin' },
    { id: 'ny', email: 'n@example.com', firstName: 'N', timezone: 'America/New_York' },
    { id: 'tokyo', email: 't@example.com', firstName: 'T', timezone: 'Asia/Tokyo' },
  ], clock.now());
  await publishGraph(db, registry, WS, 'j_promo', mailJourney('Promo', 'skip'));
  await publishGraph(db, registry, WS, 'j_news', mailJourney('News', 'hold'));
});

afterAll(async () => {
  await db?.close();
});

describe('quiet hours', () => {
  it('holds a send due at night until the window ends, in the customer’s time zone', async () => {
    await db.sql`update workspaces set settings = ${db.sql.json({ quietHours: { enabled: true, startHour: 21, endHour: 8 } })} where id = ${WS}`;
    await send('berlin', 'Promo');
    await send('ny', 'Promo');
    await engine.advanceUntilIdle();
    expect(await outbox('berlin')).toHaveLength(0);
    expect((await outbox('ny')).map((r) => r.subject)).toEqual(['Promo']);
    clock.set(new Date('2026-05-05T05:59:00Z')); // 07:59 in Berlin
    await engine.advanceUntilIdle();
    expect(await outbox('berlin')).toHaveLength(0);
    clock.set(new Date('2026-05-05T06:00:01Z')); // 08:00 in Berlin
    await engine.advanceUntilIdle();
    expect((await outbox('berlin')).map((r) => r.subject)).toEqual(['Promo']);
    const [run] = await db.sql`select status from journey_runs where customer_id = 'berlin'`;
    expect(run.status).toBe('completed');
  });
});

describe('frequency cap across journeys', () => {
  it('skips or holds per node, and the held email goes out once the window frees', async () => {
    await db.sql`update workspaces set settings = ${db.sql.json({ frequencyCap: { enabled: true, maxEmails: 1, perDays: 7 } })} where id = ${WS}`;
    await send('tokyo', 'Promo'); // first marketing email of the week: sent
    await engine.advanceUntilIdle();
    await send('tokyo', 'Promo'); // second within the window, node skips
    await send('tokyo', 'News'); // same, node holds
    await engine.advanceUntilIdle();
    expect((await outbox('tokyo')).map((r) => r.subject)).toEqual(['Promo']);
    const runs = await db.sql`select journey_id, status from journey_runs where customer_id = 'tokyo' order by journey_id, status`;
    expect(runs.map((r) => `${r.journey_id}:${r.status}`)).toEqual(['j_news:waiting', 'j_promo:completed', 'j_promo:completed']);
    const [skipped] = await db.sql`select detail from run_steps where node_id = 'mail' and detail->>'email' like 'skipped%'`;
    expect(skipped.detail.email).toBe('skipped: frequency cap (1 per 7 days)');
    const promo = await engine.stats((await db.sql`select current_version_id as v from journeys where id = 'j_promo'`)[0].v);
    const news = await engine.stats((await db.sql`select current_version_id as v from journeys where id = 'j_news'`)[0].v);
    expect(promo.nodes.mail.counters.capped).toBe(1);
    expect(news.nodes.mail.counters.held).toBe(1);
    expect(news.nodes.mail.waiting).toBe(1);

    clock.advance(7 * DAY + 2000);
    await engine.advanceUntilIdle();
    expect((await outbox('tokyo')).map((r) => r.subject)).toEqual(['Promo', 'News']);
  });

  it('lets two runs of one batch take only the one free slot', async () => {
    clock.advance(8 * DAY);
    await ingestEvents(db, engine.enrolEvents, [
      { workspaceId: WS, customerId: 'ny', name: 'Promo', properties: {}, timestamp: clock.now() },
      { workspaceId: WS, customerId: 'ny', name: 'News', properties: {}, timestamp: clock.now() },
    ]);
    await engine.advanceUntilIdle();
    const recent = await db.sql`select count(*)::int as n from email_outbox where customer_id = 'ny' and created_at = ${clock.now()}`;
    expect(recent[0].n).toBe(1);
  });
});

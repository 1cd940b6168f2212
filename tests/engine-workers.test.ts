// Workers as they run in production: started with Agenda and LISTEN, several at once on
// one database. An event wakes them at once; shared work is done exactly once.
import type { Database } from '@afterglow/db';
import { createEngine, type Engine } from '@afterglow/engine';
import { createMailer, type Mailer } from '@afterglow/email';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';
import { startTestSmtpSink, type TestSmtpSink } from './support/smtp-sink';

const registry = createRegistry();
const WS = 'ws_workers';
const at = { x: 0, y: 0 };
const graph: JourneyGraph = {
  nodes: [
    { id: 't', type: 'core/trigger-event', position: at, config: { event: 'signed_up', filters: [], entryKeyProperty: '' } },
    { id: 'mail', type: 'core/send-email', position: at, config: { subject: 'Welcome {{ customer.firstName }}', preheader: '', kind: 'marketing',
      body: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>' } },
    { id: 'pts', type: 'core/grant-points', position: at, config: { amount: 5, reason: 'Welcome' } },
  ],
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'out', target: 'mail' },
    { id: 'e2', source: 'mail', sourceHandle: 'out', target: 'pts' },
  ],
};

let db: Database;
let sink: TestSmtpSink;
const mailers: Mailer[] = [];
const engines: Engine[] = [];
const customers = Array.from({ length: 200 }, (_, i) => ({ id: `c${i}`, email: `c${i}@example.com`, firstName: `C${i}` }));

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startTestSmtpSink();
  await seedWorkspace(db, WS, customers, new Date());
  await publishGraph(db, registry, WS, 'j_welcome', graph);
  for (let i = 0; i < 3; i++) {
    const mailer = createMailer({ smtpUrl: sink.url });
    mailers.push(mailer);
    // A tick far in the future: only the NOTIFY wake-up can make these workers move.
    engines.push(createEngine({ database: db, registry, mailer, tickEvery: '1 hour', batchSize: 25 }));
  }
  for (const e of engines) await e.start();
});

afterAll(async () => {
  for (const e of engines) await e.stop();
  for (const m of mailers) m.close();
  await sink?.close();
  await db?.close();
});

it('an event wakes the workers at once, without waiting for the tick', async () => {
  await ingestEvents(db, engines[0].enrolEvents, [{ workspaceId: WS, customerId: 'c0', name: 'signed_up', properties: {}, timestamp: new Date() }]);
  await engines[0].wake();
  await until(async () => sink.messages.length === 1, 'the welcome email');
  expect(sink.messages[0].subject).toBe('Welcome C0');
});

it('three workers share 199 runs and each effect happens exactly once', async () => {
  const events = customers.slice(1).map((c) => ({ workspaceId: WS, customerId: c.id, name: 'signed_up', properties: {}, timestamp: new Date() }));
  expect(await ingestEvents(db, engines[1].enrolEvents, events)).toBe(199);
  await engines[1].wake();
  await until(async () => sink.messages.length >= 200, '200 emails');
  await until(async () => {
    const [{ n }] = await db.sql`select count(*)::int as n from journey_runs where status = 'completed'`;
    return n === 200;
  }, 'all runs to complete');
  const recipients = sink.messages.map((m) => JSON.stringify(m.to));
  expect(new Set(recipients).size).toBe(200);
  expect(sink.messages).toHaveLength(200);
  const [ledger] = await db.sql`select count(*)::int as rows, count(distinct customer_id)::int as customers from loyalty_ledger`;
  expect(ledger).toEqual({ rows: 200, customers: 200 });
});

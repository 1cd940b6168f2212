// The chaos shop: n customers (every odd one has an order, so half are in "Buyers"), and the
// journey trigger → wait → condition → email → wait → points. Non-buyers skip the email and
// go straight to the points, so every run must grant once and every buyer must get one email.
import type { Database } from '@afterglow/db';
import type { Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { publishGraph } from '../support/journeys';

export const WS = 'ws_chaos';
export const EVENT = 'chaos_signup';
const at = { x: 0, y: 0 };
const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Welcome, {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';

export const chaosGraph: JourneyGraph = {
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: EVENT, filters: [], entryKeyProperty: '' } },
    { id: 'wait1', type: 'core/wait', position: at, config: { mode: 'duration', amount: 1, unit: 'minutes', weekday: -1, hour: 10 } },
    { id: 'buyer', type: 'core/segment-condition', position: at, config: { segmentId: 'seg_buyers' } },
    { id: 'mail', type: 'core/send-email', position: at, config: { subject: 'Welcome {{ customer.firstName }}', preheader: '', body, kind: 'marketing' } },
    { id: 'wait2', type: 'core/wait', position: at, config: { mode: 'duration', amount: 2, unit: 'minutes', weekday: -1, hour: 10 } },
    { id: 'points', type: 'core/grant-points', position: at, config: { amount: 50, reason: 'Welcome bonus' } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'wait1' },
    { id: 'e2', source: 'wait1', sourceHandle: 'out', target: 'buyer' },
    { id: 'e3', source: 'buyer', sourceHandle: 'yes', target: 'mail' },
    { id: 'e4', source: 'buyer', sourceHandle: 'no', target: 'points' },
    { id: 'e5', source: 'mail', sourceHandle: 'out', target: 'wait2' },
    { id: 'e6', source: 'wait2', sourceHandle: 'out', target: 'points' },
  ],
};

export async function seedChaosShop(db: Database, registry: NodeRegistry, customers: number, now: Date) {
  // No send-rate limit: the run is about effectively-once delivery, and must drain in minutes.
  await db.sql`insert into workspaces (id, name, signing_secret, settings) values (${WS}, 'Chaos shop', 's', ${db.sql.json({ emailsPerMinute: 0 })})`;
  await db.sql`insert into customers (workspace_id, id, email, first_name)
    select ${WS}, 'c' || g, 'c' || g || '@example.com', 'C' || g from generate_series(1, ${customers}) g`;
  await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    select ${WS}, 'o' || g, 'c' || g, 30, ${now} from generate_series(1, ${customers}, 2) g`;
  await db.sql`insert into segments (id, workspace_id, name, rule)
    values ('seg_buyers', ${WS}, 'Buyers', ${db.sql.json({ kind: 'orders', measure: 'count', op: 'gte', value: 1 })})`;
  await publishGraph(db, registry, WS, 'j_chaos', chaosGraph);
}

/**
 * Stores sign-up events for customers [from, to] and enrols them in one transaction, as
 * ingestion does. Retried whole when Postgres is down: the event ids make it idempotent.
 */
export async function enrolCustomers(db: Database, engine: Engine, from: number, to: number, now: Date) {
  const ids = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const events = ids.map((i) => ({
    workspaceId: WS, messageId: `signup-${i}`, customerId: `c${i}`, name: EVENT, properties: {}, timestamp: now,
  }));
  for (let attempt = 1; ; attempt++) {
    try {
      await db.sql.begin(async (tx) => {
        await tx`insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp)
          select ${WS}, m, 'track', c, ${EVENT}, '{}', ${now}
          from unnest(${events.map((e) => e.messageId)}::text[], ${events.map((e) => e.customerId)}::text[]) as u(m, c)
          on conflict do nothing`;
        await engine.enrolEvents(tx as never, events);
      });
      await engine.wake();
      return;
    } catch (err) {
      if (attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

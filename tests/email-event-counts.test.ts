// What recipients do with an email, counted on the step that sent it as it is recorded
// (recordEmailEvents): each email once per type however often it is opened, also when two
// hits of it arrive at once; machine opens apart, moved to opens at the first person's open,
// shown as opens only when the workspace counts machine opens; a repeated report counted once.
import type { Database } from '@afterglow/db';
import { recordEmailEvents, type EmailEvent } from '@afterglow/email';
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { publishGraph, seedWorkspace } from './support/journeys';

const WS = 'ws_events';
const at = new Date('2026-03-02T09:00:00Z');
const registry = createRegistry();
let db: Database;
let versionId: string;
let emails: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedWorkspace(db, WS, [], at);
  versionId = await publishGraph(db, registry, WS, 'j_events', {
    nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'Go', filters: [], entryKeyProperty: '' } },
      { id: 'mail', type: 'core/send-email', position: { x: 0, y: 0 }, config: { subject: 'Hi', preheader: '', body: '<mjml><mj-body></mj-body></mjml>', kind: 'marketing' } },
    ],
    edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'mail' }],
  });
  // Six emails the step sent.
  emails = (await db.sql<{ id: string }[]>`
    insert into email_outbox (workspace_id, effect_key, customer_id, version_id, node_id, to_address, from_address,
      message_id, status, next_attempt_at, sent_at, created_at)
    select ${WS}, 'e:' || g, 'c' || g, ${versionId}, 'mail', 'c' || g || '@example.com', 'shop@example.com',
      '<e.' || g || '@afterglow>', 'sent', ${at}, ${at}, ${at}
    from generate_series(1, 6) g order by g
    returning id`).map((r) => r.id);
});

afterAll(async () => { await db?.close(); });

const record = (events: Partial<EmailEvent>[], opts?: { firstOnly?: boolean }) => db.sql.begin((tx) =>
  recordEmailEvents(tx, events.map((e) => ({ workspaceId: WS, outboxId: emails[0], type: 'open' as const, at, ...e })), opts));

async function counters(countMachineOpens = false) {
  await db.sql`update workspaces set settings = settings || ${db.sql.json({ countMachineOpens })} where id = ${WS}`;
  return (await createEngine({ database: db, registry }).stats(versionId)).nodes.mail?.counters ?? {};
}

async function stored(type: string) {
  const [{ n }] = await db.sql<{ n: number }[]>`select count(*)::int as n from email_events where type = ${type}`;
  return n;
}

it('counts an email opened three times once, and every email opened', async () => {
  await record([{ outboxId: emails[0] }, { outboxId: emails[1] }]);
  await record([{ outboxId: emails[0] }]);
  await record([{ outboxId: emails[0] }, { outboxId: emails[1], type: 'click', linkIdx: 0 }]);
  expect(await stored('open')).toBe(4); // every hit is kept
  expect(await counters()).toEqual({ opens: 2, clicks: 1 });
});

it('counts two opens of one email at once once: the second waits for the first and sees it', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  let recorded!: () => void;
  const first = new Promise<void>((resolve) => { recorded = resolve; });
  const a = db.sql.begin(async (tx) => {
    await recordEmailEvents(tx, [{ workspaceId: WS, outboxId: emails[2], type: 'open', at }]);
    recorded();
    await held; // not committed yet
  });
  await first;
  let done = false;
  const b = record([{ outboxId: emails[2] }]).finally(() => { done = true; });
  // The second hit must wait for the first's lock on the email (or, were it not locked, finish).
  for (;;) {
    const [{ waiting }] = await db.sql<{ waiting: number }[]>`select count(*)::int as waiting from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`;
    if (done || waiting > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  release();
  await Promise.all([a, b]);
  expect(await counters()).toMatchObject({ opens: 3 });
});

it('counts machine opens apart, moves an email to opens at its first person open, and shows them when the workspace says so', async () => {
  await record([{ outboxId: emails[3], bot: true, botReason: 'apple_mpp' }, { outboxId: emails[4], bot: true, botReason: 'prefetch' }]);
  await record([{ outboxId: emails[3], bot: true, botReason: 'apple_mpp' }]);
  expect(await counters(false)).toMatchObject({ opens: 3 });
  expect(await counters(true)).toMatchObject({ opens: 5 });
  // A person opens emails[3]: one email, counted once either way.
  await record([{ outboxId: emails[3] }]);
  expect(await counters(false)).toMatchObject({ opens: 4 });
  expect(await counters(true)).toMatchObject({ opens: 5 });
  // A machine hit after a person's changes nothing.
  await record([{ outboxId: emails[0], bot: true, botReason: 'user_agent' }]);
  expect(await counters(true)).toMatchObject({ opens: 5 });
  const [raw] = await db.sql`select n::int from journey_node_counts where version_id = ${versionId} and metric = 'machine_opens'`;
  expect(raw).toEqual({ n: 1 }); // emails[4]: opened by machines only
});

it('stores and counts a repeated report once when asked to, and drops events of emails that do not exist', async () => {
  const report = { outboxId: emails[5], type: 'bounce' as const };
  expect(await record([report], { firstOnly: true })).toHaveLength(1);
  expect(await record([report, report], { firstOnly: true })).toHaveLength(0);
  expect(await record([{ outboxId: '00000000-0000-0000-0000-000000000000', type: 'unsubscribe' }])).toHaveLength(0);
  expect(await stored('bounce')).toBe(1);
  expect(await stored('unsubscribe')).toBe(0);
  expect(await counters()).toMatchObject({ bounces: 1 });
  expect((await counters()).unsubscribes).toBeUndefined();
});

// The Issue coupon step on a real Postgres and SMTP server: one unguessable code per run and
// node, stored with the batch, carried in the run's context into a later email; a batch that
// rolls back and is retried, or a step that runs again, never issues a second code.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import { createMailer, type Mailer } from '@afterglow/email';
import type { JourneyGraph } from '@afterglow/journey-core';
import { defineNodeType, definePlugin, next } from '@afterglow/node-sdk';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';
import { startTestSmtpSink, type TestSmtpSink } from './support/smtp-sink';

// A third-party step that asks for a coupon twice in one go: it must get one code.
const seen: string[] = [];
const doubleIssue = defineNodeType({
  id: 'test/double-coupon', version: 1, category: 'action', config: z.object({}), defaults: {},
  ui: { label: 'Two coupons?', description: '', icon: 'ticket', color: 'slate', branches: [{ id: 'out', label: 'Then' }], summary: () => '' },
  execute: async (ctx) => {
    const request = { kind: 'fixed' as const, value: 5, prefix: 'TWICE', validDays: 7, minOrderTotal: 0, description: '5 off' };
    const [a, b] = await Promise.all([ctx.services.coupons.issue(request), ctx.services.coupons.issue(request)]);
    seen.push(a.code, b.code, (await ctx.services.coupons.issue(request)).code);
    return next();
  },
});
const registry = createRegistry([definePlugin({ id: 'test', nodeTypes: [doubleIssue] })]);
const WS = 'ws_coupons';
const at = { x: 0, y: 0 };
const CODE = /^COMEBACK-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/;

const body = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Hi {{ customer.firstName }}, here is <span class="code">{{ coupon.code }}</span>: {{ coupon.description }}.
    Valid until <span class="until">{{ coupon.expiresAt | date: "%Y-%m-%d" }}</span>.</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

const graph: JourneyGraph = {
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Churn risk', filters: [], entryKeyProperty: '' } },
    { id: 'coupon', type: 'core/issue-coupon', position: at,
      config: { kind: 'percent', value: 15, prefix: 'comeback', validDays: 14, minOrderTotal: 40, description: '' } },
    { id: 'mail', type: 'core/send-email', position: at,
      config: { subject: 'A gift, {{ customer.firstName }}', preheader: '', body, kind: 'transactional' } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'coupon' },
    { id: 'e2', source: 'coupon', sourceHandle: 'out', target: 'mail' },
  ],
};

const codeIn = (html: unknown) => /class="code">([^<]*)</.exec(String(html))?.[1];

describe('engine: the Issue coupon step', () => {
  let db: Database;
  let sink: TestSmtpSink;
  let mailer: Mailer;
  let engine: Engine;
  let versionId: string;
  const clock = new ManualClock(new Date('2026-04-01T09:00:00Z'));
  const enter = (customerIds: string[]) => ingestEvents(db, engine.enrolEvents,
    customerIds.map((customerId) => ({ workspaceId: WS, customerId, name: 'Churn risk', properties: {}, timestamp: clock.now() })));
  const runOf = async (customerId: string) => (await db.sql`
    select id, context from journey_runs where workspace_id = ${WS} and customer_id = ${customerId} order by entered_at desc limit 1`)[0];
  const mailTo = (address: string) => sink.messages.filter((m) => JSON.stringify(m.to).includes(address));
  const issued = async () => (await engine.stats(versionId)).nodes.coupon.counters.issued;

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startTestSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url });
    engine = createEngine({ database: db, registry, clock, mailer, batchSize: 100 });
    const many = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, email: `c${i}@example.com`, firstName: `C${i}` }));
    await seedWorkspace(db, WS, [{ id: 'ada', email: 'ada@example.com', firstName: 'Ada' }, { id: 'bo', email: 'bo@example.com', firstName: 'Bo' }, ...many], clock.now());
    versionId = await publishGraph(db, registry, WS, 'j_winback', graph);
  });

  afterAll(async () => {
    mailer?.close();
    await sink?.close();
    await db?.close();
  });

  it('issues a code, stores it, puts it in the run and shows it in the email', async () => {
    await enter(['ada']);
    await engine.advanceUntilIdle();
    const [coupon] = await db.sql`select *, value::float8 as value, min_order_total::float8 as min_order_total from coupons where customer_id = 'ada'`;
    expect(coupon.code).toMatch(CODE);
    expect(coupon).toMatchObject({ workspace_id: WS, kind: 'percent', value: 15, min_order_total: 40, node_id: 'coupon',
      version_id: versionId, description: '15% off your next order of 40 or more', redeemed_at: null });
    expect(coupon.expires_at.toISOString()).toBe('2026-04-15T09:00:00.000Z');
    const run = await runOf('ada');
    expect(coupon.run_id).toBe(run.id);
    expect(run.context.coupon).toEqual({ code: coupon.code, kind: 'percent', value: 15, minOrderTotal: 40,
      description: '15% off your next order of 40 or more', expiresAt: '2026-04-15T09:00:00.000Z' });
    const [mail] = mailTo('ada@example.com');
    expect(codeIn(mail.html)).toBe(coupon.code);
    expect(String(mail.html)).toContain('<span class="until">2026-04-15</span>');
    expect(mail.text).toContain(coupon.code);
    expect(mail.text).toContain('15% off your next order of 40 or more');
  });

  it('gives every run its own code, across batches', async () => {
    await enter(Array.from({ length: 300 }, (_, i) => `c${i}`));
    await engine.advanceUntilIdle();
    const rows = await db.sql<{ code: string; customer_id: string }[]>`select code, customer_id from coupons where customer_id like 'c%'`;
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.code)).size).toBe(300);
    for (const r of rows) expect(r.code).toMatch(CODE);
    // Each customer's email carries that customer's code, not a neighbour's.
    const byCustomer = new Map(rows.map((r) => [r.customer_id, r.code]));
    for (const i of [0, 99, 100, 299]) expect(codeIn(mailTo(`c${i}@example.com`)[0]?.html)).toBe(byCustomer.get(`c${i}`));
    const stats = await engine.stats(versionId);
    // Nothing redeemed yet: no `redeemed` counted (the canvas shows a counter not counted yet as 0).
    expect(stats.nodes.coupon.counters).toEqual({ issued: 301 });
  });

  it('issues nothing from a batch that rolls back, and one code when it is retried', async () => {
    // The batch fails after its coupons were written (its step rows are refused once), so
    // its transaction rolls back; the next sweep walks the same run again.
    await db.sql`create table fail_once (armed boolean)`;
    await db.sql`insert into fail_once values (true)`;
    await db.sql.unsafe(`
      create function fail_steps_once() returns trigger language plpgsql as $$
      begin
        if (select armed from fail_once) then
          update fail_once set armed = false;
          raise exception 'injected failure after the coupons were buffered';
        end if;
        return null;
      end $$;
      create trigger fail_steps_once after insert on run_walks for each statement execute function fail_steps_once();`);
    const issuedBefore = await issued();
    await enter(['bo']);
    await expect(engine.advanceUntilIdle()).rejects.toThrow(/injected failure/);
    expect(await issued()).toBe(issuedBefore); // counted with the batch: rolled back with it
    expect(await db.sql`select 1 from coupons where customer_id = 'bo'`).toHaveLength(0);
    expect(await db.sql`select armed from fail_once`).toEqual([{ armed: true }]); // rolled back with the batch
    await db.sql`update fail_once set armed = false`;

    await engine.advanceUntilIdle();
    const coupons = await db.sql`select code from coupons where customer_id = 'bo'`;
    expect(coupons).toHaveLength(1);
    expect(await issued()).toBe(issuedBefore + 1);
    expect((await runOf('bo')).context.coupon.code).toBe(coupons[0].code);
    const mails = mailTo('bo@example.com');
    expect(mails).toHaveLength(1);
    expect(codeIn(mails[0].html)).toBe(coupons[0].code);
  });

  it('keeps the stored code when a step runs again for the same run', async () => {
    // As if the run's new state had been lost after its coupon was stored: the run is back
    // at the coupon step with no coupon in its context.
    const run = await runOf('ada');
    const [before] = await db.sql`select code from coupons where run_id = ${run.id}`;
    const issuedBefore = await issued();
    await db.sql`update journey_runs set status = 'active', node_id = 'coupon', due_at = ${clock.now()}, context = context - 'coupon'
      where id = ${run.id}`;
    await engine.advanceUntilIdle();
    expect(await db.sql`select code from coupons where run_id = ${run.id}`).toEqual([{ code: before.code }]);
    expect(await issued()).toBe(issuedBefore); // the coupon already stored is not issued again
    expect((await runOf('ada')).context.coupon.code).toBe(before.code);
    // The step saw the stored code too (what a later step in the same walk would use).
    const steps = await db.sql`select detail from run_steps where run_id = ${run.id} and node_id = 'coupon' order by step_no`;
    expect(steps.map((s) => s.detail.coupon)).toEqual([before.code, before.code]);
    expect(mailTo('ada@example.com')).toHaveLength(1); // the email is an effect of its own: once
  });

  it('gives a step that asks twice one code', async () => {
    await publishGraph(db, registry, WS, 'j_twice', {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Twice', filters: [], entryKeyProperty: '' } },
        { id: 'twice', type: 'test/double-coupon', position: at, config: {} },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'twice' }],
    });
    await ingestEvents(db, engine.enrolEvents, [{ workspaceId: WS, customerId: 'c7', name: 'Twice', properties: {}, timestamp: clock.now() }]);
    await engine.advanceUntilIdle();
    const stored = await db.sql`select code from coupons where node_id = 'twice'`;
    expect(stored).toHaveLength(1);
    expect(seen).toEqual([stored[0].code, stored[0].code, stored[0].code]);
    const [run] = await db.sql`select context from journey_runs where journey_id = 'j_twice'`;
    expect(run.context.coupon.code).toBe(stored[0].code);
  });
});

// Property and differential tests of the segment compiler, on a real Postgres:
// - random rule trees full of hostile field names and values never put user text in the SQL
//   (every user string carries a marker that must not appear in the statement text);
// - the compiled SQL selects exactly the customers a small in-memory evaluator selects, on
//   random shop data (orders, items, events, points, email engagement, nested segments).
import {
  compileSegmentQuery, compileSegmentRule, countSegment, parseSegmentRule, resolveSegmentRefs, segmentMembers, segmentTiers,
  segmentRuleSchema, segmentSource, type Database, type SegmentRule,
} from '@afterglow/db';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { evaluate, type OracleData } from './support/segment-oracle';
import { MARKER, randomData, randomPurchaseRule, randomRule, rng } from './support/segment-random';

const WS = `ws${MARKER}'`;
const NOW = new Date('2025-09-10T08:30:00Z');
const SEED = 20251122;
const RULES = 300;
let db: Database;
let data: OracleData;
const segmentIds = [`seg${MARKER}'a`, `seg${MARKER}"b`, 'seg_plain'];

async function load(sql: Database['sql'], d: OracleData) {
  const json = (rows: object[]) => sql.json(rows as never);
  await sql`insert into customers (workspace_id, id, email, first_name, last_name, birthday, timezone, locale, attributes, tags, created_at)
    select ${WS}, v.id, v.email, v.first_name, v.last_name, v.birthday, v.timezone, v.locale, v.attributes, v.tags, v.created_at
    from jsonb_to_recordset(${json(d.customers.map((c) => ({ id: c.id, email: c.email, first_name: c.firstName,
      last_name: c.lastName, birthday: c.birthday, timezone: c.timezone, locale: c.locale, attributes: c.attributes,
      tags: c.tags, created_at: c.createdAt.toISOString() })))})
    as v(id text, email text, first_name text, last_name text, birthday date, timezone text, locale text, attributes jsonb,
      tags text[], created_at timestamptz)`;
  await sql`insert into orders (workspace_id, id, customer_id, status, total, placed_at)
    select ${WS}, v.id, v.customer_id, v.status, v.total, v.placed_at from jsonb_to_recordset(${json(d.orders.map((o) => ({
      id: o.id, customer_id: o.customerId, status: o.status, total: o.total, placed_at: o.placedAt.toISOString() })))})
    as v(id text, customer_id text, status text, total numeric, placed_at timestamptz)`;
  await sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, category, brand, price)
    select ${WS}, v.order_id, v.line, v.customer_id, v.product_id, v.product_id, v.category, v.brand, 1
    from jsonb_to_recordset(${json(d.items.map((i, line) => ({ ...i, order_id: i.orderId, customer_id: i.customerId, product_id: i.productId, line })))})
    as v(order_id text, line int, customer_id text, product_id text, category text, brand text)`;
  await sql`insert into events (workspace_id, message_id, type, customer_id, name, timestamp)
    select ${WS}, gen_random_uuid()::text, 'track', v.customer_id, v.name, v.ts from jsonb_to_recordset(${json(d.events.map((e) => ({
      customer_id: e.customerId, name: e.name, ts: e.timestamp.toISOString() })))}) as v(customer_id text, name text, ts timestamptz)`;
  await sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason)
    select ${WS}, v.customer_id, v.points, 'test' from jsonb_to_recordset(${json(d.points.map((p) => ({ customer_id: p.customerId, points: p.points })))})
    as v(customer_id text, points int)`;
  await sql`insert into email_events (workspace_id, outbox_id, customer_id, type, bot, at)
    select ${WS}, v.outbox_id, v.customer_id, v.type, v.bot, v.at from jsonb_to_recordset(${json(d.emailEvents.map((e) => ({
      outbox_id: randomUUID(), customer_id: e.customerId, type: e.type, bot: e.bot, at: e.at.toISOString() })))})
    as v(outbox_id uuid, customer_id text, type text, bot boolean, at timestamptz)`;
  for (const [id, rule] of d.segments) {
    await sql`insert into segments (id, workspace_id, name, rule) values (${id}, ${WS}, ${id}, ${sql.json(rule as never)})`;
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  const r = rng(SEED);
  // Saved segments never refer to others here, so any random rule may refer to them.
  const segments = new Map(segmentIds.map((id) => [id, parseSegmentRule(randomRule(r, []))]));
  data = { ...randomData(r, NOW, 80), segments };
  for (const rule of segments.values()) expect(JSON.stringify(rule)).not.toContain('"kind":"segment"');
  await load(db.sql, data);
}, 60_000);
afterAll(() => db?.close());

function rules(seed: number): SegmentRule[] {
  const r = rng(seed);
  return Array.from({ length: RULES }, (_, i) => parseSegmentRule(i % 4 === 3 ? randomPurchaseRule(r, segmentIds) : randomRule(r, segmentIds)));
}

describe('segment compiler, randomised', () => {
  it('never puts a field name or value into the SQL text, and every statement runs', async () => {
    let checked = 0;
    for (const rule of rules(SEED + 1)) {
      const refs = await resolveSegmentRefs(db.sql, WS, rule);
      const tiers = await segmentTiers(db.sql, WS, rule, refs);
      const where = compileSegmentRule(db.sql, rule, NOW, refs, { tiers });
      const statement = db.sql`select c.id from ${segmentSource(db.sql)} where c.workspace_id = ${WS} and ${where}`;
      // The query as evaluated (driven by purchases or aggregates when the rule allows it).
      const q = compileSegmentQuery(db.sql, rule, NOW, refs, tiers);
      const driven = db.sql`select c.id from ${q.from} where c.workspace_id = ${WS} and ${q.where}`;
      for (const s of [statement, driven]) {
        const { string } = await s.describe();
        expect(string, JSON.stringify(rule)).not.toContain(MARKER);
        await s;
      }
      checked++;
    }
    expect(checked).toBe(RULES);
    const [{ count }] = await db.sql`select count(*)::int as count from customers where workspace_id = ${WS}`;
    expect(count).toBe(data.customers.length);
  }, 120_000);

  it('selects exactly the customers the in-memory evaluator selects', async () => {
    const ids = data.customers.map((c) => c.id);
    let nonTrivial = 0;
    for (const rule of rules(SEED + 2)) {
      const expected = data.customers.filter((c) => evaluate(rule, c, data, NOW)).map((c) => c.id).sort();
      const actual = [...(await segmentMembers(db.sql, WS, rule, ids, NOW))].sort();
      expect(actual, `rule ${JSON.stringify(rule)}`).toEqual(expected);
      // The count runs without the id filter, so Postgres may plan it differently.
      expect(await countSegment(db.sql, WS, rule, NOW), `count of rule ${JSON.stringify(rule)}`).toBe(expected.length);
      if (expected.length > 0 && expected.length < ids.length) nonTrivial++;
    }
    // The random rules must actually split the customers, or the comparison proves little.
    expect(nonTrivial).toBeGreaterThan(RULES / 3);
  }, 120_000);

  it('refuses text Postgres cannot hold, naming the field', () => {
    const bad = segmentRuleSchema.safeParse({ kind: 'attribute', field: 'tier', op: 'equals', value: 'a\u0000b' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['value']);
  });
});

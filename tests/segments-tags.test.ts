// The segment condition "tag" over a real Postgres: `has` and `lacks` compare the tag exactly
// (case and inner spaces count; the rule's own is trimmed); it combines with order conditions
// (the query driven from the order aggregates still reads the customer's row); and a journey's
// "in segment" condition sees a tag that an Update profile step added just before it.
import { countSegment, parseSegmentRule, SegmentRuleError, segmentMembers, type Database, type SegmentRule } from '@afterglow/db';
import { grantPoints, segmentCondition, triggerOnEvent, updateProfile } from '@afterglow/nodes';
import { createJourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

const WS = 'ws_tags';
const NOW = new Date('2026-05-04T09:00:00Z');
const TAGS: Record<string, string[]> = {
  c_vip: ['VIP'], c_vip_wholesale: ['Wholesale', 'VIP'], c_lower: ['vip'], c_spaced: ['Recent buyer'], c_none: [],
};
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Tag shop', 'secret')`;
  for (const [id, tags] of Object.entries(TAGS)) {
    await db.sql`insert into customers (workspace_id, id, email, tags) values (${WS}, ${id}, ${`${id}@example.com`}, ${tags})`;
  }
  await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    values (${WS}, 'o1', 'c_vip', 50, ${NOW}), (${WS}, 'o2', 'c_lower', 50, ${NOW})`;
});
afterAll(async () => { await db?.close(); });

const members = async (rule: SegmentRule) =>
  [...await segmentMembers(db.sql, WS, parseSegmentRule(rule), Object.keys(TAGS), NOW)].sort();

describe('the tag condition', () => {
  it('finds the customers who have the tag, exactly as written', async () => {
    expect(await members({ kind: 'tag', op: 'has', tag: 'VIP' })).toEqual(['c_vip', 'c_vip_wholesale']);
    expect(await members({ kind: 'tag', op: 'has', tag: ' Recent buyer ' })).toEqual(['c_spaced']);
    expect(await members({ kind: 'tag', op: 'has', tag: 'Recent' })).toEqual([]);
    expect(await countSegment(db.sql, WS, { kind: 'tag', op: 'has', tag: 'vip' }, NOW)).toBe(1);
  });

  it('finds the customers who lack it, those with no tags at all included', async () => {
    expect(await members({ kind: 'tag', op: 'lacks', tag: 'VIP' })).toEqual(['c_lower', 'c_none', 'c_spaced']);
  });

  it('combines with order history', async () => {
    const rule: SegmentRule = { kind: 'group', op: 'and', rules: [
      { kind: 'orders', measure: 'count', op: 'gte', value: 1 }, { kind: 'tag', op: 'lacks', tag: 'VIP' },
    ] };
    expect(await countSegment(db.sql, WS, rule, NOW)).toBe(1);
    expect(await members(rule)).toEqual(['c_lower']);
  });

  it('refuses an empty tag, naming the field', () => {
    expect(() => parseSegmentRule({ kind: 'tag', op: 'has', tag: ' ' })).toThrow(SegmentRuleError);
    expect(() => parseSegmentRule({ kind: 'group', op: 'and', rules: [{ kind: 'tag', op: 'lacks', tag: '' }] }))
      .toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'rules.0.tag' })] }));
  });
});

describe('the journey condition "in segment" on a tag', () => {
  it('sees the tag a step added just before it, in the same walk', async () => {
    const t = await createJourneyTest();
    try {
      const segment = await t.api.segments.save({ name: 'VIPs', rule: { kind: 'tag', op: 'has', tag: 'VIP' } });
      const j = await t.publish(t.journey()
        .trigger(triggerOnEvent, { event: 'Order Completed' })
        .then(updateProfile, { action: 'add-tag', tag: 'VIP' }, { id: 'tag' })
        .then(segmentCondition, { segmentId: segment.id }, { id: 'vip' })
        .branch('yes', (b) => b.then(grantPoints, { amount: 5, reason: 'VIP' }, { id: 'points' })));
      await t.track('cust_1', 'Order Completed', { order_id: 'o1' });
      expect((await t.stats(j)).nodes.vip.branches).toEqual({ yes: 1 });
      expect(await t.counters(j, 'points')).toMatchObject({ points: 5 });
    } finally {
      await t.close();
    }
  });
});

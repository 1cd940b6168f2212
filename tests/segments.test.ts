// Segment rules compiled to SQL, evaluated on a real Postgres with a controlled `now`.
import {
  compileSegmentRule, countSegment, parseSegmentRule, sampleSegment, segmentMembers, SegmentRuleError, segmentRuleSchema,
  type Database, type SegmentRule,
} from '@afterglow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

const NOW = new Date('2025-06-15T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const WS = 'ws_seg';
const OTHER_WS = 'ws_other';
const ALL = ['ada', 'bob', 'cyd', 'dee', 'eve'];

let database: Database;

async function seed(sql: Database['sql']) {
  const customer = (ws: string, id: string, email: string | null, first: string, birthday: string | null,
    createdDaysAgo: number, attributes: Record<string, unknown>, timezone = 'UTC') => sql`
    insert into customers (workspace_id, id, email, first_name, last_name, birthday, timezone, attributes, created_at)
    values (${ws}, ${id}, ${email}, ${first}, 'Test', ${birthday}, ${timezone}, ${JSON.stringify(attributes)}::text::jsonb, ${daysAgo(createdDaysAgo).toISOString()})`;
  await customer(WS, 'ada', 'Ada@Example.com', 'Ada', '1990-03-10', 400, { tier: 'gold', score: 42, "it's": "o'reilly'; drop table customers; --" }, 'Europe/Berlin');
  await customer(WS, 'bob', 'bob@example.org', 'Bob', '1985-07-01', 10, { tier: 'silver', score: '7' });
  await customer(WS, 'cyd', null, 'Cyd', null, 100, { tier: '', score: 'n/a', note: '100%_off' });
  await customer(WS, 'dee', 'dee@example.com', 'Dee', '2000-03-30', 5, {});
  await customer(WS, 'eve', 'eve@example.com', 'Eve', '1970-12-24', 800, { tier: 'GOLD' });
  // Same ids in another workspace: must never leak into WS results.
  await customer(OTHER_WS, 'ada', 'ada@other.com', 'Other', '1990-03-10', 400, { tier: 'gold' });

  const order = async (ws: string, id: string, customerId: string, total: number, placedDaysAgo: number,
    items: { product: string; category: string }[], status = 'placed') => {
    await sql`insert into orders (workspace_id, id, customer_id, status, total, placed_at)
      values (${ws}, ${id}, ${customerId}, ${status}, ${total}, ${daysAgo(placedDaysAgo).toISOString()})`;
    let line = 0;
    for (const item of items) {
      line++;
      await sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, category, price)
        values (${ws}, ${id}, ${line}, ${customerId}, ${item.product}, ${item.product}, ${item.category}, ${total})`;
    }
  };
  const jersey = { product: 'p_jersey', category: 'Football > Red Star' };
  const cream = { product: 'p_cream', category: 'Cosmetics' };
  await order(WS, 'o1', 'ada', 100, 10, [jersey]);
  await order(WS, 'o2', 'ada', 50, 200, [cream]);
  await order(WS, 'o3', 'ada', 25, 700, [cream]);
  await order(WS, 'o4', 'bob', 300, 30, [cream]);
  await order(WS, 'o5', 'bob', 999, 3, [jersey], 'cancelled');
  await order(WS, 'o6', 'eve', 20, 89, [{ product: "p_'; drop table orders; --", category: "Kids' stuff" }]);
  await order(OTHER_WS, 'o8', 'ada', 5000, 1, [jersey]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.sql);
});
afterAll(() => database?.close());

async function members(rule: SegmentRule, now = NOW): Promise<string[]> {
  return [...(await segmentMembers(database.sql, WS, rule, ALL, now))].sort();
}

describe('attribute conditions', () => {
  it('compares built-in text fields case-insensitively', async () => {
    expect(await members({ kind: 'attribute', field: 'email', op: 'equals', value: 'ada@example.COM' })).toEqual(['ada']);
    expect(await members({ kind: 'attribute', field: 'email', op: 'contains', value: 'EXAMPLE.com' })).toEqual(['ada', 'dee', 'eve']);
    expect(await members({ kind: 'attribute', field: 'email', op: 'not_equals', value: 'bob@example.org' })).toEqual(['ada', 'cyd', 'dee', 'eve']);
    expect(await members({ kind: 'attribute', field: 'email', op: 'exists' })).toEqual(['ada', 'bob', 'dee', 'eve']);
    expect(await members({ kind: 'attribute', field: 'timezone', op: 'equals', value: 'europe/berlin' })).toEqual(['ada']);
    expect(await members({ kind: 'attribute', field: 'firstName', op: 'equals', value: 'cyd' })).toEqual(['cyd']);
  });

  it('reads birthday month and signup age relative to now', async () => {
    expect(await members({ kind: 'attribute', field: 'birthdayMonth', op: 'equals', value: 3 })).toEqual(['ada', 'dee']);
    expect(await members({ kind: 'attribute', field: 'birthdayMonth', op: 'exists' })).toEqual(['ada', 'bob', 'dee', 'eve']);
    expect(await members({ kind: 'attribute', field: 'signupDaysAgo', op: 'lt', value: 30 })).toEqual(['bob', 'dee']);
    expect(await members({ kind: 'attribute', field: 'signupDaysAgo', op: 'gt', value: 365 })).toEqual(['ada', 'eve']);
    // 400 days later, everyone signed up more than a year ago.
    expect(await members({ kind: 'attribute', field: 'signupDaysAgo', op: 'gt', value: 365 }, new Date(NOW.getTime() + 400 * 86_400_000)))
      .toEqual(ALL);
  });

  it('reads custom attributes as text or numbers, never failing on non-numbers', async () => {
    expect(await members({ kind: 'attribute', field: 'tier', op: 'equals', value: 'gold' })).toEqual(['ada', 'eve']);
    expect(await members({ kind: 'attribute', field: 'tier', op: 'exists' })).toEqual(['ada', 'bob', 'eve']);
    expect(await members({ kind: 'attribute', field: 'score', op: 'gt', value: 10 })).toEqual(['ada']);
    expect(await members({ kind: 'attribute', field: 'score', op: 'lt', value: '10' })).toEqual(['bob']);
    expect(await members({ kind: 'attribute', field: 'score', op: 'equals', value: 42 })).toEqual(['ada']);
    expect(await members({ kind: 'attribute', field: 'score', op: 'not_equals', value: 42 })).toEqual(['bob', 'cyd', 'dee', 'eve']);
  });

  it('treats hostile keys and values as data', async () => {
    expect(await members({ kind: 'attribute', field: "it's", op: 'contains', value: "o'reilly'; drop table customers; --" })).toEqual(['ada']);
    expect(await members({ kind: 'attribute', field: "x'); drop table customers; --", op: 'exists' })).toEqual([]);
    // LIKE wildcards are ordinary characters for contains.
    expect(await members({ kind: 'attribute', field: 'note', op: 'contains', value: '%_' })).toEqual(['cyd']);
    expect(await members({ kind: 'attribute', field: 'email', op: 'contains', value: '%' })).toEqual([]);
    const [{ count }] = await database.sql`select count(*)::int as count from customers`;
    expect(count).toBe(6);
  });

  it('keeps every value and key out of the SQL text', async () => {
    const hostile = "zz'); drop table customers; --";
    const rule: SegmentRule = { kind: 'group', op: 'or', rules: [
      { kind: 'attribute', field: hostile, op: 'equals', value: hostile },
      { kind: 'bought', what: 'category', value: hostile, withinDays: 30 },
    ] };
    const condition = compileSegmentRule(database.sql, rule, NOW);
    const described = await database.sql`select c.id from customers c where ${condition}`.describe();
    expect(described.string).not.toContain('zz');
    expect(described.string).toContain('$1');
  });
});

describe('order history conditions', () => {
  it('counts orders and sums spend, ignoring cancelled orders', async () => {
    expect(await members({ kind: 'orders', measure: 'count', op: 'gte', value: 3 })).toEqual(['ada']);
    expect(await members({ kind: 'orders', measure: 'count', op: 'eq', value: 0 })).toEqual(['cyd', 'dee']);
    expect(await members({ kind: 'orders', measure: 'totalSpent', op: 'gt', value: 200 })).toEqual(['bob']);
    expect(await members({ kind: 'orders', measure: 'totalSpent', op: 'lte', value: 20 })).toEqual(['cyd', 'dee', 'eve']);
  });

  it('applies time windows relative to the injected now', async () => {
    const recent: SegmentRule = { kind: 'orders', measure: 'count', op: 'gte', value: 1, withinDays: 90 };
    expect(await members(recent)).toEqual(['ada', 'bob', 'eve']);
    // Two days later eve's order (89 days old) has left the 90-day window.
    expect(await members(recent, new Date(NOW.getTime() + 2 * 86_400_000))).toEqual(['ada', 'bob']);
    expect(await members({ kind: 'orders', measure: 'totalSpent', op: 'gte', value: 150, withinDays: 365 })).toEqual(['ada', 'bob']);
  });

  it('finds buyers of a product or a category (with sub-categories), and non-buyers', async () => {
    expect(await members({ kind: 'bought', what: 'product', value: 'p_cream' })).toEqual(['ada', 'bob']);
    expect(await members({ kind: 'bought', what: 'product', value: 'p_cream', withinDays: 100 })).toEqual(['bob']);
    expect(await members({ kind: 'bought', what: 'category', value: 'football' })).toEqual(['ada']);
    expect(await members({ kind: 'bought', what: 'category', value: 'Football > Red Star' })).toEqual(['ada']);
    expect(await members({ kind: 'bought', what: 'category', value: 'Foot' })).toEqual([]);
    expect(await members({ kind: 'bought', what: 'category', value: 'Football', negate: true })).toEqual(['bob', 'cyd', 'dee', 'eve']);
    expect(await members({ kind: 'bought', what: 'product', value: "p_'; drop table orders; --" })).toEqual(['eve']);
    expect(await members({ kind: 'bought', what: 'category', value: "kids' STUFF" })).toEqual(['eve']);
  });
});

describe('groups and whole-segment queries', () => {
  const goldBuyersOrNew: SegmentRule = {
    kind: 'group', op: 'or', rules: [
      { kind: 'group', op: 'and', rules: [
        { kind: 'orders', measure: 'count', op: 'gte', value: 1 },
        { kind: 'attribute', field: 'tier', op: 'equals', value: 'gold' },
      ] },
      { kind: 'attribute', field: 'signupDaysAgo', op: 'lt', value: 7 },
    ],
  };

  it('nests and/or groups; empty groups match everyone / no one', async () => {
    expect(await members(goldBuyersOrNew)).toEqual(['ada', 'dee', 'eve']);
    expect(await members({ kind: 'group', op: 'and', rules: [] })).toEqual(ALL);
    expect(await members({ kind: 'group', op: 'or', rules: [] })).toEqual([]);
  });

  it('counts and samples within the workspace only', async () => {
    const gold: SegmentRule = { kind: 'attribute', field: 'tier', op: 'equals', value: 'gold' };
    expect(await countSegment(database.sql, WS, gold, NOW)).toBe(2);
    expect(await countSegment(database.sql, OTHER_WS, gold, NOW)).toBe(1);
    expect(await sampleSegment(database.sql, WS, gold, NOW, 1)).toEqual([
      { id: 'ada', email: 'Ada@Example.com', firstName: 'Ada', lastName: 'Test' },
    ]);
    expect(await segmentMembers(database.sql, WS, gold, [], NOW)).toEqual(new Set());
    expect(await segmentMembers(database.sql, OTHER_WS, { kind: 'orders', measure: 'totalSpent', op: 'gt', value: 1000 }, ['ada'], NOW))
      .toEqual(new Set(['ada']));
  });
});

describe('days since the last order', () => {
  it('compares whole days, fractions and values beyond any date without failing', async () => {
    // ada's last order is 10 days old, bob's 30 (his 3-day-old one was cancelled), eve's 89.
    const days = (op: 'gte' | 'lte' | 'gt' | 'lt' | 'eq', value: number) => members({ kind: 'orders', measure: 'daysSinceLastOrder', op, value });
    expect(await days('eq', 30)).toEqual(['bob']);
    expect(await days('gt', 29.5)).toEqual(['bob', 'eve']);
    expect(await days('gte', 30)).toEqual(['bob', 'eve']);
    expect(await days('lt', 30)).toEqual(['ada']);
    expect(await days('lte', 10.5)).toEqual(['ada']);
    expect(await days('eq', 10.5)).toEqual([]);
    expect(await days('lte', 1e12)).toEqual(['ada', 'bob', 'eve']);
    expect(await days('gt', 1e12)).toEqual([]);
  });
});

describe('loyalty tier conditions', () => {
  it('reads the default tiers from points earned ever (spending never demotes), by name as older rules did, exactly or at least', async () => {
    const grant = (id: string, points: number) => database.sql`
      insert into loyalty_ledger (workspace_id, customer_id, points, reason) values (${WS}, ${id}, ${points}, 'test')`;
    await grant('ada', 2000); // Gold, and spends most of it: still Gold
    await grant('ada', -1800);
    await grant('bob', 600); // Silver
    await grant('eve', 6000); // Platinum
    try {
      expect(await members({ kind: 'tier', op: 'is', tier: 'Gold' })).toEqual(['ada']);
      expect(await members({ kind: 'tier', op: 'atLeast', tier: 'Gold' })).toEqual(['ada', 'eve']);
      expect(await members({ kind: 'tier', op: 'is', tier: 'Bronze' })).toEqual(['cyd', 'dee']);
      expect(await members({ kind: 'tier', op: 'atLeast', tier: 'Bronze' })).toEqual(ALL);
    } finally {
      await database.sql`delete from loyalty_ledger where workspace_id = ${WS}`;
    }
    // The default tiers by id, as the editor saves them.
    expect(await members({ kind: 'tier', op: 'is', tier: 'bronze' })).toEqual(ALL);
  });

  it('reads the shop\'s own tiers: by spend over a rolling window, and refuses a tier they lack, naming the field', async () => {
    const configure = (windowDays: number) => database.sql`
      insert into workspaces (id, name, signing_secret, settings) values (${WS}, 'Shop', 'x', ${JSON.stringify({ loyalty: { tiers: {
        basis: 'spend', windowDays, list: [{ id: 'member', name: 'Member', threshold: 0 }, { id: 'fan', name: 'Fan', threshold: 50 },
          { id: 'vip', name: 'VIP', threshold: 250 }] } } })}::text::jsonb)
      on conflict (id) do update set settings = excluded.settings`;
    try {
      // Ever: Ada 175 (a Fan), Bob 300 (his cancelled 999 never counts: a VIP), Eve 20.
      await configure(0);
      expect(await members({ kind: 'tier', op: 'is', tier: 'fan' })).toEqual(['ada']);
      expect(await members({ kind: 'tier', op: 'atLeast', tier: 'fan' })).toEqual(['ada', 'bob']);
      expect(await members({ kind: 'tier', op: 'is', tier: 'member' })).toEqual(['cyd', 'dee', 'eve']);
      // The last 20 days: Bob's order (30 days ago) no longer counts; Ada's (10 days ago) does.
      await configure(20);
      expect(await members({ kind: 'tier', op: 'atLeast', tier: 'fan' })).toEqual(['ada']);
      // The same rule 11 days later: Ada's order has left the window too.
      expect(await members({ kind: 'tier', op: 'atLeast', tier: 'fan' }, new Date(NOW.getTime() + 11 * 86_400_000))).toEqual([]);
      const unknown = await members({ kind: 'tier', op: 'is', tier: 'gold' }).catch((err: unknown) => err);
      expect(unknown).toBeInstanceOf(SegmentRuleError);
      expect((unknown as SegmentRuleError).issues).toEqual([{ field: 'tier', message: 'No loyalty tier "gold" (tiers: member, fan, vip)' }]);
    } finally {
      await database.sql`delete from workspaces where id = ${WS}`;
    }
  });
});

describe('rule validation', () => {
  it('names the bad field', () => {
    const bad = segmentRuleSchema.safeParse({ kind: 'group', op: 'and', rules: [
      { kind: 'attribute', field: 'score', op: 'gt', value: 'lots' },
      { kind: 'orders', measure: 'count', op: 'gte', value: 1, withinDays: 0 },
    ] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['rules.0.value', 'rules.1.withinDays']);
    expect(() => parseSegmentRule({ kind: 'attribute', field: 'birthdayMonth', op: 'contains', value: 3 })).toThrow(/^Invalid segment rule: op: For a number, choose/);
    // Each field's type decides its comparisons and values (the editor offers the same: opsForField).
    const refused = (rule: object) => segmentRuleSchema.safeParse(rule).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(refused({ kind: 'attribute', field: 'birthdayMonth', op: 'equals', value: 13 })).toEqual(['value: Enter a month from 1 to 12']);
    expect(refused({ kind: 'attribute', field: 'birthdayDay', op: 'gt', value: 'x' })).toEqual(['value: Enter a number']);
    expect(refused({ kind: 'attribute', field: 'email', op: 'gt', value: 3 })).toEqual(['op: For text, choose is, is not, contains or is set']);
    expect(refused({ kind: 'attribute', field: 'signupDate', op: 'contains', value: '2024' })).toEqual(['op: For a date, choose is on, is not on, after or before']);
    expect(refused({ kind: 'attribute', field: 'email', op: 'equals', value: '' })).toEqual(['value: Enter a value']);
    expect(refused({ kind: 'attribute', field: 'score', op: 'contains', value: '1' })).toBeUndefined();
    expect(() => parseSegmentRule({ kind: 'nope' })).toThrow(/kind/);
  });

  it('refuses over-deep nesting', () => {
    let rule: SegmentRule = { kind: 'attribute', field: 'email', op: 'exists' };
    for (let i = 0; i < 7; i++) rule = { kind: 'group', op: 'and', rules: [rule] };
    expect(segmentRuleSchema.safeParse(rule).success).toBe(false);
  });
});

// The segment condition "language" over a real Postgres: `is` compares the language subtag by
// subtag (sr covers sr-RS, sr-Latn-RS and sr-Cyrl, never srn), `unknown` finds customers with
// no language; it combines with order conditions (the query driven from the order aggregates
// still reads the customer's row); and the journey condition "in segment" splits by it.
import { countSegment, parseSegmentRule, SegmentRuleError, segmentMembers, type Database, type SegmentRule } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph } from './support/journeys';

const WS = 'ws_lang';
const clock = new ManualClock(new Date('2026-05-04T09:00:00Z'));
const LOCALES: Record<string, string | null> = {
  c_sr: 'sr', c_sr_rs: 'sr-RS', c_sr_latn: 'sr-Latn-RS', c_sr_cyrl: 'sr-Cyrl', c_srn: 'srn', c_sl: 'sl-SI', c_ru: 'ru', c_none: null,
};
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Language shop', 'secret')`;
  for (const [id, locale] of Object.entries(LOCALES)) {
    await db.sql`insert into customers (workspace_id, id, email, locale) values (${WS}, ${id}, ${`${id}@example.com`}, ${locale})`;
  }
  await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    values (${WS}, 'o1', 'c_sr_latn', 50, ${clock.now()}), (${WS}, 'o2', 'c_ru', 50, ${clock.now()})`;
});
afterAll(async () => { await db?.close(); });

const members = async (rule: SegmentRule) =>
  [...await segmentMembers(db.sql, WS, rule, Object.keys(LOCALES), clock.now())].sort();

describe('language is', () => {
  it('matches the language and every narrower tag of it', async () => {
    expect(await members({ kind: 'language', op: 'is', language: 'sr' })).toEqual(['c_sr', 'c_sr_cyrl', 'c_sr_latn', 'c_sr_rs']);
    expect(await members({ kind: 'language', op: 'is', language: 'sr-Latn' })).toEqual(['c_sr_latn']);
    expect(await members({ kind: 'language', op: 'is', language: 'sl' })).toEqual(['c_sl']);
    expect(await members({ kind: 'language', op: 'is', language: 'de' })).toEqual([]);
  });

  it('compares the canonical form of the tag asked for', async () => {
    expect(await members({ kind: 'language', op: 'is', language: 'SR_latn' })).toEqual(['c_sr_latn']);
    expect(await countSegment(db.sql, WS, { kind: 'language', op: 'is', language: 'RU' }, clock.now())).toBe(1);
  });

  it('finds customers whose language is unknown', async () => {
    expect(await members({ kind: 'language', op: 'unknown' })).toEqual(['c_none']);
  });

  it('combines with order history (the query then starts from the order aggregates)', async () => {
    const rule: SegmentRule = { kind: 'group', op: 'and', rules: [
      { kind: 'orders', measure: 'count', op: 'gte', value: 1 }, { kind: 'language', op: 'is', language: 'sr' },
    ] };
    expect(await countSegment(db.sql, WS, rule, clock.now())).toBe(1);
    expect(await members(rule)).toEqual(['c_sr_latn']);
  });

  it('refuses a language that is no tag, naming the field', () => {
    for (const language of [undefined, '', 'Serbian', 'x-private']) {
      expect(() => parseSegmentRule({ kind: 'language', op: 'is', language })).toThrow(SegmentRuleError);
    }
    expect(() => parseSegmentRule({ kind: 'group', op: 'and', rules: [{ kind: 'language', op: 'is', language: 'Serbian' }] }))
      .toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'rules.0.language' })] }));
  });
});

describe('the journey condition "in segment"', () => {
  it('sends the Serbian speakers down "yes" and the others down "no"', async () => {
    const registry = createRegistry();
    const at = { x: 0, y: 0 };
    await db.sql`insert into segments (id, workspace_id, name, rule)
      values ('seg_sr', ${WS}, 'Serbian', ${db.sql.json({ kind: 'language', op: 'is', language: 'sr' } as never)})`;
    const graph: JourneyGraph = {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Signed Up', filters: [], entryKeyProperty: '' } },
        { id: 'serbian', type: 'core/segment-condition', position: at, config: { segmentId: 'seg_sr' } },
        { id: 'points', type: 'core/grant-points', position: at, config: { amount: 5, reason: 'Добродошли' } },
      ],
      edges: [
        { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'serbian' },
        { id: 'e2', source: 'serbian', sourceHandle: 'yes', target: 'points' },
      ],
    };
    const versionId = await publishGraph(db, registry, WS, 'j_lang', graph);
    const engine = createEngine({ database: db, registry, clock });
    const events = Object.keys(LOCALES).map((customerId) => ({ workspaceId: WS, customerId, name: 'Signed Up', timestamp: clock.now(), properties: {} }));
    expect(await ingestEvents(db, engine.enrolEvents, events)).toBe(8);
    await engine.advanceUntilIdle();
    expect((await engine.stats(versionId)).nodes.serbian.branches).toEqual({ yes: 4, no: 4 });
    const granted = await db.sql<{ customer_id: string }[]>`select customer_id from loyalty_ledger where workspace_id = ${WS} order by 1`;
    expect(granted.map((g) => g.customer_id)).toEqual(['c_sr', 'c_sr_cyrl', 'c_sr_latn', 'c_sr_rs']);
  });
});

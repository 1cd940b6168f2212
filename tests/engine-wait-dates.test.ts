// Wait's date modes through the real engine with a manual clock (createJourneyTest): review
// requests spread over a window of days at 10:00 in each customer's time zone (across Europe's
// DST change), the same moment for a run whose step is run again, and birthdays in three zones
// with 29 February and a customer without one.
import { localParts } from '@afterglow/node-sdk';
import { grantPoints, triggerOnEvent, wait } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterEach, describe, expect, it } from 'vitest';

const ZONES = ['Europe/Belgrade', 'America/New_York', 'Asia/Tokyo'];
const RUNS = 1_000;
let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Many messages in one Segment batch, as a shop's backfill sends them. */
async function batch(test: JourneyTest, messages: Record<string, unknown>[]): Promise<void> {
  const res = await fetch(`${test.ingestion.url}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${test.ingestion.key}:`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: messages.map((m, i) => ({ messageId: `m${i}-${String(m.type)}`, ...m })) }),
  });
  expect(res.status).toBe(200);
  await test.settle();
}

/** Calendar days from one instant's local date to another's, in `timeZone`. */
function localDays(from: Date, to: Date, timeZone: string): number {
  const [a, b] = [localParts(from, timeZone), localParts(to, timeZone)];
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86400e3;
}

describe('a random window of days', () => {
  it('lands 1,000 review requests 7–15 days after delivery at 10:00 local, spread over every day; a step run again keeps its moment', async () => {
    t = await createJourneyTest({ start: '2026-03-20T12:00:00Z' }); // the window crosses 29 March, Europe's DST change
    const delivered = t.now();
    const j = await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Order Delivered', entryKeyProperty: 'order_id' })
      .then(wait, { mode: 'window', from: 'trigger', minDays: 7, maxDays: 15, atHour: 10 }, { id: 'window' })
      .then(grantPoints, { amount: 5, reason: 'Review request' }, { id: 'ask' }));
    const customers = Array.from({ length: RUNS }, (_, i) => ({ id: `cust_${i}`, timezone: ZONES[i % ZONES.length] }));
    await batch(t, customers.map((c) => ({ type: 'identify', userId: c.id, traits: { timezone: c.timezone } })));
    await batch(t, customers.map((c, i) => ({ type: 'track', userId: c.id, event: 'Order Delivered', properties: { order_id: `o${i}` } })));

    const runs = await t.runs(j);
    expect(runs).toHaveLength(RUNS);
    const zoneOf = new Map(customers.map((c) => [c.id, c.timezone]));
    const perDay = new Map<number, number>();
    for (const run of runs) {
      expect(run).toMatchObject({ status: 'waiting', nodeId: 'window' });
      const zone = zoneOf.get(run.customerId)!;
      const days = localDays(delivered, run.dueAt!, zone);
      expect(days).toBeGreaterThanOrEqual(7);
      expect(days).toBeLessThanOrEqual(15);
      expect(localParts(run.dueAt!, zone)).toMatchObject({ hour: 10, minute: 0 });
      perDay.set(days, (perDay.get(days) ?? 0) + 1);
    }
    // Nine days, about 111 runs each: every day used, none with more than twice its share.
    expect([...perDay.keys()].sort((a, b) => a - b)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15]);
    for (const n of perDay.values()) expect(n).toBeLessThan((2 * RUNS) / 9);

    // Five hours later the step runs again (its run failed there, and is retried from the canvas).
    const [first] = runs;
    await t.advance('5 hours');
    await t.database.sql`update journey_runs set status = 'failed', wait = null, last_error = 'worker lost' where id = ${first.id}`;
    expect(await t.api.journeys.retryFailed({ versionId: j.versionId, nodeId: 'window' })).toEqual({ retried: 1 });
    await t.settle();
    const again = (await t.runs(j)).find((r) => r.id === first.id)!;
    expect(again).toMatchObject({ status: 'waiting', nodeId: 'window', dueAt: first.dueAt });
    expect(again.steps.filter((s) => s.node === 'window' && s.outcome === 'sleep')).toHaveLength(2);

    await t.advance('16 days');
    expect(await t.counters(j, 'ask')).toMatchObject({ points: 5 * RUNS });
    const done = await t.runs(j);
    for (const run of done) expect(run.steps.find((s) => s.node === 'ask')!.at).toEqual(runs.find((r) => r.id === run.id)!.dueAt);
  });
});

describe('until a date from the customer’s data', () => {
  it('greets each birthday at 09:00 local, 29 February on the 28th, and sends a customer without one down “No date”', async () => {
    t = await createJourneyTest({ start: '2026-02-01T12:00:00Z' });
    const j = await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Joined Club' })
      .then(wait, { mode: 'relative', from: 'birthday', atHour: 9, ifMissing: 'branch' }, { id: 'birthday' })
      .branch('out', (b) => b.then(grantPoints, { amount: 50, reason: 'Happy birthday' }, { id: 'gift' }))
      .branch('missing', (b) => b.then(grantPoints, { amount: 1, reason: 'Tell us your birthday' }, { id: 'ask' })));
    await t.identify('ana', { timezone: 'America/New_York', birthday: '1990-02-14' });
    await t.identify('leap', { timezone: 'Asia/Tokyo', birthday: '2000-02-29' });
    await t.identify('nobody', { timezone: 'Europe/Belgrade' });
    for (const id of ['ana', 'leap', 'nobody']) await t.track(id, 'Joined Club');

    const due = Object.fromEntries((await t.runs(j)).map((r) => [r.customerId, [r.status, r.dueAt?.toISOString() ?? null]]));
    expect(due).toEqual({
      ana: ['waiting', '2026-02-14T14:00:00.000Z'], // 09:00 in New York, not the 13th
      leap: ['waiting', '2026-02-28T00:00:00.000Z'], // 09:00 in Tokyo on 28 February
      nobody: ['completed', null],
    });
    expect(await t.counters(j, 'birthday')).toMatchObject({ missing: 1 });
    expect(await t.counters(j, 'ask')).toMatchObject({ points: 1 });
    await t.advance('30 days');
    expect(await t.counters(j, 'gift')).toMatchObject({ points: 100 });
  });
});

// A/B split and Holdout through the whole engine (createJourneyTest): 10,000 runs share out over
// the arms within a tolerance, the canvas's per-arm counts match, and a run stepped again after
// a crash takes the arm it took the first time; held-out runs walk the journey but get no email,
// coupon, points or webhook call, while the others get all four.
import { abSplit, callWebhook, grantPoints, holdout, issueCoupon, sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

const body = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/**
 * `count` Order Completed events for customers c0, c1, ... through /v1/batch, as a shop's
 * backfill sends them; with `traits`, each customer's identify (an email address) first.
 */
async function orders(test: JourneyTest, count: number, traits?: Record<string, unknown>) {
  const authorization = `Basic ${Buffer.from(`${test.ingestion.key}:`).toString('base64')}`;
  for (let from = 0; from < count; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - from) }, (_, k) => from + k).flatMap((i) => [
      ...(traits ? [{ type: 'identify', userId: `c${i}`, traits: { email: `c${i}@example.com`, ...traits } }] : []),
      { type: 'track', userId: `c${i}`, event: 'Order Completed', properties: { order_id: `o${i}`, total: 20 } },
    ]);
    const res = await fetch(`${test.ingestion.url}/v1/batch`, {
      method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ batch }),
    });
    expect(res.status).toBe(200);
  }
  await test.settle();
}

describe('A/B split', () => {
  it('shares 10,000 runs out over the arms by weight, each run keeping its arm when stepped again', async () => {
    t = await createJourneyTest();
    const j = await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
      .then(abSplit, { arms: [{ id: 'control', name: 'Control', weight: 20 }, { id: 'coupon', name: 'Coupon', weight: 30 }, { id: 'points', name: 'Points', weight: 50 }] }, { id: 'split' })
      .branch('coupon', (b) => b.then(grantPoints, { amount: 5, reason: 'Arm B' }, { id: 'points-b' })));
    await orders(t, 10_000);

    const runs = await t.runs(j);
    expect(runs).toHaveLength(10_000);
    const armOf = new Map(runs.map((r) => [r.id, r.steps.find((s) => s.node === 'split')!.branch!]));
    const count = (arm: string) => [...armOf.values()].filter((a) => a === arm).length;
    const share = (arm: string) => count(arm) / runs.length;
    // A share's standard deviation over 10,000 runs is at most 0.5 points: 2 points is 4 sigma.
    expect(Math.abs(share('control') - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(share('coupon') - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(share('points') - 0.5)).toBeLessThan(0.02);
    // The canvas's counts per arm are the runs' own.
    const { nodes } = await t.stats(j);
    expect(nodes.split.branches).toEqual({ control: count('control'), coupon: count('coupon'), points: count('points') });
    expect(nodes['points-b'].entered).toBe(count('coupon'));

    // As after a crash: 300 finished runs put back before the split and stepped again.
    const again = runs.slice(0, 300).map((r) => r.id);
    await t.database.sql`update journey_runs set status = 'active', node_id = 'split', due_at = ${t.now()} where id = any(${again}::uuid[])`;
    await t.settle();
    for (const run of (await t.runs(j)).filter((r) => again.includes(r.id))) {
      const visits = run.steps.filter((s) => s.node === 'split').map((s) => s.branch);
      expect(visits).toEqual([armOf.get(run.id), armOf.get(run.id)]);
    }
  }, 120_000);
});

describe('Holdout', () => {
  it('sends a held-out run nothing while it walks the journey; the others get every effect', async () => {
    const calls: string[] = [];
    const receiver = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        calls.push(JSON.parse(text).customer.id as string);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      t = await createJourneyTest();
      const j = await t.publish(t.journey()
        .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
        .then(holdout, { percent: 30 }, { id: 'holdout' })
        .then(issueCoupon, { prefix: 'THANKS' }, { id: 'coupon' })
        .then(sendEmail, { subject: 'Your coupon {{ coupon.code }}', body: body('Hi') }, { id: 'mail' })
        .then(grantPoints, { amount: 10, reason: 'Order' }, { id: 'points' })
        .then(callWebhook, { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` }, { id: 'hook' }));
      await orders(t, 400, { marketing_consent: true });

      const runs = await t.runs(j);
      expect(runs.map((r) => r.status)).toEqual(Array(400).fill('completed'));
      const held = new Set(runs.filter((r) => r.steps.find((s) => s.node === 'holdout')!.detail?.held_out === true).map((r) => r.customerId));
      const treated = runs.map((r) => r.customerId).filter((c) => !held.has(c)).sort();
      expect(held.size).toBeGreaterThan(80);
      expect(held.size).toBeLessThan(160);
      // Every held-out run still walked every step, to the end.
      for (const run of runs) expect(run.steps.map((s) => s.node)).toEqual(['trigger-event', 'holdout', 'coupon', 'mail', 'points', 'hook']);

      expect(t.emails().map((e) => e.to.replace('@example.com', '')).sort()).toEqual(treated);
      expect(t.emails().every((e) => /^Your coupon THANKS-\w{12}$/.test(e.subject))).toBe(true);
      expect(calls.sort()).toEqual(treated);
      const counted = async (node: string) => t!.counters(j, node);
      expect(await counted('holdout')).toEqual({ held_out: held.size });
      expect(await counted('coupon')).toMatchObject({ issued: treated.length, held_out: held.size });
      expect(await counted('mail')).toMatchObject({ emails: treated.length, held_out: held.size });
      expect(await counted('points')).toMatchObject({ points: 10 * treated.length, held_out: held.size });
      expect(await counted('hook')).toMatchObject({ delivered: treated.length, held_out: held.size });
      const [stored] = await t.database.sql<{ held: number; coupons: number; ledger: number }[]>`
        select (select count(*)::int from journey_runs where journey_id = ${j.id} and context ? 'holdout') as held,
               (select count(*)::int from coupons where journey_id = ${j.id}) as coupons,
               (select count(*)::int from loyalty_ledger where run_id in (select id from journey_runs where journey_id = ${j.id})) as ledger`;
      expect(stored).toEqual({ held: held.size, coupons: treated.length, ledger: treated.length });
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  }, 120_000);
});

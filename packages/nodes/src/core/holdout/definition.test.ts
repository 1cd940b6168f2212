import { createTestContext, summaryOf } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { holdout } from './definition';

const email = { subject: 'Hi', body: '<mjml />', kind: 'marketing' as const };

/** Runs the holdout step, then what a later email step would do, in one run's context. */
async function walk(runId: string, percent: number) {
  const { ctx, effects } = createTestContext({ run: { id: runId }, nodeId: 'holdout' });
  expect(await holdout.execute!(ctx, { percent })).toEqual({ kind: 'next', branch: 'out' });
  await ctx.services.email.send(email);
  return { heldOut: ctx.run.context.holdout !== undefined, effects };
}

describe('core/holdout', () => {
  it('holds out its share of runs, the same runs every time', async () => {
    const runs = await Promise.all(Array.from({ length: 4000 }, (_, i) => walk(`run-${i}`, 10)));
    const held = runs.filter((r) => r.heldOut).length;
    expect(Math.abs(held / 4000 - 0.1)).toBeLessThan(0.02);
    for (let i = 0; i < 50; i++) expect((await walk(`run-${i}`, 10)).heldOut).toBe(runs[i].heldOut);
  });

  it('withholds every later effect of a held-out run, and only of those', async () => {
    const runs = await Promise.all(Array.from({ length: 200 }, (_, i) => walk(`r-${i}`, 50)));
    for (const { heldOut, effects } of runs) {
      expect(effects.emails.length).toBe(heldOut ? 0 : 1);
      expect(effects.heldOut).toBe(heldOut ? 1 : 0);
    }
    expect(runs.some((r) => r.heldOut) && runs.some((r) => !r.heldOut)).toBe(true);
  });

  it('keeps a run held out by an earlier holdout as it was', async () => {
    const earlier = { nodeId: 'first', at: '2026-01-01T00:00:00.000Z' };
    const { ctx } = createTestContext({ run: { id: 'r', context: { holdout: earlier } }, nodeId: 'second' });
    await holdout.execute!(ctx, { percent: 90 });
    expect(ctx.run.context.holdout).toEqual(earlier);
  });

  it('says on the card what share it holds out', () => {
    expect(summaryOf(holdout, { percent: 10 })).toBe('Holds out 10% of customers: they get nothing from here on');
    expect(summaryOf(holdout, { percent: 10 }, 'sr-Latn')).toBe('Izdvaja 10% kupaca: od ovog koraka ne dobijaju ništa');
    expect(summaryOf(holdout, { percent: 5 }, 'ru')).toBe('Отделяет 5\u00a0% покупателей: дальше они ничего не получают');
  });
});

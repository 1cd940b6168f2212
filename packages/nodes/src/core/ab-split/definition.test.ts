import { branchesOf, configIssues, createTestContext, summaryOf } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { abSplit } from './definition';

const config = { arms: [{ id: 'k1', name: 'Control', weight: 20 }, { id: 'k2', name: 'Coupon', weight: 30 }, { id: 'k3', name: 'Points', weight: 50 }] };
const armOf = async (runId: string, nodeId = 'split') =>
  (await abSplit.execute!(createTestContext({ run: { id: runId }, nodeId }).ctx, config)) as { kind: 'next'; branch: string };

describe('core/ab-split', () => {
  it('has one branch per arm, its id the arm\'s own, named as the marketer wrote it', () => {
    expect(branchesOf(abSplit, config)).toEqual([{ id: 'k1', label: 'Control' }, { id: 'k2', label: 'Coupon' }, { id: 'k3', label: 'Points' }]);
    // Removing the first arm leaves the others' branches as they were.
    const rest = { arms: [{ ...config.arms[1], weight: 40 }, { ...config.arms[2], weight: 60 }] };
    expect(branchesOf(abSplit, rest)).toEqual([{ id: 'k2', label: 'Coupon' }, { id: 'k3', label: 'Points' }]);
  });

  it('sends runs down the arms in their shares, the same run always down the same arm', async () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 4000; i++) {
      const { branch } = await armOf(`run-${i}`);
      counts[branch] = (counts[branch] ?? 0) + 1;
    }
    // 4,000 draws: a share's standard deviation is under 0.8 points, so 3 points is ~4 sigma.
    expect(Math.abs(counts.k1 / 4000 - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(counts.k2 / 4000 - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(counts.k3 / 4000 - 0.5)).toBeLessThan(0.03);
    for (let i = 0; i < 50; i++) expect(await armOf(`run-${i}`)).toEqual(await armOf(`run-${i}`));
  });

  it('assigns independently at two splits of one journey', async () => {
    const differs = await Promise.all(Array.from({ length: 200 }, async (_, i) => (await armOf(`r${i}`, 'one')).branch !== (await armOf(`r${i}`, 'two')).branch));
    expect(differs.filter(Boolean).length).toBeGreaterThan(60);
  });

  it('refuses shares that do not add up to 100, names given twice, and arms without ids of their own', () => {
    const arm = (id: string, name: string, weight: number) => ({ id, name, weight });
    expect(configIssues(abSplit, { arms: [arm('a', 'A', 50), arm('b', 'B', 40)] }))
      .toEqual([{ field: 'arms', message: 'The shares add up to 90%: make them 100%' }]);
    expect(configIssues(abSplit, { arms: [arm('a', 'A', 50), arm('b', 'B', 40)] }, 'sr-Latn'))
      .toEqual([{ field: 'arms', message: 'Udeli zajedno čine 90%: treba da bude 100%' }]);
    expect(configIssues(abSplit, { arms: [arm('a', 'Mail', 50), arm('b', 'mail', 50)] }))
      .toEqual([{ field: 'arms.1.name', message: 'Give each arm a name of its own' }]);
    expect(configIssues(abSplit, { arms: [arm('a', 'Only', 99)] })).toEqual([{ field: 'arms', message: 'Split into at least 2 arms' }]);
    expect(configIssues(abSplit, { arms: [arm('a', 'A', 50), arm('a', 'B', 50)] }, 'sl'))
      .toEqual([{ field: 'arms.1.id', message: 'Dve postavki imata isto oznako: eno odstranite in jo dodajte znova' }]);
    expect(configIssues(abSplit, { arms: [{ name: 'A', weight: 50 }, arm('b', 'B', 50)] }).map((i) => i.field)).toEqual(['arms.0.id']);
  });

  it('names the arms and their shares on the card, in the reader\'s language', () => {
    const two = { arms: [{ id: 'a', name: 'Купон', weight: 50 }, { id: 'b', name: 'Bodovi', weight: 50 }] };
    expect(summaryOf(abSplit, two)).toBe('Split at random: “Купон” 50%, “Bodovi” 50%');
    expect(summaryOf(abSplit, two, 'sr-Latn')).toBe('Nasumično: „Купон“ 50%, „Bodovi“ 50%');
    expect(summaryOf(abSplit, two, 'ru')).toBe('Случайно: «Купон» 50\u00a0%, «Bodovi» 50\u00a0%');
    expect(summaryOf(abSplit, two, 'sl')).toBe('Naključno: „Купон“ 50\u00a0%, „Bodovi“ 50\u00a0%');
  });
});

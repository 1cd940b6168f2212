import { configIssues, createTestContext, summaryOf } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { goTo } from './definition';

/** What the step decides for a run that has already gone back `turns` times from it. */
async function decide(times: number, turns: number, nodeId = 'goto') {
  const { ctx } = createTestContext({ nodeId, run: { context: turns ? { loops: { [nodeId]: turns, other: 99 } } : {} } });
  return goTo.execute!(ctx, { times });
}

describe('core/go-to', () => {
  it('goes back until the run has turned `times` times, then takes “Limit reached”', async () => {
    expect(await decide(3, 0)).toEqual({ kind: 'next', branch: 'again' });
    expect(await decide(3, 2)).toEqual({ kind: 'next', branch: 'again' });
    expect(await decide(3, 3)).toEqual({ kind: 'next', branch: 'limit' });
    expect(await decide(1, 1)).toEqual({ kind: 'next', branch: 'limit' });
  });

  it('counts only its own turns: another Go to step’s do not use up its limit', async () => {
    const { ctx } = createTestContext({ nodeId: 'second', run: { context: { loops: { first: 5 } } } });
    expect(await goTo.execute!(ctx, { times: 2 })).toEqual({ kind: 'next', branch: 'again' });
  });

  it('declares “Again” as a loop bounded by its setting', () => {
    expect(goTo.loop?.branch).toBe('again');
    expect(goTo.loop?.limit({ times: 7 })).toBe(7);
  });

  it('takes 1 to 100 times, with its own messages in the reader’s language', () => {
    expect(configIssues(goTo, { times: 0 })).toEqual([{ field: 'times', message: 'Go back at least once' }]);
    expect(configIssues(goTo, { times: 101 }, 'sl')).toEqual([{ field: 'times', message: 'Vrnite največ 100-krat' }]);
    expect(configIssues(goTo, { times: 2.5 }, 'sr-Latn')).toEqual([{ field: 'times', message: 'Unesite ceo broj' }]);
    expect(configIssues(goTo, goTo.defaults)).toEqual([]);
  });

  it('names on the card the step it leads back to, by the name the canvas gives it', () => {
    const targets = { branch: (id: string) => (id === 'again' ? 'Send reminder' : undefined) };
    expect(summaryOf(goTo, { times: 3 }, 'en', targets)).toBe('Back to “Send reminder”, at most 3 times');
    expect(summaryOf(goTo, { times: 1 }, 'en', targets)).toBe('Back to “Send reminder”, at most 1 time');
    expect(summaryOf(goTo, { times: 3 }, 'sr-Latn', { branch: () => 'Пошаљи имејл' })).toBe('Nazad na „Пошаљи имејл“, najviše 3 puta');
    expect(summaryOf(goTo, { times: 1 }, 'sr-Cyrl', targets)).toBe('Назад на „Send reminder“, највише 1 пут');
    expect(summaryOf(goTo, { times: 5 }, 'ru', { branch: () => 'Отправить письмо' })).toBe('Назад к шагу «Отправить письмо», не больше 5 раз');
    expect(summaryOf(goTo, { times: 21 }, 'ru', targets)).toBe('Назад к шагу «Send reminder», не больше 21 раза');
    expect(summaryOf(goTo, { times: 2 }, 'sl', { branch: () => 'Pošlji e-pošto' })).toBe('Nazaj na „Pošlji e-pošto“, največ 2-krat');
    expect(summaryOf(goTo, { times: 3 })).toBe('Connect “Again” to an earlier step, at most 3 times');
  });
});

import { describe, expect, it } from 'vitest';
import { retryTransaction } from './retry';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('retryTransaction', () => {
  it('runs a deadlock victim again and returns its result', async () => {
    let calls = 0;
    const result = await retryTransaction(async () => {
      calls++;
      if (calls === 1) throw pgError('40P01');
      return 'stored';
    });
    expect({ result, calls }).toEqual({ result: 'stored', calls: 2 });
  });

  it('gives up after the last try with the database error', async () => {
    let calls = 0;
    await expect(retryTransaction(async () => { calls++; throw pgError('40001'); }, 3)).rejects.toThrow('pg 40001');
    expect(calls).toBe(3);
  });

  it('never repeats other failures', async () => {
    let calls = 0;
    await expect(retryTransaction(async () => { calls++; throw pgError('23505'); })).rejects.toThrow('pg 23505');
    expect(calls).toBe(1);
  });
});

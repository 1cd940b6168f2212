import { describe, expect, it } from 'vitest';
import { simulatedStats } from './canvasStats';
import { daysOf, onDays } from './days';
import type { SimulationResult } from './types';

const result = {
  entries: { total: 3, perDay: [] },
  steps: [
    { nodeId: 'trigger', outcome: 'next', branch: 'next', n: 3 },
    { nodeId: 'wait', outcome: 'sleep', branch: null, n: 3 },
    { nodeId: 'wait', outcome: 'resume', branch: 'next', n: 2 },
    { nodeId: 'email', outcome: 'defer', branch: null, n: 1 },
    { nodeId: 'email', outcome: 'next', branch: 'next', n: 2 },
  ],
  endPositions: [{ nodeId: 'wait', status: 'waiting', n: 1 }, { nodeId: 'email', status: 'completed', n: 2 }],
} as unknown as SimulationResult;

describe('simulatedStats', () => {
  it('counts arrivals as the engine does (a wait resuming or a held step is no new arrival) and where runs end', () => {
    const stats = simulatedStats('sim_1', result);
    expect(stats.nodes.wait).toMatchObject({ entered: 3, waiting: 1, branches: { next: 2 } });
    expect(stats.nodes.email).toMatchObject({ entered: 2, exited: 2, counters: { held: 1 } });
    expect(stats.totals).toMatchObject({ entered: 3, active: 1, completed: 2, failed: 0 });
  });
});

describe('daysOf', () => {
  it('lists every UTC day of the period, the quiet ones at 0', () => {
    const days = daysOf('2026-11-01T10:00:00.000Z', '2026-11-04T10:00:00.000Z');
    expect(days).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']);
    expect(onDays(days, [{ day: '2026-11-03', n: 5 }], (r) => r.n)).toEqual([0, 0, 5, 0]);
  });
});

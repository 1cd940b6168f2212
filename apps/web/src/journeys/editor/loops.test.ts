// The canvas's view of loops: only the connection leaving by a type's declared loop branch is a way
// back, and each step's connected branches are named by the label of the step they lead to.
import type { JourneyGraph } from '@afterglow/journey-core';
import { describe, expect, it } from 'vitest';
import { loopBackPath } from './loopPath';
import { branchTargets, isLoopEdge } from './loops';

const at = { x: 0, y: 0 };
const graph: JourneyGraph = {
  nodes: [
    { id: 'points', type: 'core/grant-points', typeVersion: 1, position: at, config: { amount: 1, reason: 'Hi' } },
    { id: 'goto', type: 'core/go-to', typeVersion: 1, position: at, config: { times: 3 } },
    { id: 'exit', type: 'core/exit', typeVersion: 1, position: at, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'points', sourceHandle: 'out', target: 'goto' },
    { id: 'e2', source: 'goto', sourceHandle: 'again', target: 'points' },
    { id: 'e3', source: 'goto', sourceHandle: 'limit', target: 'exit' },
  ],
};

describe('loops on the canvas', () => {
  it('tells a way back from the other connections', () => {
    expect(graph.edges.map((e) => isLoopEdge(graph, e))).toEqual([false, true, false]);
  });

  it('names the step each branch leads to by its label, in the reader\'s language', () => {
    expect(branchTargets(graph, 'en').get('goto')).toEqual({ again: 'Grant loyalty points', limit: 'Exit' });
    expect(branchTargets(graph, 'ru').get('goto')?.again).toBe('Начислить баллы');
    expect(branchTargets(graph, 'en').get('exit')).toBeUndefined();
  });

  it('routes a way back round the left of both cards', () => {
    const [path, labelX] = loopBackPath({ x: 400, y: 600 }, { x: 440, y: 100 });
    expect(labelX).toBeLessThan(400 - 132);
    expect(path.startsWith('M 400 600')).toBe(true);
    expect(path.endsWith('L 440 100')).toBe(true);
  });
});

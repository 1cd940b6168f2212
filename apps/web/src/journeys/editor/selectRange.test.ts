import type { JourneyGraph } from '@afterglow/journey-core';
import { describe, expect, it } from 'vitest';
import { extendSelection } from './selectRange';

const node = (id: string) => ({ id, type: 'core/wait', position: { x: 0, y: 0 }, config: {} });
const wire = (source: string, target: string, sourceHandle = 'out') => ({ id: `${source}->${target}`, source, sourceHandle, target });
// a -> b -> c -> d, and b -> x (another branch)
const graph: JourneyGraph = {
  nodes: ['a', 'b', 'c', 'd', 'x'].map(node),
  edges: [wire('a', 'b'), wire('b', 'c', 'yes'), wire('c', 'd'), wire('b', 'x', 'no')],
};
const sorted = (s: Set<string>) => [...s].sort();

describe('shift-click range', () => {
  it('adds every step on the wires from the anchor down to the clicked step', () => {
    expect(sorted(extendSelection(graph, new Set(['a']), 'a', 'd'))).toEqual(['a', 'b', 'c', 'd']);
  });
  it('works upwards too, and keeps what was selected', () => {
    expect(sorted(extendSelection(graph, new Set(['d', 'x']), 'd', 'b'))).toEqual(['b', 'c', 'd', 'x']);
  });
  it('adds only the clicked step across branches or without an anchor', () => {
    expect(sorted(extendSelection(graph, new Set(['c']), 'c', 'x'))).toEqual(['c', 'x']);
    expect(sorted(extendSelection(graph, new Set(), null, 'c'))).toEqual(['c']);
  });
});

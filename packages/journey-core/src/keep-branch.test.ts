import { describe, expect, it } from 'vitest';
import type { JourneyGraph } from './graph';
import { keepBranch } from './keep-branch';

const at = { x: 0, y: 0 };
const node = (id: string, type = 'core/send-email') => ({ id, type, position: at, config: {} });
const edge = (source: string, sourceHandle: string, target: string) => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target });

// trigger -> split: a -> mailA -> wait -> end; b -> mailB -> wait (the arms rejoin at the wait).
const graph: JourneyGraph = {
  nodes: [node('trigger', 'core/trigger-event'), node('split', 'core/ab-split'), node('mailA'), node('mailB'), node('wait', 'core/wait'), node('end')],
  edges: [edge('trigger', 'out', 'split'), edge('split', 'a', 'mailA'), edge('split', 'b', 'mailB'),
    edge('mailA', 'out', 'wait'), edge('mailB', 'out', 'wait'), edge('wait', 'out', 'end')],
};

describe('keepBranch', () => {
  it('wires what led into the step to its chosen branch and drops what only the other arms reached', () => {
    const kept = keepBranch(graph, 'split', 'b');
    expect(kept.nodes.map((n) => n.id)).toEqual(['trigger', 'mailB', 'wait', 'end']);
    expect(kept.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['trigger>mailB', 'mailB>wait', 'wait>end']);
    expect(graph.nodes).toHaveLength(6); // the input is left as it was
  });

  it('ends the journey where the chosen branch was not connected', () => {
    // Arm a leads nowhere: those customers simply finished.
    const open = { nodes: graph.nodes.filter((n) => n.id !== 'mailA'), edges: graph.edges.filter((e) => e.source !== 'mailA' && e.target !== 'mailA') };
    const kept = keepBranch(open, 'split', 'a');
    expect(kept.nodes.map((n) => n.id)).toEqual(['trigger']);
    expect(kept.edges).toEqual([]);
  });
});

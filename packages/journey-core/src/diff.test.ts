import { describe, expect, it } from 'vitest';
import { diffGraphs } from './diff';
import type { JourneyGraph } from './graph';

const at = { x: 0, y: 0 };
const live: JourneyGraph = {
  nodes: [
    { id: 't', type: 'core/trigger-event', position: at, config: { event: 'Order Completed' } },
    { id: 'w', type: 'core/wait', position: at, config: { amount: 7, unit: 'days' } },
    { id: 'e', type: 'core/send-email', position: at, config: { subject: 'Hi' } },
  ],
  edges: [{ id: '1', source: 't', sourceHandle: 'out', target: 'w' }, { id: '2', source: 'w', sourceHandle: 'out', target: 'e' }],
};

describe('diffGraphs', () => {
  it('finds nothing when only positions and edge ids differ', () => {
    const moved = structuredClone(live);
    moved.nodes[1].position = { x: 300, y: 40 };
    moved.edges[0].id = 'renamed';
    expect(diffGraphs(live, moved).empty).toBe(true);
  });

  it('lists added, removed and reconfigured steps and rewired connections', () => {
    const draft = structuredClone(live);
    draft.nodes[1].config = { amount: 10, unit: 'days' };
    draft.nodes.splice(2, 1, { id: 'p', type: 'core/grant-points', position: at, config: { amount: 50 } });
    draft.edges[1] = { id: '3', source: 'w', sourceHandle: 'out', target: 'p' };
    const diff = diffGraphs(live, draft);
    expect(diff.empty).toBe(false);
    expect(diff.added.map((n) => n.id)).toEqual(['p']);
    expect(diff.removed.map((n) => n.id)).toEqual(['e']);
    expect(diff.changed).toEqual([{ id: 'w', type: 'core/wait', typeChanged: false, fields: [{ field: 'amount', before: 7, after: 10 }] }]);
    expect(diff.edgesAdded.map((e) => e.target)).toEqual(['p']);
    expect(diff.edgesRemoved.map((e) => e.target)).toEqual(['e']);
  });

  it('counts a step moved to a new version of its type as changed, even with the same settings', () => {
    const draft = structuredClone(live);
    draft.nodes[2].typeVersion = 2;
    expect(diffGraphs(live, draft)).toMatchObject({ empty: false, changed: [{ id: 'e', fields: [{ field: 'typeVersion', before: 1, after: 2 }] }] });
    // A version written down where none was (absent is 1) is no change.
    expect(diffGraphs(live, { ...live, nodes: live.nodes.map((n) => ({ ...n, typeVersion: 1 })) }).empty).toBe(true);
  });

  it('treats every step of a journey never published as added', () => {
    expect(diffGraphs(null, live).added).toHaveLength(3);
  });
});

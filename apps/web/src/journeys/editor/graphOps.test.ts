import { journeyGraphSchema, migrateGraph, validateGraph, type JourneyGraph } from '@afterglow/journey-core';
import { describe, expect, it } from 'vitest';
import { addNode, connect, moveNodes, newNodeId, removeEdges, removeNodes, setConfig, setLabel } from './graphOps';
import { historyReducer, initialHistory } from './history';
import { registry } from './registry';

const trigger = registry.require('core/trigger-event');
const wait = registry.require('core/wait');
const condition = registry.require('core/segment-condition');

function sample(): JourneyGraph {
  let g: JourneyGraph = { nodes: [], edges: [] };
  g = addNode(g, trigger, { x: 0, y: 0 }, 't1');
  g = addNode(g, wait, { x: 0, y: 150.6 }, 'w1');
  g = addNode(g, condition, { x: 0, y: 300 }, 'c1');
  g = connect(g, { source: 't1', sourceHandle: 'out', target: 'w1' });
  return connect(g, { source: 'w1', sourceHandle: 'out', target: 'c1' });
}

describe('graph edits', () => {
  it('adds nodes with their type defaults and a schema-valid id', () => {
    const g = sample();
    expect(g.nodes.find((n) => n.id === 'w1')).toMatchObject({ type: 'core/wait', typeVersion: wait.version, position: { x: 0, y: 151 }, config: wait.defaults });
    const id = newNodeId(wait, g);
    expect(id).toMatch(/^wait_[a-z0-9]{4}$/);
    // Defaults are copied, so editing one node never edits another or the definition.
    const edited = setConfig(g, 'w1', { ...g.nodes[1].config, amount: 9 });
    expect(wait.defaults).toMatchObject({ amount: 3 });
    expect(edited.nodes[1].config.amount).toBe(9);
  });

  it('never hands out an id already on the canvas', () => {
    const g = sample();
    const rolls = [0, 0, 0.5];
    const first = newNodeId(wait, g, () => 0);
    const taken = addNode(g, wait, { x: 0, y: 0 }, first);
    expect(newNodeId(wait, taken, () => rolls.shift()!)).not.toBe(first);
  });

  it('connecting a branch again replaces its old connection; self-loops are refused', () => {
    let g = sample();
    g = addNode(g, wait, { x: 200, y: 150 }, 'w2');
    g = connect(g, { source: 't1', sourceHandle: 'out', target: 'w2' });
    expect(g.edges.filter((e) => e.source === 't1').map((e) => e.target)).toEqual(['w2']);
    expect(connect(g, { source: 'w2', sourceHandle: 'out', target: 'w2' })).toBe(g);
  });

  it('removing a node removes its connections, leaving a graph that validates structurally', () => {
    const g = removeNodes(sample(), ['w1']);
    expect(g.edges).toEqual([]);
    expect(validateGraph(g, registry).some((i) => i.message.includes('missing node'))).toBe(false);
    expect(removeEdges(sample(), ['t1:out->w1']).edges.map((e) => e.id)).toEqual(['w1:out->c1']);
  });

  it('removing an A/B arm drops its connection only; the other arms keep theirs, whatever their place', () => {
    const split = registry.require('core/ab-split');
    let g = addNode(sample(), split, { x: 0, y: 450 }, 's1');
    g = setConfig(g, 's1', { arms: [{ id: 'k1', name: 'Control', weight: 20 }, { id: 'k2', name: 'Coupon', weight: 30 }, { id: 'k3', name: 'Points', weight: 50 }] }, split);
    for (const arm of ['k1', 'k2', 'k3']) g = connect(addNode(g, wait, { x: 0, y: 600 }, `w_${arm}`), { source: 's1', sourceHandle: arm, target: `w_${arm}` });
    const coupon = g.nodes.find((n) => n.id === 's1')!.config.arms as { id: string }[];
    // While the shares do not add up, the branches are unknown: every connection stays.
    const halfway = setConfig(g, 's1', { arms: [coupon[0], coupon[2]] }, split);
    expect(halfway.edges).toEqual(g.edges);
    const done = setConfig(halfway, 's1', { arms: [{ ...coupon[0], weight: 50 }, coupon[2]] }, split);
    expect(done.edges.filter((e) => e.source === 's1').map((e) => [e.sourceHandle, e.target])).toEqual([['k1', 'w_k1'], ['k3', 'w_k3']]);
    expect(validateGraph(done, registry).filter((i) => i.nodeId === 's1' && i.code !== 'unreachable')).toEqual([]);
  });

  it('a draft on version 1 of the splits opens on version 2 with every connection where it was', () => {
    const at = { x: 0, y: 0 };
    const draft: JourneyGraph = {
      nodes: [
        { id: 't', type: 'core/trigger-event', typeVersion: 1, position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: '' } },
        { id: 's', type: 'core/ab-split', typeVersion: 1, position: at, config: { arms: [{ name: 'A', weight: 30 }, { name: 'B', weight: 70 }] } },
        { id: 'r', type: 'core/multi-split', typeVersion: 1, position: at, config: { rules: [{ ...(registry.require('core/property-condition').defaults as Record<string, unknown>), name: 'Big order', source: 'order', operator: 'greater_than', number: 100 }] } },
        { id: 'x', type: 'core/exit', typeVersion: 1, position: at, config: { reason: 'Completed' } },
      ],
      edges: [
        { id: 'e1', source: 't', sourceHandle: 'out', target: 's' }, { id: 'e2', source: 's', sourceHandle: 'a', target: 'r' },
        { id: 'e3', source: 's', sourceHandle: 'b', target: 'x' }, { id: 'e4', source: 'r', sourceHandle: 'rule:big order', target: 'x' },
      ],
    };
    const { graph, migrations } = migrateGraph(draft, registry);
    expect(migrations.map((m) => [m.nodeId, m.from, m.to, m.error])).toEqual([['s', 1, 2, undefined], ['r', 1, 2, undefined]]);
    expect(graph.edges).toEqual(draft.edges);
    expect(validateGraph(graph, registry)).toEqual([]);
  });

  it('moves only the named nodes', () => {
    const g = moveNodes(sample(), new Map([['c1', { x: 10.2, y: 20.7 }]]));
    expect(g.nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 0, y: 151 }, { x: 10, y: 21 }]);
  });
});

describe('step names', () => {
  it('names a step, takes an empty name away, and stores what the graph schema accepts', () => {
    const named = setLabel(sample(), 'w1', '  Cool-off  ');
    expect(journeyGraphSchema.parse(named).nodes.find((n) => n.id === 'w1')!.label).toBe('Cool-off');
    expect(setLabel(named, 'w1', '  ').nodes.find((n) => n.id === 'w1')!.label).toBeUndefined();
    expect(setLabel(named, 'w1', 'x'.repeat(100)).nodes.find((n) => n.id === 'w1')!.label).toHaveLength(80);
    const tooLong = { ...named, nodes: named.nodes.map((n) => ({ ...n, label: 'x'.repeat(81) })) };
    expect(journeyGraphSchema.safeParse(tooLong).error?.issues[0].message).toBe('A step name has at most 80 characters');
  });
});

describe('undo history', () => {
  it('undoes and redoes each gesture; a new edit clears the redo stack', () => {
    const start = sample();
    let h = initialHistory(start);
    const added = addNode(start, wait, { x: 1, y: 1 }, 'w9');
    h = historyReducer(h, { type: 'apply', next: added, at: 0 });
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(start);
    h = historyReducer(h, { type: 'redo' });
    expect(h.present).toBe(added);
    h = historyReducer(h, { type: 'undo' });
    h = historyReducer(h, { type: 'apply', next: removeNodes(start, ['c1']), at: 1 });
    expect(h.future).toEqual([]);
    expect(historyReducer(h, { type: 'redo' })).toBe(h);
  });

  it('typing into one field within a second is one undo step; another field is a new step', () => {
    const start = sample();
    let h = initialHistory(start);
    const typed = (amount: number) => setConfig(h.present, 'w1', { ...h.present.nodes[1].config, amount });
    h = historyReducer(h, { type: 'apply', next: typed(1), coalesceKey: 'w1', at: 0 });
    h = historyReducer(h, { type: 'apply', next: typed(12), coalesceKey: 'w1', at: 400 });
    expect(h.past).toHaveLength(1);
    h = historyReducer(h, { type: 'apply', next: typed(5), coalesceKey: 'w1', at: 2000 });
    expect(h.past).toHaveLength(2);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present.nodes[1].config.amount).toBe(12);
  });

  it('a drag previews positions and records the whole gesture once', () => {
    const start = sample();
    let h = initialHistory(start);
    for (const x of [5, 10, 40]) h = historyReducer(h, { type: 'preview', next: moveNodes(h.present, new Map([['c1', { x, y: 300 }]])) });
    expect(h.past).toHaveLength(0);
    h = historyReducer(h, { type: 'checkpoint', before: start });
    expect(h.past).toEqual([start]);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present.nodes[2].position.x).toBe(0);
  });
});

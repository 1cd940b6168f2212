import type { JourneyGraph } from '@afterglow/journey-core';
import { describe, expect, it } from 'vitest';
import { copySteps, deleteSelection, parseClipboard, pasteSteps } from './clipboard';
import { boxesOf, freeSpot, overlaps, spotBelow, type Sizes } from './geometry';
import { addNode, connect } from './graphOps';
import { historyReducer, initialHistory } from './history';
import { registry } from './registry';
import { tidyGraph } from './tidy';

const trigger = registry.require('core/trigger-event');
const wait = registry.require('core/wait');
const condition = registry.require('core/segment-condition');
const noSizes: Sizes = new Map();

function sample(): JourneyGraph {
  let g: JourneyGraph = { nodes: [], edges: [] };
  g = addNode(g, trigger, { x: 0, y: 0 }, 't1');
  g = addNode(g, wait, { x: 0, y: 200 }, 'w1');
  g = addNode(g, condition, { x: 0, y: 400 }, 'c1');
  g = addNode(g, wait, { x: -150, y: 620 }, 'w2');
  g = connect(g, { source: 't1', sourceHandle: 'out', target: 'w1' });
  g = connect(g, { source: 'w1', sourceHandle: 'out', target: 'c1' });
  return connect(g, { source: 'c1', sourceHandle: 'yes', target: 'w2' });
}

const noOverlaps = (g: JourneyGraph) => {
  const boxes = boxesOf(g, noSizes);
  return boxes.every((a, i) => boxes.every((b, j) => i === j || !overlaps(a, b)));
};

describe('placement', () => {
  it('finds a spot below the anchor that covers no card', () => {
    const g = sample();
    const spot = spotBelow(g, noSizes, 'w1');
    expect(spot.y).toBeGreaterThan(200);
    expect(noOverlaps(addNode(g, wait, spot, 'new'))).toBe(true);
    // Wanted right on top of a card, the spot moves off it.
    const onTop = freeSpot(boxesOf(g, noSizes), { x: 0, y: 200 }, { width: 264, height: 130 });
    expect(noOverlaps(addNode(g, wait, onTop, 'new'))).toBe(true);
  });
});

describe('copy and paste', () => {
  it('pastes a selection with new ids, its inner wires only, beside the original without overlaps', () => {
    const g = sample();
    const clip = parseClipboard(JSON.stringify(copySteps(g, new Set(['w1', 'c1']))))!;
    expect(clip.edges.map((e) => e.id)).toEqual(['w1:out->c1']);
    const { graph, ids } = pasteSteps(g, clip, noSizes);
    expect(ids).toHaveLength(2);
    expect(ids.some((id) => g.nodes.some((n) => n.id === id))).toBe(false);
    expect(graph.edges.at(-1)).toMatchObject({ source: ids[0], sourceHandle: 'out', target: ids[1] });
    expect(graph.edges.slice(0, g.edges.length)).toEqual(g.edges);
    expect(noOverlaps(graph)).toBe(true);
    // Pasting twice still overlaps nothing, and config is copied, not shared.
    const again = pasteSteps(graph, clip, noSizes);
    expect(noOverlaps(again.graph)).toBe(true);
    expect(again.graph.nodes.find((n) => n.id === again.ids[0])!.config).not.toBe(graph.nodes.find((n) => n.id === ids[0])!.config);
  });

  it('refuses a clipboard that is not a steps payload', () => {
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard(JSON.stringify({ kind: 'other', version: 1, nodes: [], edges: [] }))).toBeNull();
    expect(copySteps(sample(), new Set())).toBeNull();
  });
});

describe('deleting a selection', () => {
  it('removes steps, their wires and selected wires in one edit that one undo brings back whole', () => {
    const g = sample();
    const next = deleteSelection(g, new Set(['c1']), new Set(['t1:out->w1']));
    expect(next.nodes.map((n) => n.id)).toEqual(['t1', 'w1', 'w2']);
    expect(next.edges).toEqual([]);
    let h = historyReducer(initialHistory(g), { type: 'apply', next, at: 0 });
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(g);
    expect(deleteSelection(g, new Set(), new Set())).toBe(g);
  });
});

describe('tidy up', () => {
  it('lays the steps out top to bottom with no overlaps, and keeps branches on their side', async () => {
    let g = sample();
    // A step dropped on top of another, and a second branch of the condition to the right.
    g = connect(addNode(g, wait, { x: 10, y: 410 }, 'w3'), { source: 'c1', sourceHandle: 'no', target: 'w3' });
    const tidy = await tidyGraph(g, noSizes);
    expect(noOverlaps(tidy)).toBe(true);
    const y = (id: string) => tidy.nodes.find((n) => n.id === id)!.position.y;
    const x = (id: string) => tidy.nodes.find((n) => n.id === id)!.position.x;
    expect(y('t1')).toBeLessThan(y('w1'));
    expect(y('w1')).toBeLessThan(y('c1'));
    expect(y('c1')).toBeLessThan(y('w2'));
    expect(x('w2')).toBeLessThan(x('w3'));
    // Tidying again changes nothing: the layout is stable.
    expect((await tidyGraph(tidy, noSizes)).nodes.map((n) => n.position)).toEqual(tidy.nodes.map((n) => n.position));
  });
});

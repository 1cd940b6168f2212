// Copy, paste and duplicate of steps with the wires between them. The clipboard is a small
// versioned JSON payload, kept in localStorage (and offered to the system clipboard), so a
// selection copied in one journey pastes into another.
import type { GraphEdge, GraphNode, JourneyGraph } from '@afterglow/journey-core';
import { boundsOf, boxesOf, freeSpot, GAP, sizeOf, type Sizes } from './geometry';
import { newNodeId } from './graphOps';

export interface StepClipboard {
  kind: 'afterglow/steps';
  version: 1;
  nodes: GraphNode[];
  /** Only wires with both ends in the selection. */
  edges: GraphEdge[];
}

export function copySteps(graph: JourneyGraph, ids: ReadonlySet<string>): StepClipboard | null {
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return structuredClone({ kind: 'afterglow/steps', version: 1, nodes, edges });
}

/**
 * Adds the clipboard's steps with new ids and their inner wires, shifted as a group to the first
 * free spot beside (or below) where they were copied from, so they never cover a card.
 */
export function pasteSteps(graph: JourneyGraph, clip: StepClipboard, sizes: Sizes): { graph: JourneyGraph; ids: string[] } {
  const ids = new Map<string, string>();
  let next = graph;
  for (const node of clip.nodes) {
    const id = newNodeId({ id: node.type }, next);
    ids.set(node.id, id);
    // Reserved right away, so the next new id cannot repeat it.
    next = { ...next, nodes: [...next.nodes, { ...structuredClone(node), id }] };
  }
  const group = boundsOf(clip.nodes.map((n) => ({ ...n.position, ...sizeOf(sizes, n.id) })))!;
  const spot = freeSpot(boxesOf(graph, sizes), { x: group.x + group.width + GAP, y: group.y }, group);
  const [dx, dy] = [spot.x - group.x, spot.y - group.y];
  const pasted = new Set(ids.values());
  const nodes = next.nodes.map((n) => (pasted.has(n.id) ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } } : n));
  const edges = clip.edges.map((e): GraphEdge => {
    const [source, target] = [ids.get(e.source)!, ids.get(e.target)!];
    return { id: `${source}:${e.sourceHandle}->${target}`, source, sourceHandle: e.sourceHandle, target };
  });
  return { graph: { nodes, edges: [...graph.edges, ...edges] }, ids: [...ids.values()] };
}

/** Removes steps with all their wires and the wires named, as one edit (one undo brings all back). */
export function deleteSelection(graph: JourneyGraph, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): JourneyGraph {
  if (nodeIds.size === 0 && edgeIds.size === 0) return graph;
  return {
    nodes: graph.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: graph.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}

const STORAGE_KEY = 'afterglow.canvas.clipboard';

/** Keeps the copy for this and every other journey of this browser; the system clipboard gets it as JSON too. */
export function storeClipboard(clip: StepClipboard): void {
  const json = JSON.stringify(clip);
  localStorage.setItem(STORAGE_KEY, json);
  // Refused without focus or permission: the localStorage copy is enough then.
  void navigator.clipboard?.writeText(json).catch(() => {});
}

export function readClipboard(): StepClipboard | null {
  return parseClipboard(localStorage.getItem(STORAGE_KEY));
}

/** A payload from storage or pasted text, or null when it is not one (any other text). */
export function parseClipboard(text: string | null): StepClipboard | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<StepClipboard>;
    if (value.kind !== 'afterglow/steps' || value.version !== 1 || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return null;
    return value as StepClipboard;
  } catch {
    return null;
  }
}

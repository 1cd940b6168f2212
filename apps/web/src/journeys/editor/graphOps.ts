// Pure edits of the draft graph. Every canvas gesture becomes one of these, so undo/redo
// and autosave see plain graph snapshots.
import { branchesOf, type NodeTypeDefinition } from '@afterglow/node-sdk';
import type { GraphEdge, JourneyGraph } from '@afterglow/journey-core';

type Position = { x: number; y: number };

export function newNodeId(def: Pick<NodeTypeDefinition, 'id'>, graph: JourneyGraph, random: () => number = Math.random): string {
  const base = def.id.split('/').pop()!.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'node';
  for (;;) {
    const id = `${base}_${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
    if (!graph.nodes.some((n) => n.id === id)) return id;
  }
}

/** A step of the palette's type (its newest version), with that version's defaults and the version recorded. */
export function addNode(graph: JourneyGraph, def: NodeTypeDefinition, position: Position, id = newNodeId(def, graph)): JourneyGraph {
  const config = structuredClone(def.defaults) as Record<string, unknown>;
  return { ...graph, nodes: [...graph.nodes, { id, type: def.id, typeVersion: def.version, position: roundPosition(position), config }] };
}

export function removeNodes(graph: JourneyGraph, ids: readonly string[]): JourneyGraph {
  const gone = new Set(ids);
  return {
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

export function removeEdges(graph: JourneyGraph, ids: readonly string[]): JourneyGraph {
  const gone = new Set(ids);
  return { ...graph, edges: graph.edges.filter((e) => !gone.has(e.id)) };
}

/**
 * Connects a branch to a step. A branch leads to exactly one step, so connecting it again
 * replaces its previous connection. Self-loops are refused (returns the graph unchanged).
 */
export function connect(graph: JourneyGraph, c: { source: string; sourceHandle: string; target: string }): JourneyGraph {
  if (c.source === c.target) return graph;
  const edge: GraphEdge = { id: `${c.source}:${c.sourceHandle}->${c.target}`, ...c };
  const others = graph.edges.filter((e) => !(e.source === c.source && e.sourceHandle === c.sourceHandle));
  return { ...graph, edges: [...others, edge] };
}

export function moveNodes(graph: JourneyGraph, positions: ReadonlyMap<string, Position>): JourneyGraph {
  if (positions.size === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: roundPosition(p) } : n;
    }),
  };
}

/**
 * A step's new settings. Given the step's type, a complete config also drops the connections of
 * branches it no longer has (an A/B arm removed): left in place they would be refused at publish.
 * A config still being filled in keeps them, since its branches are not known until it parses.
 */
export function setConfig(graph: JourneyGraph, id: string, config: Record<string, unknown>, def?: NodeTypeDefinition): JourneyGraph {
  const nodes = graph.nodes.map((n) => (n.id === id ? { ...n, config } : n));
  if (!def?.config.safeParse(config).success) return { ...graph, nodes };
  const branches = new Set(branchesOf(def, config).map((b) => b.id));
  return { nodes, edges: graph.edges.filter((e) => e.source !== id || branches.has(e.sourceHandle)) };
}

/** The step's own name; empty takes it away (the step is named by its type again). */
export function setLabel(graph: JourneyGraph, id: string, label: string): JourneyGraph {
  const named = label.trim() ? label.slice(0, 80) : undefined;
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...n, label: named } : n)) };
}

const roundPosition = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });

// "Tidy up": a layered top-to-bottom layout by elkjs (the layout library React Flow's own
// examples use). elkjs is large, so it loads only when someone tidies. The current order of
// steps (top to bottom, then left to right) is the model order elk keeps, so tidying a grown
// journey keeps its shape: branches stay on the side they were on.
import { definitionOf, type JourneyGraph } from '@afterglow/journey-core';
import { branchesOf } from '@afterglow/node-sdk';
import type { ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { GAP, sizeOf, type Position, type Sizes } from './geometry';
import { moveNodes } from './graphOps';
import { registry } from './registry';

/** The branch row's side padding, as NodeCard places its handles. */
const BRANCH_PADDING = 8;

const layoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP + 12),
  'elk.spacing.nodeNode': String(GAP),
  'elk.spacing.componentComponent': String(GAP * 2),
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.edgeRouting': 'ORTHOGONAL',
};

/** The step's branches in card order (its type's, then any wired branch the type no longer has). */
function branchIds(graph: JourneyGraph, id: string): string[] {
  const node = graph.nodes.find((n) => n.id === id)!;
  const def = definitionOf(registry, node);
  let ids: string[];
  try {
    ids = def ? branchesOf(def, node.config).map((b) => b.id) : [];
  } catch {
    ids = []; // a config being edited
  }
  const wired = graph.edges.filter((e) => e.source === id).map((e) => e.sourceHandle);
  return [...new Set([...ids, ...wired])];
}

const portId = (node: string, handle: string) => `${node}\u0000${handle}`;

/** The elk graph: cards with their measured sizes, an input port on top and one port per branch where its handle sits. */
function toElk(graph: JourneyGraph, sizes: Sizes): ElkNode {
  const ordered = [...graph.nodes].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  const children = ordered.map((n): ElkNode => {
    const { width, height } = sizeOf(sizes, n.id);
    const branches = branchIds(graph, n.id);
    const ports: ElkPort[] = [
      { id: portId(n.id, 'in'), x: width / 2, y: 0, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'NORTH' } },
      ...branches.map((b, i) => ({
        id: portId(n.id, b), y: height, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'SOUTH' },
        x: BRANCH_PADDING + ((width - 2 * BRANCH_PADDING) * (i + 0.5)) / branches.length,
      })),
    ];
    return { id: n.id, width, height, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } };
  });
  const edges = graph.edges.map((e) => ({ id: e.id, sources: [portId(e.source, e.sourceHandle)], targets: [portId(e.target, 'in')] }));
  return { id: 'root', layoutOptions, children, edges };
}

/**
 * The tidied graph: every step placed by the layout, the whole drawing kept where it was (its
 * top-left corner stays), so the view does not jump. Resolves to the same graph when empty.
 */
export async function tidyGraph(graph: JourneyGraph, sizes: Sizes): Promise<JourneyGraph> {
  if (graph.nodes.length === 0) return graph;
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const laid = await new ELK().layout(toElk(graph, sizes));
  const origin = {
    x: Math.min(...graph.nodes.map((n) => n.position.x)),
    y: Math.min(...graph.nodes.map((n) => n.position.y)),
  };
  const placed = laid.children ?? [];
  // Relative to the layout's own corner (elk adds padding), so tidying twice moves nothing.
  const corner = { x: Math.min(...placed.map((c) => c.x ?? 0)), y: Math.min(...placed.map((c) => c.y ?? 0)) };
  const positions = new Map<string, Position>(
    placed.map((c) => [c.id, { x: origin.x + (c.x ?? 0) - corner.x, y: origin.y + (c.y ?? 0) - corner.y }]));
  return moveNodes(graph, positions);
}

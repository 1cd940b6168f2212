// The node types the web app knows: the same registry the server validates and runs with.
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';

export const registry = createRegistry();

/** How a step is named to people: its type's label ("Send email"), not its id. */
export function stepLabel(graph: JourneyGraph, nodeId: string): string {
  const node = graph.nodes.find((n) => n.id === nodeId);
  return (node && registry.get(node.type)?.ui.label) ?? nodeId;
}

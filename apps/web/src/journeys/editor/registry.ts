// The node types the web app knows: built from the same list of plugins (afterglow.config.ts
// at the repo root) as the server's registry, so palette, validation and execution agree.
import type { JourneyGraph } from '@afterglow/journey-core';
import { localizeNode } from '@afterglow/node-sdk';
import { createRegistry } from '@afterglow/nodes';
import config from '../../../../../afterglow.config';
import { currentLocale } from '../../ui/locale';

export const registry = createRegistry(config.plugins);

/** How a step is named to people: its type's label ("Send email"), not its id. */
export function stepLabel(graph: JourneyGraph, nodeId: string): string {
  const node = graph.nodes.find((n) => n.id === nodeId);
  const def = node && registry.get(node.type);
  return def ? localizeNode(def, currentLocale()).label : nodeId;
}

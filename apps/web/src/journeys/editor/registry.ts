// The node types the web app knows: built from the same list of plugins (afterglow.config.ts
// at the repo root) as the server's registry, so palette, validation and execution agree.
import type { JourneyGraph } from '@afterglow/journey-core';
import { localizeNode } from '@afterglow/node-sdk';
import { createRegistry } from '@afterglow/nodes';
import config from '../../../../../afterglow.config';
import { currentLocale } from '../../ui/locale';

export const registry = createRegistry(config.plugins);

/** A node type's label in the user's language ("Send email"); its id when it is not installed. */
export function typeLabel(type: string, locale: string = currentLocale()): string {
  const def = registry.get(type);
  return def ? localizeNode(def, locale).label : type;
}

/** The events that start the journey, as its triggers name them: whose properties later steps read. */
export function triggerEventsOf(graph: JourneyGraph): string[] {
  const names = graph.nodes.map((n) => {
    try {
      return registry.get(n.type)?.trigger?.eventName(n.config) ?? null;
    } catch {
      return null; // a config being edited may not hold what its trigger reads yet
    }
  });
  return [...new Set(names.filter((name): name is string => !!name))];
}

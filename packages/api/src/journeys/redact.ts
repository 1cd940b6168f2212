// Secrets in step configs (a webhook's signing secret: fields whose form widget is 'secret')
// are not shown to viewers, who can read journeys but never edit them. Editors see them:
// they must be able to keep or change them when they save.
import type { JourneyGraph } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { z } from 'zod';

export const REDACTED = '••••••••';

const secretFieldsByType = new Map<string, string[]>();

function secretFields(registry: NodeRegistry, type: string): string[] {
  let fields = secretFieldsByType.get(type);
  if (!fields) {
    const def = registry.get(type);
    const schema = def ? (z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { widget?: string }> }) : {};
    fields = Object.entries(schema.properties ?? {}).filter(([, p]) => p.widget === 'secret').map(([name]) => name);
    secretFieldsByType.set(type, fields);
  }
  return fields;
}

/** The graph with every non-empty secret field replaced by a placeholder. */
export function redactSecrets(graph: JourneyGraph, registry: NodeRegistry): JourneyGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const fields = secretFields(registry, node.type);
      const config = node.config as Record<string, unknown> | undefined;
      if (fields.length === 0 || !config) return node;
      const hidden = Object.fromEntries(fields.filter((f) => config[f]).map((f) => [f, REDACTED]));
      return { ...node, config: { ...config, ...hidden } };
    }),
  };
}

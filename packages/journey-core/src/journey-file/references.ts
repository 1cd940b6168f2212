// Which config fields of a step name a workspace's email template or segment: those its node
// type's schema marks with the `email-template` or `segment` widget (read from the schema, as
// the config form reads it, so a third-party type's references travel too).
import type { NodeRegistry, NodeTypeDefinition } from '@afterglow/node-sdk';
import { z } from 'zod';
import type { JourneyGraph } from '../graph';
import { definitionOf } from '../versions';

export type ReferenceKind = 'template' | 'segment';
const WIDGETS: Record<string, ReferenceKind> = { 'email-template': 'template', segment: 'segment' };

interface SchemaNode { widget?: string; properties?: Record<string, SchemaNode> }
const cache = new WeakMap<object, [string, ReferenceKind][]>();

/** The top-level config fields of a node type that hold a reference, with what they refer to. */
export function referenceFieldsOf(def: Pick<NodeTypeDefinition, 'config'>): [string, ReferenceKind][] {
  let fields = cache.get(def.config);
  if (!fields) {
    const schema = z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
    fields = Object.entries(schema.properties ?? {}).flatMap(([key, s]): [string, ReferenceKind][] => {
      const kind = s.widget ? WIDGETS[s.widget] : undefined;
      return kind ? [[key, kind]] : [];
    });
    cache.set(def.config, fields);
  }
  return fields;
}

export interface GraphReference { nodeId: string; index: number; field: string; kind: ReferenceKind; value: string }

/** Every non-empty reference in the graph's steps. */
export function graphReferences(graph: JourneyGraph, registry: NodeRegistry): GraphReference[] {
  return graph.nodes.flatMap((node, index) => {
    const def = definitionOf(registry, node);
    if (!def) return [];
    return referenceFieldsOf(def).flatMap(([field, kind]) => {
      const value = node.config[field];
      return typeof value === 'string' && value !== '' ? [{ nodeId: node.id, index, field, kind, value }] : [];
    });
  });
}

/** The graph with every reference replaced through `map` (a reference it lacks is kept). */
export function rewireReferences(graph: JourneyGraph, registry: NodeRegistry, map: Record<ReferenceKind, Map<string, string>>): JourneyGraph {
  const refs = graphReferences(graph, registry);
  return {
    ...graph,
    nodes: graph.nodes.map((node, index) => {
      const own = refs.filter((r) => r.index === index);
      if (own.length === 0) return node;
      const config = { ...node.config };
      for (const r of own) config[r.field] = map[r.kind].get(r.value) ?? r.value;
      return { ...node, config };
    }),
  };
}

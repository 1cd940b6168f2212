// What the editor calls things, in words: a template or segment by the name the marketer gave it
// (from the same lists the pickers load), a step by its type's label and a short summary. Node
// cards read the names from context; the checklist, the publish notice and the failed-runs card
// name steps with stepName. Never an id: what cannot be named says so, and the checklist lists it.
import { definitionOf, type GraphIssue, type JourneyGraph } from '@afterglow/journey-core';
import { localizeNode, summaryOf, type SummaryNames } from '@afterglow/node-sdk';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo } from 'react';
import { formSchemaOf } from '../../forms/jsonSchema';
import { useTRPC } from '../../trpc';
import { registry, typeLabel } from './registry';

/** How long a step's summary may run after its label in a list. */
const SHORT = 48;

const NamesContext = createContext<SummaryNames>({});
export const SummaryNamesProvider = NamesContext.Provider;
export const useSummaryNames = () => useContext(NamesContext);

/**
 * Templates and segments by id, once their lists have loaded (until then, or if a list fails,
 * its look-up is absent and a card words its line without the name).
 */
export function useWorkspaceNames(): SummaryNames {
  const trpc = useTRPC();
  const templates = useQuery({ ...trpc.templates.list.queryOptions(), refetchOnWindowFocus: true });
  const segments = useQuery({ ...trpc.segments.list.queryOptions(), refetchOnWindowFocus: true });
  return useMemo(() => {
    const byId = (rows: { id: string; name: string }[] | undefined) => rows && new Map(rows.map((r) => [r.id, r.name]));
    const [t, s] = [byId(templates.data), byId(segments.data)];
    return { ...(t && { template: (id: string) => t.get(id) }), ...(s && { segment: (id: string) => s.get(id) }) };
  }, [templates.data, segments.data]);
}

/**
 * The step's own name when the marketer gave one; else "Send email · “Thank you, «first name»!”":
 * the type's label and its summary, cut short (the label alone while its settings are
 * incomplete). undefined for a step no longer in the graph.
 */
export function stepName(graph: JourneyGraph, nodeId: string, locale: string, names: SummaryNames): string | undefined {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return undefined;
  if (node.label) return node.label;
  const def = definitionOf(registry, node) ?? registry.get(node.type);
  if (!def) return typeLabel(node.type, locale);
  const label = localizeNode(def, locale).label;
  if (!def.config.safeParse(node.config).success) return label;
  // A step's summary names templates and segments, not other steps: names never recurse.
  const line = summaryOf(def, node.config, locale, { template: names.template, segment: names.segment });
  return `${label} · ${line.length > SHORT ? `${line.slice(0, SHORT - 1).trimEnd()}…` : line}`;
}

// The server's words for a deleted segment or template (its publish check), which each node type
// translates: the checklist says it before publishing, in the same words.
const GONE = {
  segment: { lookUp: 'segment', message: 'The segment no longer exists: choose another' },
  'email-template': { lookUp: 'template', message: 'The template no longer exists: choose another' },
} as const;

/**
 * Steps whose segment or template (a field with the `segment` or `email-template` widget) was
 * deleted, as problems of those fields, once the lists have loaded; publishing refuses them too.
 */
export function deletedReferences(graph: JourneyGraph, names: SummaryNames): GraphIssue[] {
  const issues: GraphIssue[] = [];
  for (const node of graph.nodes) {
    const def = definitionOf(registry, node);
    for (const [field, schema] of Object.entries(def ? formSchemaOf(def).properties ?? {} : {})) {
      const gone = schema.widget === 'segment' || schema.widget === 'email-template' ? GONE[schema.widget] : null;
      const id = node.config[field];
      const lookUp = gone && names[gone.lookUp];
      if (lookUp && typeof id === 'string' && id && lookUp(id) === undefined) {
        issues.push({ nodeId: node.id, field, code: 'check', message: gone.message });
      }
    }
  }
  return issues;
}

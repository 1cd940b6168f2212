// What the canvas needs to show loops: the connections that leave a step by the branch its type
// declares as a bounded loop (Go to's "Again"), drawn apart as a way back; and, for each step, the
// names of the steps its branches lead to, so its card can say "Back to “Send email”".
import { definitionOf, type GraphEdge, type JourneyGraph } from '@afterglow/journey-core';
import { registry, typeLabel } from './registry';

/** The connection leaves its step by the branch the step's type declares as a loop. */
export function isLoopEdge(graph: JourneyGraph, edge: Pick<GraphEdge, 'source' | 'sourceHandle'>): boolean {
  const source = graph.nodes.find((n) => n.id === edge.source);
  return source !== undefined && definitionOf(registry, source)?.loop?.branch === edge.sourceHandle;
}

/** For every step, each connected branch: the name of the step it leads to, in `locale` (one pass over the wires). */
export function branchTargets(graph: JourneyGraph, locale: string): ReadonlyMap<string, Readonly<Record<string, string>>> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const targets = new Map<string, Record<string, string>>();
  for (const e of graph.edges) {
    const target = byId.get(e.target);
    if (!target) continue;
    const of = targets.get(e.source) ?? {};
    of[e.sourceHandle] = target.label ?? typeLabel(target.type, locale);
    targets.set(e.source, of);
  }
  return targets;
}

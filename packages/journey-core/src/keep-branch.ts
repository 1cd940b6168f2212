// "Make this arm the winner": a step with several ways out (an A/B split) is taken out of the
// graph, and whatever led into it now leads to where its chosen branch went (nowhere, when that
// branch was not connected). The steps only the other branches reached are removed with their
// wires; steps the chosen branch also reaches (where arms rejoin) stay. Positions are kept.
import type { JourneyGraph } from './graph';

function reachable(graph: JourneyGraph, roots: string[]): Set<string> {
  const seen = new Set<string>(roots);
  const queue = [...roots];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const e of graph.edges) {
      if (e.source === id && !seen.has(e.target)) {
        seen.add(e.target);
        queue.push(e.target);
      }
    }
  }
  return seen;
}

/** The graph with step `nodeId` replaced by its branch `branch`; the graph is not changed. */
export function keepBranch(graph: JourneyGraph, nodeId: string, branch: string): JourneyGraph {
  const next = graph.edges.find((e) => e.source === nodeId && e.sourceHandle === branch)?.target ?? null;
  // The entry points: steps nothing leads to (the trigger, in a graph fit to publish).
  const roots = graph.nodes.filter((n) => n.id !== nodeId && !graph.edges.some((e) => e.target === n.id)).map((n) => n.id);
  const rewired: JourneyGraph = {
    nodes: graph.nodes.filter((n) => n.id !== nodeId),
    edges: graph.edges.flatMap((e) => {
      if (e.source === nodeId) return [];
      if (e.target !== nodeId) return [e];
      return next && next !== nodeId ? [{ ...e, target: next }] : [];
    }),
  };
  const kept = reachable(rewired, roots);
  return {
    nodes: rewired.nodes.filter((n) => kept.has(n.id)),
    edges: rewired.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
  };
}

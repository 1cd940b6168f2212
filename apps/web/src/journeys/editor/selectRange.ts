// Shift + click on a card: the selection grows by the clicked step and every step on the wires
// between it and the last step clicked (the anchor), in either direction, like a range in a list.
// Steps on different branches have no range between them: then only the clicked step is added.
import type { JourneyGraph } from '@afterglow/journey-core';

function reachable(graph: JourneyGraph, from: string, forward: boolean): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) {
    const [a, b] = forward ? [e.source, e.target] : [e.target, e.source];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) for (const n of next.get(queue.pop()!) ?? []) if (!seen.has(n)) { seen.add(n); queue.push(n); }
  return seen;
}

/** The steps on a path from `from` to `to` (both included), or none when `to` is not downstream of `from`. */
function between(graph: JourneyGraph, from: string, to: string): string[] {
  const after = reachable(graph, from, true);
  if (!after.has(to)) return [];
  const before = reachable(graph, to, false);
  return graph.nodes.map((n) => n.id).filter((id) => after.has(id) && before.has(id));
}

export function extendSelection(graph: JourneyGraph, selection: ReadonlySet<string>, anchor: string | null, clicked: string): Set<string> {
  const next = new Set(selection);
  const range = anchor && anchor !== clicked && graph.nodes.some((n) => n.id === anchor)
    ? (between(graph, anchor, clicked).length ? between(graph, anchor, clicked) : between(graph, clicked, anchor)) : [];
  for (const id of range.length ? range : [clicked]) next.add(id);
  return next;
}

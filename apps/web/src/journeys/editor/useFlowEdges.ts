// The React Flow wires of the draft, kept stable like the cards (useFlowNodes): a wire's object is
// reused while nothing it shows changed, so after an edit or an undo only the changed wires re-render.
import type { JourneyGraph } from '@afterglow/journey-core';
import type { Edge } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { isLoopEdge } from './loops';

export function useFlowEdges(graph: JourneyGraph, selected: ReadonlySet<string>, onRemove: ((id: string) => void) | undefined): Edge[] {
  const cache = useRef(new Map<string, Edge>());
  return useMemo(() => {
    const next = new Map<string, Edge>();
    const edges = graph.edges.map((e) => {
      const [isSelected, loop] = [selected.has(e.id), isLoopEdge(graph, e)];
      const was = cache.current.get(e.id);
      const same = was && was.source === e.source && was.sourceHandle === e.sourceHandle && was.target === e.target
        && was.selected === isSelected && was.data?.onRemove === onRemove && was.data?.loop === loop;
      const edge: Edge = same ? was : {
        id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target, targetHandle: 'in',
        selected: isSelected, data: { onRemove, loop }, deletable: false,
      };
      next.set(e.id, edge);
      return edge;
    });
    cache.current = next;
    return edges;
  }, [graph, selected, onRemove]);
}

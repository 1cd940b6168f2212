// What the keyboard, the right-click menu and the toolbar do to the selection: each is one edit,
// so one undo takes it back (a deleted step comes back with its wires, a paste goes as a whole).
import type { JourneyGraph } from '@afterglow/journey-core';
import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import { copySteps, deleteSelection, pasteSteps, readClipboard, storeClipboard } from './clipboard';
import { useMeasuredSizes } from './useMeasuredSizes';
import type { JourneyFlowNode } from './NodeCard';
import { tidyGraph } from './tidy';
import type { Proceed } from './useWaitingGuard';
import { FIT_PADDING } from './view';

export function useCanvasCommands(p: {
  graph: JourneyGraph; selection: ReadonlySet<string>;
  setSelection(next: ReadonlySet<string>): void; apply(next: JourneyGraph): void;
  /** Asks before steps with waiting customers go (useWaitingGuard); proceed deletes, with the moves chosen. */
  guardDelete(ids: readonly string[], proceed: Proceed): void;
}) {
  const flow = useReactFlow<JourneyFlowNode>();
  const sizes = useMeasuredSizes();
  const [tidying, setTidying] = useState(false);
  // Read when a command runs, so the commands object stays the same across edits.
  const latest = useRef(p);
  latest.current = p;

  return useMemo(() => {
    const paste = (clip = readClipboard()) => {
      if (!clip) return;
      const { graph, apply, setSelection } = latest.current;
      const pasted = pasteSteps(graph, clip, sizes());
      apply(pasted.graph);
      setSelection(new Set(pasted.ids));
    };
    return {
      tidying,
      copy() {
        const clip = copySteps(latest.current.graph, latest.current.selection);
        if (clip) storeClipboard(clip);
      },
      paste: () => paste(),
      duplicate() {
        const clip = copySteps(latest.current.graph, latest.current.selection);
        if (clip) paste(clip);
      },
      remove() {
        const ids = [...latest.current.selection];
        const wires = new Set(flow.getEdges().filter((e) => e.selected).map((e) => e.id));
        // Run after the waiting-customers question, if asked: on the graph as it is then.
        const run: Proceed = (moves) => {
          const { graph, apply, setSelection } = latest.current;
          const next = deleteSelection(graph, new Set(ids), wires);
          if (next === graph) return;
          apply(moves ? { ...next, waitingMoves: moves } : next);
          setSelection(new Set());
        };
        latest.current.guardDelete(ids, run);
      },
      selectAll() {
        latest.current.setSelection(new Set(latest.current.graph.nodes.map((n) => n.id)));
      },
      async tidy() {
        const before = latest.current.graph;
        setTidying(true);
        try {
          const next = await tidyGraph(before, sizes());
          // Edited while elk worked: the layout is of an old graph, so it is not applied.
          if (latest.current.graph !== before) return;
          latest.current.apply(next);
          window.setTimeout(() => void flow.fitView({ padding: FIT_PADDING, maxZoom: 1, duration: 250 }), 30);
        } finally {
          setTidying(false);
        }
      },
    };
  }, [flow, tidying, sizes]);
}

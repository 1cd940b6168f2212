// Deleting steps where customers of the published version are waiting asks first what the next
// publish does with them (WaitingMovesDialog): they finish on their version unless moved or let
// go. Runs stay pinned to the version they entered (publish.ts), so without an answer nothing
// moves them; the answer goes into the same edit as the delete, so one undo takes both back.
import type { JourneyGraph, WaitingMove } from '@afterglow/journey-core';
import { useQueryClient } from '@tanstack/react-query';
import { createElement, useCallback, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { WaitingMovesDialog, type WaitingStep } from './WaitingMovesDialog';

/** Deletes, with the moves chosen (undefined: nobody was waiting, the draft's moves stay as they are). */
export type Proceed = (moves?: WaitingMove[]) => void;
interface Asking { steps: WaitingStep[]; after: JourneyGraph; proceed: Proceed }

/**
 * guard(ids, proceed): runs proceed at once when no customer of the published version waits in
 * those steps (or nothing is published), else with the marketer's answer. `answered` remembers the
 * steps asked about, so Publish does not ask again.
 */
export function useWaitingGuard(versionId: string | null, graph: RefObject<JourneyGraph>, answered: RefObject<Set<string>>):
  { guard(ids: readonly string[], proceed: Proceed): void; dialog: ReactNode } {
  const trpc = useTRPC();
  const { t } = useTranslation('editor');
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Asking | null>(null);
  const guard = useCallback((ids: readonly string[], proceed: Proceed) => {
    if (!versionId || ids.length === 0) return proceed();
    // The same place counts as the cards' live stats; a few seconds old is fresh enough to ask.
    void queryClient.fetchQuery({ ...trpc.journeys.stats.queryOptions({ versionId }), staleTime: 3000 }).then((stats) => {
      const steps = graph.current.nodes.filter((n) => ids.includes(n.id) && (stats.nodes[n.id]?.waiting ?? 0) > 0)
        .map((n) => ({ nodeId: n.id, type: n.type, label: n.label ?? null, waiting: stats.nodes[n.id]?.waiting ?? 0 }));
      if (steps.length === 0) return proceed();
      const after = { ...graph.current, nodes: graph.current.nodes.filter((n) => !ids.includes(n.id)) };
      setAsking({ steps, after, proceed });
    }, () => proceed());
  }, [versionId, queryClient, trpc, graph]);
  const close = useCallback(() => setAsking(null), []);
  const dialog = asking && createElement(WaitingMovesDialog, {
    steps: asking.steps, graph: asking.after, confirm: t('waitingMoves.delete'), onCancel: close,
    onConfirm: (moves: WaitingMove[]) => {
      for (const s of asking.steps) answered.current.add(s.nodeId);
      close();
      asking.proceed(moves);
    },
  });
  return { guard, dialog };
}

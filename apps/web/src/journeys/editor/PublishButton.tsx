// Publish (or, with approval on, ask an approver). Before publishing it asks what happens to
// customers waiting at steps the draft removed, unless the marketer already answered for each
// (when deleting, or earlier in this session): the answer goes into the draft, and the publish
// waits until the draft that carries it is what autosave holds.
import type { JourneyGraph, WaitingMove } from '@afterglow/journey-core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../../trpc';
import { Button } from '../../ui/kit';
import type { PublishOutcome } from './PublishNotice';
import { WaitingMovesDialog, type WaitingStep } from './WaitingMovesDialog';

export function PublishButton(p: {
  journeyId: string; graph: JourneyGraph; flush(): Promise<void>;
  onWaitingMoves(moves: WaitingMove[]): void; onPublished(outcome: PublishOutcome): void;
  /** Removed steps already answered for (when deleting, or at an earlier Publish), shared with the delete guard. */
  answered: RefObject<Set<string>>;
}) {
  const trpc = useTRPC();
  const { t } = useTranslation('editor');
  const client = useTRPCClient();
  // With publish approval on, a marketer's Publish asks an approver instead.
  const approval = useQuery(trpc.approvals.settings.queryOptions());
  const mustRequest = approval.data?.mustRequest ?? false;
  const [asking, setAsking] = useState<WaitingStep[] | null>(null);
  const [after, setAfter] = useState<WaitingMove[] | null>(null);

  const publish = useMutation({
    mutationFn: async (): Promise<PublishOutcome> => {
      await p.flush();
      if (!mustRequest) return client.journeys.publish.mutate({ id: p.journeyId });
      const asked = await client.approvals.request.mutate({ journeyId: p.journeyId });
      return asked.ok ? { ok: true, requested: true } : asked;
    },
  });
  const publishNow = async () => {
    p.onPublished(await publish.mutateAsync().catch((e: Error): PublishOutcome => ({ ok: false, error: e.message })));
  };
  const start = async () => {
    const waiting = await client.journeys.waitingAtRemoved.query({ id: p.journeyId }).catch(() => []);
    const open = waiting.filter((s) => !p.answered.current.has(s.nodeId) && !p.graph.waitingMoves?.some((m) => m.from === s.nodeId));
    if (open.length > 0) setAsking(waiting);
    else await publishNow();
  };
  // The answer is in the editor's graph once it renders again; autosave's flush then sends it.
  const publishRef = useRef(publishNow);
  publishRef.current = publishNow;
  useEffect(() => {
    if (after && p.graph.waitingMoves === after) {
      setAfter(null);
      void publishRef.current();
    }
  }, [after, p.graph.waitingMoves]);

  return (
    <>
      <Button variant="primary" onClick={() => void start()} disabled={publish.isPending || after !== null} data-testid="publish">
        {t(mustRequest ? (publish.isPending ? 'toolbar.asking' : 'toolbar.requestApproval') : publish.isPending ? 'toolbar.publishing' : 'toolbar.publish')}
      </Button>
      {asking && (
        <WaitingMovesDialog steps={asking} graph={p.graph} confirm={t(mustRequest ? 'toolbar.requestApproval' : 'waitingMoves.publish')}
          onCancel={() => setAsking(null)}
          onConfirm={(moves) => {
            for (const s of asking) p.answered.current.add(s.nodeId);
            setAsking(null);
            setAfter(moves);
            p.onWaitingMoves(moves);
          }} />
      )}
    </>
  );
}

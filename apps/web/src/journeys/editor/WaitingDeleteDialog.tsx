// Deleting steps where customers of the published version are waiting asks first, and says what
// really happens to them: nothing moves them. Runs stay pinned to the version they entered
// (publish.ts, the engine's plan cache), so they finish that step and the rest of the old version
// as it was published; only customers who enter after the next publish follow the new draft.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button, Dialog } from '../../ui/kit';

interface Asking { waiting: number; steps: number; proceed(): void }

/**
 * guard(ids, proceed): runs proceed at once when no customer of the published version waits in
 * those steps (or nothing is published), else after the marketer confirms in the dialog.
 */
export function useWaitingGuard(versionId: string | null): { guard(ids: readonly string[], proceed: () => void): void; dialog: ReactNode } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Asking | null>(null);
  const guard = useCallback((ids: readonly string[], proceed: () => void) => {
    if (!versionId || ids.length === 0) return proceed();
    // The same place counts as the cards' live stats; a few seconds old is fresh enough to ask.
    void queryClient.fetchQuery({ ...trpc.journeys.stats.queryOptions({ versionId }), staleTime: 3000 })
      .then((stats) => ids.reduce((n, id) => n + (stats.nodes[id]?.waiting ?? 0), 0), () => 0)
      .then((waiting) => (waiting > 0 ? setAsking({ waiting, steps: ids.length, proceed }) : proceed()));
  }, [versionId, queryClient, trpc]);
  const close = useCallback(() => setAsking(null), []);
  const dialog = asking && <WaitingDeleteDialog {...asking} onClose={close} />;
  return { guard, dialog };
}

function WaitingDeleteDialog({ waiting, steps, proceed, onClose }: Asking & { onClose(): void }) {
  const { t } = useTranslation('editor');
  return (
    <Dialog title={t('deleteWaiting.title')} onClose={onClose}>
      <div data-testid="delete-waiting-dialog" className="space-y-3 text-sm text-slate-600">
        <p className="font-medium text-slate-900" data-testid="delete-waiting-count">{t(steps > 1 ? 'deleteWaiting.inSteps' : 'deleteWaiting.here', { count: waiting })}</p>
        <p>{t('deleteWaiting.what')}</p>
      </div>
      <div className="mt-6 flex justify-end gap-2">
        <Button onClick={onClose} data-testid="cancel-delete">{t('deleteWaiting.cancel')}</Button>
        <Button variant="danger" icon="trash" onClick={() => { onClose(); proceed(); }} data-testid="confirm-delete">{t('deleteWaiting.confirm')}</Button>
      </div>
    </Dialog>
  );
}

// "Make this arm the winner" on an A/B split's result (journeys.makeWinner): after a confirmation
// that says what happens to whom, the live version is republished with the split replaced by the
// arm. Customers already past the split stay on the version they entered and walk their arm to
// the end; only those who enter from now on take the winning path. Marketers only (the caller
// checks the permission before rendering this).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button, Dialog } from '../../ui/kit';

export function WinnerAction({ journeyId, nodeId, armId, armName }: {
  journeyId: string; nodeId: string; armId: string; armName: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('journey-report');
  const [open, setOpen] = useState(false);
  const winner = useMutation(trpc.journeys.makeWinner.mutationOptions({
    onSuccess: async (result) => {
      if (!result.ok) return;
      setOpen(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.journeys.report.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.journeys.get.queryKey({ id: journeyId }) }),
      ]);
    },
  }));
  const refused = winner.data && !winner.data.ok ? winner.data.issues.length : 0;
  const close = () => { setOpen(false); winner.reset(); };
  return (
    <>
      <Button variant="ghost" className="!px-2 !py-0.5 text-xs" data-testid={`make-winner-${armId}`} onClick={() => setOpen(true)}>
        {t('winner.action')}
      </Button>
      {open && (
        <Dialog title={t('winner.title', { arm: armName })} onClose={close}>
          <div className="space-y-3 text-sm text-slate-700" data-testid="winner-dialog">
            <p>{t('winner.effect', { arm: armName })}</p>
            <p>{t('winner.waiting')}</p>
            <p className="text-slate-500">{t('winner.draft')}</p>
          </div>
          {winner.error && <p role="alert" className="mt-3 text-sm text-rose-600">{winner.error.message}</p>}
          {refused > 0 && <p role="alert" className="mt-3 text-sm text-rose-600">{t('winner.refused', { count: refused })}</p>}
          <div className="mt-5 flex justify-end gap-2">
            <Button onClick={close}>{t('winner.cancel')}</Button>
            <Button variant="primary" disabled={winner.isPending} data-testid="confirm-winner"
              onClick={() => winner.mutate({ journeyId, nodeId, armId })}>
              {t('winner.confirm')}
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}

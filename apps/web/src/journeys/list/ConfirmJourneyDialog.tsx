// Before archiving or deleting: how many customers are in the journey now (and ever), and what
// happens to them. Archived, no one new enters and those inside walk on to the end. Only a
// journey no customer ever entered may be deleted (their runs, emails and conversions stay in
// the reports); for any other the dialog says so and offers archiving instead.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button, Dialog, Spinner } from '../../ui/kit';
import type { JourneyRow } from './JourneyTable';

export function ConfirmJourneyDialog({ kind, journey, onClose, onDone, onArchiveInstead }: {
  kind: 'archive' | 'delete'; journey: JourneyRow; onClose(): void; onDone(): void; onArchiveInstead(): void;
}) {
  const trpc = useTRPC();
  const { t } = useTranslation('journey-list');
  const counts = useQuery({ ...trpc.journeys.runCounts.queryOptions({ id: journey.id }), staleTime: 0 });
  const finish = { onSuccess: () => { onDone(); onClose(); } };
  const archive = useMutation(trpc.journeys.setArchived.mutationOptions(finish));
  const remove = useMutation(trpc.journeys.delete.mutationOptions(finish));
  const title = t(kind === 'archive' ? 'confirm.archiveTitle' : 'confirm.deleteTitle', { name: journey.name });
  const error = archive.error ?? remove.error;
  const c = counts.data;
  return (
    <Dialog title={title} onClose={onClose}>
      {counts.isPending && <Spinner />}
      {c && (
        <div className="space-y-3 text-sm text-slate-700" data-testid="confirm-journey">
          <p>{t('confirm.inside', { active: c.active, total: c.total })}</p>
          {kind === 'archive' && <p>{t('confirm.archiveEffect', { active: c.active })}</p>}
          {kind === 'delete' && <p>{t(c.deletable ? 'confirm.deleteEffect' : 'confirm.cannotDelete', { active: c.active })}</p>}
        </div>
      )}
      {error && <p role="alert" className="mt-3 text-sm text-rose-600">{error.message}</p>}
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onClose}>{t('confirm.cancel')}</Button>
        {kind === 'archive' && (
          <Button variant="primary" disabled={!c || archive.isPending} onClick={() => archive.mutate({ id: journey.id, archived: true })}>
            {t('confirm.archive')}
          </Button>
        )}
        {kind === 'delete' && c && !c.deletable && journey.status !== 'archived' && (
          <Button variant="primary" onClick={onArchiveInstead}>{t('confirm.archiveInstead')}</Button>
        )}
        {kind === 'delete' && c?.deletable && (
          <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: journey.id })} data-testid="confirm-delete">
            {t('confirm.delete')}
          </Button>
        )}
      </div>
    </Dialog>
  );
}

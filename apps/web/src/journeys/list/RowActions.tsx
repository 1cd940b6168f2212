// A row's actions: duplicate (a new draft "Copy of …", opened at once), archive or bring back,
// and delete. Archiving and deleting first say how many customers are inside and what happens
// to them (ConfirmJourneyDialog). Shown only to those the permission table lets act.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { useRouter } from '../../app/router';
import { useTRPC } from '../../trpc';
import { Button } from '../../ui/kit';
import { ConfirmJourneyDialog } from './ConfirmJourneyDialog';
import type { JourneyRow } from './JourneyTable';

export function RowActions({ journey }: { journey: JourneyRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const { t } = useTranslation('journey-list');
  const can = useCan();
  const [confirm, setConfirm] = useState<'archive' | 'delete' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
  const duplicate = useMutation(trpc.journeys.duplicate.mutationOptions({
    onSuccess: ({ id }) => { void refresh(); navigate(`/journeys/${id}`); },
  }));
  const unarchive = useMutation(trpc.journeys.setArchived.mutationOptions({ onSuccess: () => void refresh() }));
  const archived = journey.status === 'archived';
  const named = { name: journey.name };
  const [mayDuplicate, mayArchive, mayDelete] = [can('journeys.duplicate'), can('journeys.setArchived'), can('journeys.delete')];
  return (
    <div className="flex justify-end gap-0.5">
      {mayDuplicate && (
        <Button variant="ghost" icon="copy" aria-label={t('action.duplicate', named)} title={t('action.duplicateHint')}
          disabled={duplicate.isPending} onClick={() => duplicate.mutate({ id: journey.id })} data-testid="duplicate-journey" />
      )}
      {mayArchive && (archived ? (
        <Button variant="ghost" icon="undo" aria-label={t('action.unarchive', named)} title={t('action.unarchiveHint')}
          disabled={unarchive.isPending} onClick={() => unarchive.mutate({ id: journey.id, archived: false })} data-testid="unarchive-journey" />
      ) : (
        <Button variant="ghost" icon="outbox" aria-label={t('action.archive', named)} title={t('action.archiveHint')}
          onClick={() => setConfirm('archive')} data-testid="archive-journey" />
      ))}
      {mayDelete && (
        <Button variant="ghost" icon="trash" aria-label={t('action.delete', named)} title={t('action.deleteHint')}
          className="hover:!text-rose-600" onClick={() => setConfirm('delete')} data-testid="delete-journey" />
      )}
      {/* Out of the table: a dialog inside a row is clipped with it and re-laid out with every refetch. */}
      {confirm && createPortal(<ConfirmJourneyDialog kind={confirm} journey={journey} onClose={() => setConfirm(null)} onDone={() => void refresh()}
        onArchiveInstead={() => setConfirm('archive')} />, document.body)}
    </div>
  );
}

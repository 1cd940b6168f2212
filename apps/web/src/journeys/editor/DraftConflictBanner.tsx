// The draft changed elsewhere since the editor opened it (another tab, a restored version, an A/B
// winner made from the report): the server refuses this editor's saves (journeys.saveDraft answers
// CONFLICT), so its edits cannot land over the newer draft. Reloading opens the newer draft; the
// edits made here since are lost, which the banner says before the marketer chooses.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button } from '../../ui/kit';
import { Icon } from '../../ui/icons';

/** Whether a failed save was refused because the stored draft is newer than the editor's. */
export const isDraftConflict = (error: unknown) => (error as { data?: { code?: string } } | null)?.data?.code === 'CONFLICT';

export function DraftConflictBanner({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation('editor');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The editor page opens again on the stored journey (as after restoring a version).
  const reload = () => void queryClient.resetQueries({ queryKey: trpc.journeys.get.queryKey({ id: journeyId }) });
  return (
    <div role="alert" data-testid="draft-conflict" className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-5 py-2.5 text-sm text-amber-900">
      <Icon name="alert" />
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{t('conflict.title')}</p>
        <p className="text-xs">{t('conflict.body')}</p>
      </div>
      <Button variant="primary" onClick={reload} data-testid="draft-conflict-reload">{t('conflict.reload')}</Button>
    </div>
  );
}

// In live stats: steps where runs failed, with a way to send them back to work.
import type { JourneyStats } from '@afterglow/journey-core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Icon } from '../../ui/icons';
import { Button } from '../../ui/kit';

export function FailedRunsCard({ stats, versionId, stepName, onSelect }: {
  stats: JourneyStats; versionId: string; stepName(nodeId: string): string; onSelect(nodeId: string): void;
}) {
  const trpc = useTRPC();
  const { t } = useTranslation('editor');
  const retry = useMutation(trpc.journeys.retryFailed.mutationOptions());
  const failed = Object.entries(stats.nodes).filter(([, n]) => n.failed > 0);
  if (failed.length === 0) return null;
  return (
    <section className="border-t border-slate-200 p-5" data-testid="failed-runs">
      <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
        <Icon name="alert" className="h-4 w-4 text-rose-500" /> {t('failed.title')}
      </h2>
      <p className="mt-1 text-xs text-slate-500">{t('failed.hint')}</p>
      <ul className="mt-3 space-y-2">
        {failed.map(([nodeId, n]) => (
          <li key={nodeId} className="flex items-center justify-between gap-2 rounded-lg bg-rose-50 p-2 ring-1 ring-rose-200">
            <button type="button" className="truncate text-xs text-rose-700" title={stepName(nodeId)} onClick={() => onSelect(nodeId)}>
              {stepName(nodeId)} · {t('failed.count', { count: n.failed })}
            </button>
            <Button disabled={retry.isPending} onClick={() => retry.mutate({ versionId, nodeId })} data-testid={`retry-${nodeId}`}>{t('failed.retry')}</Button>
          </li>
        ))}
      </ul>
      {retry.data && <p className="mt-2 text-xs text-emerald-600">{t('failed.retried', { count: retry.data.retried })}</p>}
    </section>
  );
}

// A simulation still queued or running: its progress (polled by the panel) and a Cancel button.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button, ErrorNote } from '../../ui/kit';
import type { Simulation } from './types';

export function SimulationProgress({ simulation, mayChange }: { simulation: Simulation; mayChange: boolean }) {
  const { t } = useTranslation('simulation');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(trpc.simulations.cancel.mutationOptions({
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.simulations.pathKey() }),
  }));
  const queued = simulation.status === 'queued';
  return (
    <div className="space-y-3 p-5" data-testid="simulation-progress">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-800">{queued ? t('progress.queued') : t('progress.running')}</span>
        <span className="tabular-nums text-slate-500">{t('progress.percent', { percent: simulation.progress })}</span>
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={simulation.progress} aria-label={t('progress.label')}>
        <div className="h-full rounded-full bg-violet-600 transition-all" style={{ width: `${simulation.progress}%` }} />
      </div>
      <p className="text-xs text-slate-500">{t('progress.hint')}</p>
      {cancel.isError && <ErrorNote error={cancel.error} />}
      {mayChange && (
        <Button variant="danger" icon="x" onClick={() => cancel.mutate({ simulationId: simulation.id })} disabled={cancel.isPending} data-testid="simulation-cancel">
          {t('progress.cancel')}
        </Button>
      )}
    </div>
  );
}

// One simulation as it stands, polled while it runs: progress and Cancel, then its results (with
// "show on the canvas"), or why it failed. A draft's simulation says when the draft has changed since.
import type { JourneyStats } from '@afterglow/journey-core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button, ErrorNote, formatDate, Spinner } from '../../ui/kit';
import { simulatedStats } from './canvasStats';
import { SimulationProgress } from './SimulationProgress';
import { SimulationResults } from './SimulationResults';
import { isRunning } from './types';

export function SimulationView({ simulationId, mayChange, onCanvas }: {
  simulationId: string; mayChange: boolean; onCanvas(stats: JourneyStats): void;
}) {
  const { t } = useTranslation('simulation');
  const trpc = useTRPC();
  const sim = useQuery({ ...trpc.simulations.get.queryOptions({ simulationId }), refetchInterval: (q) => (q.state.data && !isRunning(q.state.data) ? false : 1000) });
  if (sim.isPending) return <Spinner />;
  if (sim.isError) return <div className="p-5"><ErrorNote error={sim.error} /></div>;
  const s = sim.data;
  return (
    <div data-testid="simulation-view" data-status={s.status}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-100 px-5 py-3 text-xs text-slate-500">
        <span>{t('view.period', { from: formatDate(s.spec.from), to: formatDate(s.spec.to) })}</span>
        <span>{s.versionId ? t('past.version') : t('past.draft')}</span>
        {s.status === 'done' && s.result && (
          <Button icon="chart" className="ml-auto" onClick={() => onCanvas(simulatedStats(s.id, s.result!))} data-testid="simulation-show-canvas">{t('view.showOnCanvas')}</Button>
        )}
      </div>
      {s.stale && <p className="mx-5 mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-800 ring-1 ring-amber-200" role="status" data-testid="simulation-stale">{t('view.stale')}</p>}
      {isRunning(s) && <SimulationProgress simulation={s} mayChange={mayChange} />}
      {s.status === 'failed' && <p className="m-5 rounded-lg bg-rose-50 p-3 text-sm text-rose-700 ring-1 ring-rose-200" role="alert">{t('view.failed', { error: s.error ?? '—' })}</p>}
      {s.status === 'cancelled' && <p className="m-5 text-sm text-slate-500" data-testid="simulation-cancelled">{t('view.cancelled')}</p>}
      {s.status === 'done' && s.result && <SimulationResults result={s.result} />}
    </div>
  );
}

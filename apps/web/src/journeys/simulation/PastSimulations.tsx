// The journey's latest simulations (newest first): when, what period and whom, how it ended, and
// whether the draft has changed since; a row opens that simulation.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Badge, ErrorNote, formatDate, Spinner } from '../../ui/kit';
import { CompareSimulations } from './CompareSimulations';
import { isRunning, type SimulationSummary } from './types';

export function PastSimulations({ journeyId, current, onOpen }: { journeyId: string; current: string | null; onOpen(id: string): void }) {
  const { t } = useTranslation('simulation');
  const trpc = useTRPC();
  // Two finished simulations ticked are compared above the list (the latest tick replaces the oldest).
  const [compared, setCompared] = useState<string[]>([]);
  const tick = (id: string) => setCompared((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(-2)));
  const list = useQuery({ ...trpc.simulations.list.queryOptions({ journeyId }),
    refetchInterval: (q) => (q.state.data?.some(isRunning) ? 2000 : false) });
  if (list.isPending) return <Spinner />;
  if (list.isError) return <ErrorNote error={list.error} />;
  if (list.data.length === 0) return <p className="p-6 text-center text-sm text-slate-400" data-testid="simulation-none">{t('empty.past')}</p>;
  return (
    <>
      {compared.length === 2 ? <CompareSimulations ids={[compared[0], compared[1]]} /> : <p className="px-5 pt-4 text-xs text-slate-500">{t('compare.hint')}</p>}
      <ul className="divide-y divide-slate-100" data-testid="simulation-past">
        {list.data.map((s) => (
          <li key={s.id} className={`flex items-center gap-1 pl-5 ${s.id === current ? 'bg-violet-50/60' : ''}`}>
            <input type="checkbox" checked={compared.includes(s.id)} onChange={() => tick(s.id)} disabled={s.status !== 'done'}
              aria-label={t('compare.pick')} data-testid="simulation-compare-pick" />
            <button type="button" onClick={() => onOpen(s.id)} aria-current={s.id === current}
              className="flex min-w-0 flex-1 items-center gap-3 py-3 pl-2 pr-5 text-left hover:bg-slate-50">
              <div className="min-w-0 flex-1">
                <div className="text-sm font-medium text-slate-900">{t('past.period', { from: formatDate(s.spec.from, false), to: formatDate(s.spec.to, false) })}</div>
                <div className="text-xs text-slate-500">{t('past.meta', { date: formatDate(s.createdAt), who: whoWords(t, s) })}</div>
              </div>
              {s.stale && <Badge tone="paused">{t('past.stale')}</Badge>}
              <Badge tone={s.status === 'failed' ? 'error' : s.status === 'done' ? 'live' : 'draft'}>{t(`state.${s.status}`)}</Badge>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function whoWords(t: TFunction<'simulation'>, s: SimulationSummary): string {
  const p = s.spec.population;
  const what = s.versionId ? t('past.version') : t('past.draft');
  const who = p.kind === 'sample' ? t('past.sample', { count: p.size }) : t(`past.${p.kind}`);
  return `${what} · ${who}`;
}

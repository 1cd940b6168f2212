// The Simulate panel over the editor: a new simulation (what, when, who), the one open (progress,
// results), following one customer through it, and the journey's past simulations.
import type { JourneyGraph, JourneyStats } from '@afterglow/journey-core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { useTRPC } from '../../trpc';
import { Button, ErrorNote, Spinner } from '../../ui/kit';
import { Icon } from '../../ui/icons';
import { FollowCustomer } from './FollowCustomer';
import { PastSimulations } from './PastSimulations';
import { SimulationForm } from './SimulationForm';
import { SimulationView } from './SimulationView';

type Tab = 'simulation' | 'follow' | 'past';
const TABS: readonly Tab[] = ['simulation', 'follow', 'past'];

export function SimulationPanel({ journeyId, versions, graph, flush, onCanvas, onClose }: {
  journeyId: string; versions: readonly { id: string; version: number }[]; graph: JourneyGraph;
  flush(): Promise<void>; onCanvas(stats: JourneyStats): void; onClose(): void;
}) {
  const { t } = useTranslation('simulation');
  const trpc = useTRPC();
  const mayChange = useCan()('simulations.start');
  const list = useQuery(trpc.simulations.list.queryOptions({ journeyId }));
  const [tab, setTab] = useState<Tab>('simulation');
  // null: the latest simulation (a new one when there is none); 'new': the form.
  const [chosen, setChosen] = useState<string | null>(null);
  const latest = list.data?.[0]?.id ?? null;
  const open = chosen === 'new' ? null : chosen ?? latest;
  const openSummary = list.data?.find((s) => s.id === open) ?? null;
  const showForm = mayChange && (chosen === 'new' || (list.isSuccess && !latest));
  return (
    <div className="fixed inset-y-0 right-0 z-40 flex w-full max-w-2xl flex-col whitespace-normal bg-white shadow-2xl ring-1 ring-slate-200" role="dialog" aria-label={t('title')} data-testid="simulation-panel">
      <div className="flex items-start gap-3 border-b border-slate-200 p-5">
        <div className="min-w-0 flex-1">
          <h2 className="text-base font-semibold text-slate-900">{t('title')}</h2>
          <p className="text-xs text-slate-500">{t('subtitle')}</p>
        </div>
        {mayChange && !showForm && tab === 'simulation' && <Button icon="plus" onClick={() => setChosen('new')} data-testid="simulation-new">{t('new')}</Button>}
        <button type="button" onClick={onClose} aria-label={t('close')} className="rounded-lg p-1.5 text-slate-500 hover:bg-slate-100"><Icon name="x" /></button>
      </div>
      <div className="flex gap-1 border-b border-slate-200 bg-slate-50 px-5 pt-2 text-sm" role="tablist">
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`simulation-tab-${k}`}
            className={`rounded-t-md px-3 py-2 font-medium ${tab === k ? 'bg-white text-slate-900 ring-1 ring-slate-200' : 'text-slate-500 hover:text-slate-800'}`}>{t(`tab.${k}`)}</button>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {list.isPending && <Spinner />}
        {list.isError && <ErrorNote error={list.error} />}
        {tab === 'simulation' && (showForm
          ? <SimulationForm journeyId={journeyId} versions={versions} flush={flush} onStarted={(id) => { setChosen(id); void list.refetch(); }} />
          : open ? <SimulationView key={open} simulationId={open} mayChange={mayChange} onCanvas={onCanvas} />
          : list.isSuccess && <p className="p-6 text-center text-sm text-slate-400">{t('empty.past')}</p>)}
        {tab === 'follow' && (openSummary
          ? <FollowCustomer key={openSummary.id} simulation={openSummary} graph={graph} />
          : <p className="p-6 text-center text-sm text-slate-400" data-testid="simulation-follow-empty">{t('empty.follow')}</p>)}
        {tab === 'past' && <PastSimulations journeyId={journeyId} current={open} onOpen={(id) => { setChosen(id); setTab('simulation'); }} />}
      </div>
    </div>
  );
}

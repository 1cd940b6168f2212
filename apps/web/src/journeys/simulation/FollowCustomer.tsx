// "Follow one customer": replays one customer's history of the simulation's period through what
// it simulated (the draft or its version) and reads their path step by step.
import type { JourneyGraph } from '@afterglow/journey-core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button, ErrorNote, Spinner } from '../../ui/kit';
import { CustomerPicker } from './CustomerPicker';
import { TraceLine } from './TraceLine';
import { sourceOf, type SimulationSummary } from './types';

export function FollowCustomer({ simulation, graph }: { simulation: SimulationSummary; graph: JourneyGraph }) {
  const { t } = useTranslation('simulation');
  const trpc = useTRPC();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const follow = useQuery({
    ...trpc.simulations.followCustomer.queryOptions({
      journeyId: simulation.journeyId, source: sourceOf(simulation),
      period: { from: simulation.spec.from, to: simulation.spec.to }, customerId: customerId ?? '',
    }),
    enabled: !!customerId, staleTime: Infinity,
  });
  return (
    <div className="space-y-4 p-5" data-testid="simulation-follow">
      <p className="text-sm text-slate-600">{t('follow.intro')}</p>
      {customerId ? (
        <div className="flex items-center gap-2 text-sm">
          <span className="text-slate-500">{t('follow.following')}</span>
          <span className="font-mono font-medium text-slate-900" data-testid="simulation-followed">{customerId}</span>
          <Button variant="ghost" className="ml-auto" onClick={() => setCustomerId(null)}>{t('follow.another')}</Button>
        </div>
      ) : <CustomerPicker onPick={setCustomerId} />}
      {customerId && follow.isPending && <Spinner label={t('follow.replaying')} />}
      {follow.isError && <ErrorNote error={follow.error} />}
      {follow.isSuccess && follow.data.trace.length === 0 && <p className="text-sm text-slate-400" data-testid="simulation-trace-empty">{t('empty.trace')}</p>}
      {follow.isSuccess && follow.data.trace.length > 0 && (
        <ol className="ml-3 space-y-3 border-l-2 border-violet-100 pl-5" data-testid="simulation-trace">
          {follow.data.trace.map((entry, i) => <TraceLine key={i} entry={entry} graph={graph} />)}
        </ol>
      )}
    </div>
  );
}

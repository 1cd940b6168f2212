// One run, step by step: when each step happened, which way it went and what decided it (the
// step's rule, from the version the run walked, and the facts the engine recorded), with the
// email it sent (linked to the Outbox when the development mailbox has it), coupon and points.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import type { Api, inferOutput } from '../../trpc';
import { useTRPC } from '../../trpc';
import { Icon } from '../../ui/icons';
import { Badge, ErrorNote, formatDate, Spinner } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { stepName, useWorkspaceNames } from '../editor/stepNames';
import { statusTone } from './names';
import { TimelineStep } from './TimelineStep';

export type Timeline = inferOutput<Api['journeys']['runTimeline']>;

export function RunTimelineDialog({ runId, onClose }: { runId: string; onClose(): void }) {
  const { t } = useTranslation('runs');
  const trpc = useTRPC();
  const timeline = useQuery(trpc.journeys.runTimeline.queryOptions({ runId }));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/30 p-4 backdrop-blur-sm" onMouseDown={onClose}>
      <div role="dialog" aria-label={t('timeline.title')} onMouseDown={(e) => e.stopPropagation()} data-testid="run-timeline"
        className="flex max-h-full w-full max-w-2xl flex-col rounded-2xl bg-white shadow-xl ring-1 ring-slate-200">
        <div className="flex items-center justify-between border-b border-slate-200 px-6 py-4">
          <h2 className="text-lg font-semibold text-slate-900">{t('timeline.title')}</h2>
          <button type="button" onClick={onClose} aria-label={t('close')} className="rounded-lg p-1.5 text-slate-500 hover:bg-slate-100"><Icon name="x" /></button>
        </div>
        <div className="min-h-0 overflow-y-auto px-6 py-4">
          {timeline.isPending && <Spinner />}
          {timeline.isError && <ErrorNote error={timeline.error} />}
          {timeline.data && <TimelineBody data={timeline.data} />}
        </div>
      </div>
    </div>
  );
}

function TimelineBody({ data }: { data: Timeline }) {
  const { t } = useTranslation('runs');
  const locale = useLocale();
  const names = useWorkspaceNames();
  const { run } = data;
  const ended = run.status === 'completed' || run.status === 'exited';
  return (
    <>
      <div className="mb-4 flex flex-wrap items-start gap-x-6 gap-y-2 text-sm">
        <div className="min-w-0 flex-1">
          <Link to={`/customers/${encodeURIComponent(run.customerId)}`} className="font-semibold text-slate-900 hover:text-violet-700">{run.name ?? run.email ?? run.customerId}</Link>
          <div className="text-xs text-slate-500">{run.email ?? t('noEmail')} · <span className="font-mono">{run.customerId}</span></div>
        </div>
        <div className="text-right">
          <div className="font-medium text-slate-800">{t('timeline.journey', { name: run.journeyName, version: run.version })}</div>
          <Badge tone={statusTone(run.status)}>{t(`status.${run.status}`, { defaultValue: run.status })}</Badge>
        </div>
      </div>
      <dl className="mb-4 grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-3 text-xs">
        <div><dt className="text-slate-500">{t('timeline.entered')}</dt><dd className="text-slate-800">{formatDate(run.enteredAt)}</dd></div>
        <div><dt className="text-slate-500">{t(ended ? 'timeline.ended' : 'timeline.due')}</dt><dd className="text-slate-800">{formatDate(ended ? run.updatedAt : run.dueAt)}</dd></div>
        {run.trigger?.name && <div><dt className="text-slate-500">{t('timeline.trigger')}</dt><dd className="text-slate-800">{run.trigger.name}</dd></div>}
        {(run.exitReason ?? run.lastError) && <div><dt className="text-slate-500">{t(run.lastError ? 'timeline.error' : 'timeline.exitReason')}</dt><dd className="break-words text-slate-800">{run.lastError ?? run.exitReason}</dd></div>}
      </dl>
      <ol className="relative space-y-3 border-l border-slate-200 pl-5" data-testid="timeline-steps">
        {data.steps.map((s) => (
          <TimelineStep key={s.stepNo} step={s} graph={run.graph} name={stepName(run.graph, s.nodeId, locale, names) ?? s.nodeId} data={data} />
        ))}
      </ol>
    </>
  );
}

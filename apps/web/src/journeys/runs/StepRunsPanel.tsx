// "Who is here": a side panel over the editor listing the customers at a step now, or those who
// went on from it, searched and filtered, a page at a time; a row opens the run's timeline.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { DownloadCsvLink } from '../../ui/csv/DownloadCsvLink';
import { Icon } from '../../ui/icons';
import { Badge, Button, ErrorNote, formatDate, inputClass, Spinner } from '../../ui/kit';
import { useDebounced } from '../../ui/useDebounced';
import { RUN_STATUSES, statusTone } from './names';
import { RunTimelineDialog } from './RunTimelineDialog';

type Mode = 'waiting' | 'passed';
type Status = (typeof RUN_STATUSES)[number];
/** A step holds runs that are due, waiting or failed there; any status may have gone on from it. */
const STATUSES: Record<Mode, readonly Status[]> = { waiting: ['active', 'waiting', 'failed'], passed: RUN_STATUSES };
const MODES: readonly Mode[] = ['waiting', 'passed'];

export function StepRunsPanel({ journeyId, nodeId, stepName, onClose }: { journeyId: string; nodeId: string; stepName: string; onClose(): void }) {
  const { t } = useTranslation('runs');
  const [mode, setMode] = useState<Mode>('waiting');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [openRun, setOpenRun] = useState<string | null>(null);
  const query = useDebounced(search.trim(), 250);
  const trpc = useTRPC();
  const list = useInfiniteQuery(trpc.journeys.stepCustomers.infiniteQueryOptions(
    { journeyId, nodeId, mode, search: query || undefined, status: status || undefined, limit: 50 },
    { initialCursor: undefined, getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const pick = (m: Mode) => { setMode(m); setStatus(''); };
  return (
    <div className="fixed inset-y-0 right-0 z-40 flex w-full max-w-xl flex-col bg-white shadow-2xl ring-1 ring-slate-200" role="dialog" aria-label={t('panel.title', { step: stepName })} data-testid="step-runs">
      <div className="flex items-start gap-3 border-b border-slate-200 p-5">
        <div className="min-w-0 flex-1">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('panel.heading')}</h2>
          <p className="truncate text-base font-semibold text-slate-900" title={stepName}>{stepName}</p>
        </div>
        <button type="button" onClick={onClose} aria-label={t('close')} className="rounded-lg p-1.5 text-slate-500 hover:bg-slate-100"><Icon name="x" /></button>
      </div>
      <div className="space-y-3 border-b border-slate-200 p-4">
        <div className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm" role="tablist">
          {MODES.map((m) => (
            <button key={m} type="button" role="tab" aria-selected={mode === m} onClick={() => pick(m)}
              className={`flex-1 rounded-md px-3 py-1.5 font-medium ${mode === m ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-500'}`}>{t(`mode.${m}`)}</button>
          ))}
        </div>
        <div className="flex gap-2">
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('search')} aria-label={t('search')} className={inputClass} data-testid="step-runs-search" />
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')} aria-label={t('status.label')} className={`${inputClass} w-40`}>
            <option value="">{t('status.any')}</option>
            {STATUSES[mode].map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        {/* Every row of the list as filtered (the pages below load 50 at a time). */}
        <div className="flex justify-end">
          <DownloadCsvLink list="step-customers" filters={{ journeyId, nodeId, mode, search: query || undefined, status: status || undefined }} />
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {list.isPending && <Spinner />}
        {list.isError && <div className="p-4"><ErrorNote error={list.error} /></div>}
        {list.isSuccess && rows.length === 0 && <p className="p-6 text-center text-sm text-slate-400">{t(query || status ? 'empty.filtered' : `empty.${mode}`)}</p>}
        <ul className="divide-y divide-slate-100" data-testid="step-runs-list">
          {rows.map((r) => (
            <li key={`${r.runId}${r.passedAt ?? ''}`}>
              <button type="button" onClick={() => setOpenRun(r.runId)} className="flex w-full items-center gap-3 px-5 py-3 text-left hover:bg-slate-50">
                <div className="min-w-0 flex-1">
                  <div className="truncate text-sm font-medium text-slate-900">{r.name ?? r.email ?? r.customerId}</div>
                  <div className="truncate text-xs text-slate-500">{r.email ?? t('noEmail')} · <span className="font-mono">{r.customerId}</span></div>
                </div>
                <div className="shrink-0 text-right text-xs text-slate-500">
                  <Badge tone={statusTone(r.status)}>{t(`status.${r.status}`, { defaultValue: r.status })}</Badge>
                  <div className="mt-1">{t(mode === 'waiting' ? 'row.since' : 'row.passed', { date: formatDate(r.since) })}</div>
                  {mode === 'waiting' && r.dueAt && <div>{t('row.due', { date: formatDate(r.dueAt) })}</div>}
                </div>
              </button>
            </li>
          ))}
        </ul>
        {list.hasNextPage && (
          <div className="p-4 text-center">
            <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>{t('more')}</Button>
          </div>
        )}
      </div>
      {openRun && <RunTimelineDialog runId={openRun} onClose={() => setOpenRun(null)} />}
    </div>
  );
}

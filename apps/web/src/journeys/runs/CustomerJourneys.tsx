// The customer page's "Journeys": every journey the customer walked, newest entry first, a page
// at a time: version, status, where they are or ended, each opening the run's timeline.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { useTRPC } from '../../trpc';
import { Badge, Button, ErrorNote, formatDate, Spinner } from '../../ui/kit';
import { typeLabel } from '../editor/registry';
import { useLocale } from '../../ui/locale';
import { statusTone } from './names';
import { RunTimelineDialog } from './RunTimelineDialog';

export function CustomerJourneys({ customerId }: { customerId: string }) {
  const { t } = useTranslation('runs');
  const locale = useLocale();
  const trpc = useTRPC();
  const [openRun, setOpenRun] = useState<string | null>(null);
  const list = useInfiniteQuery(trpc.journeys.customerRuns.infiniteQueryOptions(
    { customerId, limit: 25 }, { initialCursor: undefined, getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  if (list.isPending) return <Spinner />;
  if (list.isError) return <ErrorNote error={list.error} />;
  if (rows.length === 0) return <p className="text-sm text-slate-400">{t('customer.none')}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="customer-runs">
        {rows.map((r) => (
          <li key={r.runId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
            <Link to={`/journeys/${r.journeyId}`} className="font-medium text-slate-800 hover:text-violet-700">{r.journeyName ?? r.journeyId}</Link>
            {r.version !== null && <span className="text-xs text-slate-400">{t('customer.version', { version: r.version })}</span>}
            <Badge tone={statusTone(r.status)}>{t(`status.${r.status}`, { defaultValue: r.status })}</Badge>
            <span className="text-xs text-slate-500">
              {t(r.endedAt ? 'customer.endedAt' : 'customer.at', { step: r.nodeType ? typeLabel(r.nodeType, locale) : r.nodeId })}
            </span>
            <button type="button" onClick={() => setOpenRun(r.runId)} className="ml-auto text-xs font-medium text-violet-700 hover:underline">{t('customer.timeline')}</button>
            <span className="w-full text-xs text-slate-400">
              {t('customer.entered', { date: formatDate(r.enteredAt) })}
              {r.endedAt && ` · ${t('customer.ended', { date: formatDate(r.endedAt) })}`}
              {!r.endedAt && r.dueAt && ` · ${t('customer.due', { date: formatDate(r.dueAt) })}`}
            </span>
          </li>
        ))}
      </ul>
      {list.hasNextPage && <div className="mt-3 text-center"><Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>{t('more')}</Button></div>}
      {openRun && <RunTimelineDialog runId={openRun} onClose={() => setOpenRun(null)} />}
    </>
  );
}

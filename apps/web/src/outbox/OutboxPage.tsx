// What the development SMTP sink received: newest first, refreshing on its own, with the
// rendered HTML in a fully sandboxed iframe (no scripts, no same-origin access).
import { formatNumber } from '@afterglow/i18n';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Card, EmptyState, ErrorNote, PageHeader, relativeTime, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { ListControls, Pager, usePaging } from '../ui/Pager';
import { OutboxMessage } from './OutboxMessage';

const PAGE = 50;

export function OutboxPage({ selectedId }: { selectedId: string | null }) {
  const trpc = useTRPC();
  const paging = usePaging<'newest' | 'oldest'>('newest', PAGE);
  const list = useQuery({ ...trpc.outbox.page.queryOptions(paging.input), refetchInterval: 3000, placeholderData: keepPreviousData });
  const rows = list.data?.items ?? [];
  const queue = useQuery({ ...trpc.outbox.queue.queryOptions(), refetchInterval: 3000 });
  const { t } = useTranslation('outbox');
  const locale = useLocale();
  const current = selectedId ?? rows[0]?.id ?? null;
  const sorts = [{ value: 'newest' as const, label: t('sort.newest') }, { value: 'oldest' as const, label: t('sort.oldest') }];
  const counts = queue.data ? Object.entries(queue.data).filter(([, n]) => typeof n === 'number') as [string, number][] : [];
  return (
    <div className="flex h-full flex-col p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')}
        actions={counts.length > 0 && (
          <div className="flex items-center gap-2 text-xs" data-testid="queue-counts">
            <span className="text-slate-400">{t('queue')}</span>
            {counts.map(([status, n]) => (
              <span key={status} className="rounded-full bg-white px-2.5 py-1 text-slate-600 ring-1 ring-slate-200">
                {t(`queueStatus.${status}`, { defaultValue: status })} <b className="tabular-nums">{formatNumber(locale, n)}</b>
              </span>
            ))}
          </div>
        )} />
      <ListControls paging={paging} sorts={sorts} searchLabel={t('search')} placeholder={t('searchPlaceholder')} />
      {list.isPending && <Spinner />}
      {list.isError && <ErrorNote error={list.error} />}
      {list.data && rows.length === 0 && (paging.term
        ? <EmptyState icon="outbox" title={t('noMatch')}>{t('noMatchBody', { term: paging.term })}</EmptyState>
        : <EmptyState icon="outbox" title={t('empty.title')}>{t('empty.body')}</EmptyState>)}
      {rows.length > 0 && (
        <div className="grid min-h-0 flex-1 gap-4 lg:grid-cols-[380px_1fr]">
          <Card className="flex min-h-0 flex-col overflow-y-auto">
            <ul className="divide-y divide-slate-100" data-testid="outbox-list">
              {rows.map((m) => (
                <li key={m.id}>
                  <Link to={`/outbox/${m.id}`} data-testid="outbox-item"
                    className={`block px-4 py-3 ${m.id === current ? 'bg-violet-50' : 'hover:bg-slate-50'}`}>
                    <div className="flex items-baseline justify-between gap-2">
                      <span className="truncate text-sm font-medium text-slate-900">{m.to.join(', ')}</span>
                      <span className="shrink-0 text-xs text-slate-400">{relativeTime(m.receivedAt)}</span>
                    </div>
                    <div className="truncate text-sm text-slate-600">{m.subject || t('noSubject')}</div>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="mt-auto px-4 pb-3"><Pager paging={paging} shown={rows.length} hasMore={list.data?.hasMore} /></div>
          </Card>
          {current && <OutboxMessage id={current} />}
        </div>
      )}
    </div>
  );
}

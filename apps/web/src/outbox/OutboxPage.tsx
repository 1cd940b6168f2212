// What the development SMTP sink received: newest first, refreshing on its own, with the
// rendered HTML in a fully sandboxed iframe (no scripts, no same-origin access).
import { formatNumber } from '@afterglow/i18n';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Card, EmptyState, ErrorNote, PageHeader, relativeTime, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { OutboxMessage } from './OutboxMessage';

export function OutboxPage({ selectedId }: { selectedId: string | null }) {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.outbox.list.queryOptions({ limit: 100 }), refetchInterval: 3000 });
  const queue = useQuery({ ...trpc.outbox.queue.queryOptions(), refetchInterval: 3000 });
  const { t } = useTranslation('outbox');
  const locale = useLocale();
  const current = selectedId ?? list.data?.[0]?.id ?? null;
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
      {list.isPending && <Spinner />}
      {list.isError && <ErrorNote error={list.error} />}
      {list.data?.length === 0 && (
        <EmptyState icon="outbox" title={t('empty.title')}>{t('empty.body')}</EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <div className="grid min-h-0 flex-1 gap-4 lg:grid-cols-[380px_1fr]">
          <Card className="min-h-0 overflow-y-auto">
            <ul className="divide-y divide-slate-100" data-testid="outbox-list">
              {list.data.map((m) => (
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
          </Card>
          {current && <OutboxMessage id={current} />}
        </div>
      )}
    </div>
  );
}

// The Segments page: searched, sorted and paged on the server. Each card shows the member count
// the engine last stored and when it was computed; nothing here counts a segment, so a segment
// saved a moment ago says "not counted yet" until the engine's next sweep has counted it.
import { formatNumber } from '@afterglow/i18n';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Card, EmptyState, ErrorNote, PageHeader, relativeTime, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { ListControls, Pager, usePaging } from '../ui/Pager';

const PAGE = 24;

export function SegmentsPage() {
  const trpc = useTRPC();
  const { navigate } = useRouter();
  const { t } = useTranslation('segments');
  const locale = useLocale();
  const paging = usePaging<'name' | 'updated'>('name', PAGE);
  // Refreshed while some segment waits for its count, so it appears without a reload.
  const segments = useQuery({
    ...trpc.segments.page.queryOptions(paging.input), placeholderData: keepPreviousData, staleTime: 0,
    refetchInterval: (q) => (q.state.data?.items.some((s) => s.memberCount === null && !s.ruleError) ? 5000 : false),
  });
  const rows = segments.data?.items ?? [];
  const newButton = <Button variant="primary" icon="plus" onClick={() => navigate('/segments/new')}>{t('list.new')}</Button>;
  const sorts = [{ value: 'name' as const, label: t('list.sort.name') }, { value: 'updated' as const, label: t('list.sort.updated') }];
  return (
    <div className="mx-auto max-w-5xl p-8">
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} actions={newButton} />
      <ListControls paging={paging} sorts={sorts} searchLabel={t('list.search')} placeholder={t('list.searchPlaceholder')} />
      {segments.isPending && <Spinner />}
      {segments.isError && <ErrorNote error={segments.error} />}
      {segments.data && rows.length === 0 && (paging.term
        ? <EmptyState icon="segments" title={t('list.noMatch')}>{t('list.noMatchBody', { term: paging.term })}</EmptyState>
        : <EmptyState icon="segments" title={t('list.empty.title')} action={newButton}>{t('list.empty.body')}</EmptyState>)}
      {rows.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2">
          {rows.map((s) => (
            <Link key={s.id} to={`/segments/${s.id}`} data-testid={`segment-${s.id}`}>
              <Card className="h-full p-5 transition hover:shadow-md hover:ring-violet-300">
                <div className="flex items-start justify-between gap-3">
                  <h3 className="font-semibold text-slate-900">{s.name}</h3>
                  {s.memberCount !== null && (
                    <span className="shrink-0 rounded-full bg-violet-50 px-2.5 py-0.5 text-sm font-semibold tabular-nums text-violet-700">
                      {formatNumber(locale, s.memberCount)}
                    </span>
                  )}
                </div>
                <p className="mt-1 text-sm text-slate-500">{s.description || t('list.noDescription')}</p>
                <p className="mt-3 text-xs text-slate-400" data-testid="segment-count">
                  {s.ruleError ? <span className="text-rose-600">{t('list.ruleError')}</span>
                    : s.memberCount === null || s.countedAt === null ? t('list.notCounted')
                      : t('list.counted', { count: s.memberCount, when: relativeTime(s.countedAt) })}
                </p>
              </Card>
            </Link>
          ))}
        </div>
      )}
      <Pager paging={paging} shown={rows.length} total={segments.data?.total} />
    </div>
  );
}

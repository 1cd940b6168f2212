import { formatNumber } from '@afterglow/i18n';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Card, EmptyState, ErrorNote, PageHeader, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';

export function SegmentsPage() {
  const trpc = useTRPC();
  const { navigate } = useRouter();
  const segments = useQuery(trpc.segments.list.queryOptions());
  const { t } = useTranslation('segments');
  const locale = useLocale();
  const newButton = <Button variant="primary" icon="plus" onClick={() => navigate('/segments/new')}>{t('list.new')}</Button>;
  return (
    <div className="mx-auto max-w-5xl p-8">
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} actions={newButton} />
      {segments.isPending && <Spinner />}
      {segments.isError && <ErrorNote error={segments.error} />}
      {segments.data?.length === 0 && (
        <EmptyState icon="segments" title={t('list.empty.title')} action={newButton}>{t('list.empty.body')}</EmptyState>
      )}
      {segments.data && segments.data.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2">
          {segments.data.map((s) => (
            <Link key={s.id} to={`/segments/${s.id}`} data-testid={`segment-${s.id}`}>
              <Card className="h-full p-5 transition hover:shadow-md hover:ring-violet-300">
                <div className="flex items-start justify-between gap-3">
                  <h3 className="font-semibold text-slate-900">{s.name}</h3>
                  <span className="shrink-0 rounded-full bg-violet-50 px-2.5 py-0.5 text-sm font-semibold tabular-nums text-violet-700">
                    {formatNumber(locale, s.memberCount)}
                  </span>
                </div>
                <p className="mt-1 text-sm text-slate-500">{s.description || t('list.noDescription')}</p>
                <p className="mt-3 text-xs text-slate-400">{t('list.members', { count: s.memberCount })}</p>
              </Card>
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}

// The journey list: searched, filtered and sorted by the server, one page at a time (500 journeys
// cost the browser 25 rows), with each journey's entries, conversions and revenue, a marker for
// changes not yet published, and duplicate, archive and delete on every row.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/me';
import { useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Card, EmptyState, ErrorNote, PageHeader, Spinner } from '../ui/kit';
import { useDebounced } from '../ui/useDebounced';
import { JourneyTable } from './list/JourneyTable';
import { ListControls, Pager, PAGE_SIZE, type ListQuery } from './list/ListControls';

export function JourneysPage() {
  const trpc = useTRPC();
  const { t } = useTranslation('journeys');
  const { navigate } = useRouter();
  const can = useCan();
  const [query, setQuery] = useState<ListQuery>({ search: '', status: 'current', sort: 'updated', direction: 'desc', offset: 0 });
  const search = useDebounced(query.search.trim(), 250);
  const journeys = useQuery({
    ...trpc.journeys.list.queryOptions({ ...query, search: search || undefined, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const newButton = can('journeys.create') && (
    <Button variant="primary" icon="plus" onClick={() => navigate('/journeys/new')}>{t('new')}</Button>
  );
  const filtered = search !== '' || query.status !== 'current';
  const data = journeys.data;
  return (
    <div className="mx-auto max-w-6xl p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={newButton} />
      {journeys.isError && <ErrorNote error={journeys.error} />}
      {journeys.isPending && <Spinner />}
      {data && data.total === 0 && !filtered && (
        <EmptyState icon="journeys" title={t('empty.title')} action={newButton}>{t('empty.body')}</EmptyState>
      )}
      {data && (data.total > 0 || filtered) && (
        <>
          <ListControls query={query} onChange={(change) => setQuery((q) => ({ ...q, offset: 0, ...change }))} />
          <Card className="overflow-hidden">
            <JourneyTable journeys={data.journeys} query={query} onSort={(sort, direction) => setQuery((q) => ({ ...q, sort, direction, offset: 0 }))} />
            <Pager offset={query.offset} shown={data.journeys.length} total={data.total} walking={data.walking}
              onPage={(offset) => setQuery((q) => ({ ...q, offset }))} />
          </Card>
        </>
      )}
    </div>
  );
}

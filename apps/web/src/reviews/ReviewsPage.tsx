// The Reviews page: the counts, the filters, the reviews newest first a page at a time, and
// moderation (publish, hide, one by one or the selected ones at once; reply). Opened from a
// customer's page with ?customer=<id>, it shows that customer's reviews.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/me';
import { useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { EmptyState, ErrorNote, PageHeader, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { useDebounced } from '../ui/useDebounced';
import { BulkBar } from './BulkBar';
import { ReviewCard } from './ReviewCard';
import { ReviewCounts, type CountKey } from './ReviewCounts';
import { ReviewFilters, type FilterState } from './ReviewFilters';
import { ReviewImport } from './ReviewImport';
import type { ReviewFilter } from './types';

const NO_FILTER: FilterState = { status: undefined, minRating: 1, maxRating: 5, productId: '', search: '', needsAttention: false, sort: 'newest' };

const customerInUrl = () => new URLSearchParams(window.location.search).get('customer');

export function ReviewsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const can = useCan();
  const { navigate } = useRouter();
  const { t } = useTranslation('reviews');
  useLocale(); // dates follow a language switch
  const [filters, setFilters] = useState(NO_FILTER);
  const [customerId, setCustomerId] = useState(customerInUrl);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [replying, setReplying] = useState<string | null>(null);
  const canModerate = can('reviews.setStatus');

  // Debounced as text: typing in a field waits for a pause before asking the server.
  const key = useDebounced(JSON.stringify({
    ...filters, productId: filters.productId.trim() || undefined, search: filters.search.trim() || undefined,
    customerId: customerId ?? undefined, limit: 20,
  } satisfies ReviewFilter), 250);
  const input = useMemo(() => JSON.parse(key) as ReviewFilter, [key]);
  const list = useInfiniteQuery(trpc.reviews.list.infiniteQueryOptions(input, {
    initialCursor: null, getNextPageParam: (page) => page.nextCursor ?? undefined,
  }));
  const reviews = list.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.reviews.pathKey() });
  const setStatus = useMutation(trpc.reviews.setStatus.mutationOptions({ onSuccess: () => { setSelected(new Set()); refresh(); } }));

  const countKey: CountKey = filters.needsAttention ? 'needsAttention' : filters.status ?? 'total';
  const pickCount = (k: CountKey) => setFilters({ ...filters, status: k === 'total' || k === 'needsAttention' ? undefined : k, needsAttention: k === 'needsAttention' });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTER) || customerId !== null;
  const toggle = (id: string, on: boolean) => setSelected((s) => { const next = new Set(s); if (on) next.add(id); else next.delete(id); return next; });

  return (
    <div className="mx-auto max-w-5xl p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={can('reviews.import') ? <ReviewImport /> : undefined} />
      <ReviewCounts active={countKey} onPick={pickCount} />
      <ReviewFilters value={filters} onChange={setFilters} customerId={customerId}
        onClearCustomer={() => { setCustomerId(null); navigate('/reviews', { replace: true }); }} />
      {canModerate && reviews.length > 0 && (
        <BulkBar count={selected.size} total={reviews.length} busy={setStatus.isPending}
          onSelectAll={(on) => setSelected(on ? new Set(reviews.map((r) => r.id)) : new Set())}
          onStatus={(status) => setStatus.mutate({ ids: [...selected], status })} />
      )}
      {setStatus.isError && <ErrorNote error={setStatus.error} />}
      {list.isPending && <Spinner />}
      {list.isError && <ErrorNote error={list.error} />}
      {list.data && reviews.length === 0 && (filtered
        ? <EmptyState icon="search" title={t('emptyFiltered.title')}>{t('emptyFiltered.body')}</EmptyState>
        : <EmptyState icon="star" title={t('empty.title')}>{t('empty.body')}</EmptyState>)}
      <ul className="space-y-3" data-testid="review-list">
        {reviews.map((r) => (
          <ReviewCard key={r.id} review={r} canModerate={canModerate} selected={selected.has(r.id)} replying={replying === r.id}
            onSelect={(on) => toggle(r.id, on)} onStatus={(status) => setStatus.mutate({ ids: [r.id], status })}
            onReply={(open) => setReplying(open ? r.id : null)} onReplied={() => { setReplying(null); refresh(); }} />
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="mt-4 text-center">
          <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}
            className="rounded-lg px-3 py-1.5 text-sm font-medium text-violet-700 hover:bg-violet-50">
            {list.isFetchingNextPage ? t('loadingMore') : t('more')}
          </button>
        </div>
      )}
    </div>
  );
}

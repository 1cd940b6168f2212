// The filter bar of the Reviews page: status, a rating range, product, words, needs attention, order,
// and the customer the page was opened for (from the customer page), which can be cleared.
import { useTranslation } from 'react-i18next';
import { Button, Card, inputClass } from '../ui/kit';
import type { ReviewFilter } from './types';

const RATINGS = [1, 2, 3, 4, 5];
const STATUSES = ['new', 'published', 'hidden'] as const;

export interface FilterState { status: ReviewFilter['status']; minRating: number; maxRating: number; productId: string; search: string; needsAttention: boolean; sort: 'newest' | 'oldest' }

export function ReviewFilters({ value, onChange, customerId, onClearCustomer }:
  { value: FilterState; onChange(next: FilterState): void; customerId: string | null; onClearCustomer(): void }) {
  const { t } = useTranslation('reviews');
  const set = <K extends keyof FilterState>(key: K, v: FilterState[K]) => onChange({ ...value, [key]: v });
  const label = 'flex flex-col gap-1 text-xs font-medium text-slate-500';
  return (
    <Card className="mb-4 flex flex-wrap items-end gap-3 p-4" data-testid="review-filters">
      <label className={label}>{t('filter.status')}
        <select value={value.status ?? ''} onChange={(e) => set('status', (e.target.value || undefined) as FilterState['status'])} className={`${inputClass} w-40`}>
          <option value="">{t('filter.anyStatus')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </label>
      <fieldset className={label}>
        <legend className="mb-1">{t('filter.rating')}</legend>
        <div className="flex items-center gap-1">
          <select aria-label={t('filter.minRating')} value={value.minRating} className={`${inputClass} w-16`}
            onChange={(e) => onChange({ ...value, minRating: Number(e.target.value), maxRating: Math.max(value.maxRating, Number(e.target.value)) })}>
            {RATINGS.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
          <span aria-hidden>–</span>
          <select aria-label={t('filter.maxRating')} value={value.maxRating} className={`${inputClass} w-16`}
            onChange={(e) => onChange({ ...value, maxRating: Number(e.target.value), minRating: Math.min(value.minRating, Number(e.target.value)) })}>
            {RATINGS.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
      </fieldset>
      <label className={label}>{t('filter.product')}
        <input value={value.productId} onChange={(e) => set('productId', e.target.value)} placeholder={t('filter.productPlaceholder')} className={`${inputClass} w-36`} />
      </label>
      <label className={`${label} min-w-48 flex-1`}>{t('filter.search')}
        <input type="search" value={value.search} onChange={(e) => set('search', e.target.value)} placeholder={t('filter.searchPlaceholder')} className={inputClass} />
      </label>
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" checked={value.needsAttention} onChange={(e) => set('needsAttention', e.target.checked)} className="h-4 w-4 accent-violet-600" />
        {t('filter.attention')}
      </label>
      <label className={label}>{t('filter.sort')}
        <select value={value.sort} onChange={(e) => set('sort', e.target.value as FilterState['sort'])} className={`${inputClass} w-40`}>
          <option value="newest">{t('filter.sortNewest')}</option>
          <option value="oldest">{t('filter.sortOldest')}</option>
        </select>
      </label>
      {customerId && (
        <div className="flex w-full items-center gap-2 text-sm text-slate-600">
          {t('filter.customer', { id: customerId })}
          <Button variant="ghost" icon="x" onClick={onClearCustomer}>{t('filter.allCustomers')}</Button>
        </div>
      )}
    </Card>
  );
}

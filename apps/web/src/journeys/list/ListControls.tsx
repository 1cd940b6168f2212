// Above the journey list: search by name and filter by status; below it: where this page is in
// the whole list, and the way to the next and previous pages.
import { formatNumber } from '@afterglow/i18n';
import { useTranslation } from 'react-i18next';
import { Button, inputClass } from '../../ui/kit';
import { Icon } from '../../ui/icons';
import { useLocale } from '../../ui/locale';

export const PAGE_SIZE = 25;
export const STATUS_FILTERS = ['current', 'draft', 'live', 'paused', 'archived'] as const;
export type SortKey = 'name' | 'updated' | 'entries';

export interface ListQuery {
  search: string;
  status: (typeof STATUS_FILTERS)[number];
  sort: SortKey;
  direction: 'asc' | 'desc';
  offset: number;
}

export function ListControls({ query, onChange }: { query: ListQuery; onChange(change: Partial<ListQuery>): void }) {
  const { t } = useTranslation('journey-list');
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <label className="relative min-w-64 flex-1">
        <Icon name="search" className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-slate-400" />
        <input type="search" className={`${inputClass} pl-9`} value={query.search} placeholder={t('search.placeholder')}
          aria-label={t('search.label')} maxLength={200} onChange={(e) => onChange({ search: e.target.value })} data-testid="journey-search" />
      </label>
      <div role="group" aria-label={t('filter.label')} className="flex rounded-lg bg-slate-100 p-0.5">
        {STATUS_FILTERS.map((status) => (
          <button key={status} type="button" aria-pressed={query.status === status} onClick={() => onChange({ status })}
            className={`rounded-md px-3 py-1 text-sm font-medium ${query.status === status ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-500 hover:text-slate-800'}`}>
            {t(`filter.${status}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

export function Pager({ offset, shown, total, walking, onPage }: {
  offset: number; shown: number; total: number; walking: number; onPage(offset: number): void;
}) {
  const { t } = useTranslation(['journey-list', 'journeys']);
  const locale = useLocale();
  const [from, to] = [shown ? offset + 1 : 0, offset + shown];
  return (
    <div className="flex items-center gap-3 border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
      <p data-testid="journeys-walking">{t('journeys:walking', { count: walking })}</p>
      <p className="ml-auto tabular-nums" data-testid="journeys-range">
        {t('pager.range', { from: formatNumber(locale, from), to: formatNumber(locale, to), total })}
      </p>
      <Button variant="ghost" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE_SIZE))}>{t('pager.previous')}</Button>
      <Button variant="ghost" disabled={offset + shown >= total} onClick={() => onPage(offset + PAGE_SIZE)}>{t('pager.next')}</Button>
    </div>
  );
}

// The one pager of every list page (segments, templates, customers, outbox): a search box and
// a sort picker above the list, and "1–24 of 180" with Previous/Next below it. The server does
// the searching, sorting and paging; the page keeps only offset, search and sort (usePaging).
import { formatNumber } from '@afterglow/i18n';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';
import { Button, inputClass } from './kit';
import { useLocale } from './locale';
import { useDebounced } from './useDebounced';

/** The list's query state: the debounced search goes to the server; a new search or sort starts at the first page. */
export function usePaging<S extends string>(defaultSort: S, pageSize: number) {
  const [search, setSearchText] = useState('');
  const [sort, setSortKey] = useState<S>(defaultSort);
  const [offset, setOffset] = useState(0);
  const term = useDebounced(search.trim(), 250);
  return {
    search, sort, offset, term, pageSize,
    input: { search: term || undefined, sort, offset, limit: pageSize },
    setSearch: (value: string) => { setSearchText(value); setOffset(0); },
    setSort: (value: S) => { setSortKey(value); setOffset(0); },
    setOffset,
  };
}
type Paging<S extends string> = ReturnType<typeof usePaging<S>>;

export function ListControls<S extends string>({ paging, sorts, searchLabel, placeholder }: {
  paging: Paging<S>; sorts: { value: S; label: string }[]; searchLabel: string; placeholder: string;
}) {
  const { t } = useTranslation('kit');
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <div className="relative min-w-64 max-w-md flex-1">
        <Icon name="search" className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-slate-400" />
        <input type="search" aria-label={searchLabel} placeholder={placeholder} value={paging.search}
          onChange={(e) => paging.setSearch(e.target.value)} className={`${inputClass} pl-9`} />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-500">
        {t('pager.sort')}
        <select value={paging.sort} onChange={(e) => paging.setSort(e.target.value as S)} className={`${inputClass} w-auto`}>
          {sorts.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </label>
    </div>
  );
}

/** Below a page of `shown` rows: the range, and Previous/Next. `total` when the server counts, else `hasMore`. */
export function Pager<S extends string>({ paging, shown, total, capped, hasMore }: {
  paging: Paging<S>; shown: number; total?: number; capped?: boolean; hasMore?: boolean;
}) {
  const { t } = useTranslation('kit');
  const locale = useLocale();
  const { offset, pageSize } = paging;
  const more = hasMore ?? (capped || (total !== undefined && offset + shown < total));
  if (offset === 0 && !more) return null;
  const range = { from: formatNumber(locale, offset + 1), to: formatNumber(locale, offset + shown), total: formatNumber(locale, total ?? 0) };
  const label = total === undefined ? t('pager.rangeOpen', range) : capped ? t('pager.rangeCapped', range) : t('pager.range', range);
  return (
    <nav aria-label={t('pager.label')} className="mt-4 flex items-center justify-between text-sm text-slate-500">
      <span data-testid="pager-range">{label}</span>
      <div className="flex gap-2">
        <Button disabled={offset === 0} onClick={() => paging.setOffset(Math.max(0, offset - pageSize))}>{t('pager.previous')}</Button>
        <Button disabled={!more} onClick={() => paging.setOffset(offset + pageSize)}>{t('pager.next')}</Button>
      </div>
    </nav>
  );
}

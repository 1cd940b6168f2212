// The journeys of one page: name (with a dot for changes not yet published), status, version,
// customers inside now and ever, conversions and their revenue, when last edited, and the
// row's actions. Name, entries and edited sort the whole list on the server.
import { formatNumber } from '@afterglow/i18n';
import { useTranslation } from 'react-i18next';
import { preloadPage } from '../../app/pages';
import { Link } from '../../app/router';
import type { Api, inferOutput } from '../../trpc';
import { relativeTime, StatusBadge } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import type { ListQuery, SortKey } from './ListControls';
import { RowActions } from './RowActions';

export type JourneyRow = inferOutput<Api['journeys']['list']>['journeys'][number];

const cell = 'px-4 py-3';
const head = `${cell} whitespace-nowrap`;
const ARROWS = { asc: '↑', desc: '↓' } as const;

function SortHeader({ label, sortKey, query, onSort, right }: {
  label: string; sortKey: SortKey; query: ListQuery; onSort(sort: SortKey, direction: 'asc' | 'desc'): void; right?: boolean;
}) {
  const active = query.sort === sortKey;
  // Names read A→Z first; counts and dates largest and newest first.
  const first = sortKey === 'name' ? 'asc' : 'desc';
  const next = active ? (query.direction === 'asc' ? 'desc' : 'asc') : first;
  return (
    <th className={`${head} ${right ? 'text-right' : ''}`} aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" onClick={() => onSort(sortKey, next)} className={`uppercase tracking-wide hover:text-slate-800 ${active ? 'text-slate-800' : ''}`}>
        {label}{active && <span aria-hidden="true"> {ARROWS[query.direction]}</span>}
      </button>
    </th>
  );
}

function Revenue({ revenue }: { revenue: JourneyRow['revenue'] }) {
  const locale = useLocale();
  if (revenue.length === 0) return <>—</>;
  const format = ({ currency, amount }: JourneyRow['revenue'][number]) => {
    try {
      return currency ? formatNumber(locale, amount, { style: 'currency', currency }) : formatNumber(locale, amount, { maximumFractionDigits: 2 });
    } catch {
      return `${formatNumber(locale, amount, { maximumFractionDigits: 2 })} ${currency}`; // not an ISO currency code
    }
  };
  return <>{revenue.map((r) => <span key={r.currency ?? ''} className="block">{format(r)}</span>)}</>;
}

export function JourneyTable({ journeys, query, onSort }: { journeys: JourneyRow[]; query: ListQuery; onSort(sort: SortKey, direction: 'asc' | 'desc'): void }) {
  const { t } = useTranslation('journey-list');
  const locale = useLocale();
  if (journeys.length === 0) return <p className="px-5 py-10 text-center text-sm text-slate-500" data-testid="journeys-none">{t('none')}</p>;
  return (
    <table className="w-full text-sm">
      <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
        <tr>
          <SortHeader label={t('column.journey')} sortKey="name" query={query} onSort={onSort} />
          <th className={head}>{t('column.status')}</th>
          <th className={`${head} text-right`}>{t('column.active')}</th>
          <SortHeader label={t('column.entries')} sortKey="entries" query={query} onSort={onSort} right />
          <th className={`${head} text-right`}>{t('column.conversions')}</th>
          <th className={`${head} text-right`}>{t('column.revenue')}</th>
          <SortHeader label={t('column.edited')} sortKey="updated" query={query} onSort={onSort} right />
          <th className={cell}><span className="sr-only">{t('column.actions')}</span></th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {journeys.map((j) => (
          <tr key={j.id} className="hover:bg-slate-50" data-testid={`journey-row-${j.id}`}>
            <td className={cell}>
              <Link to={`/journeys/${j.id}`} onMouseEnter={() => preloadPage(`/journeys/${j.id}`)} className="font-medium text-slate-900 hover:text-violet-700">{j.name}</Link>
              <span className="ml-2 text-xs text-slate-400">{j.currentVersion ? t('version', { version: j.currentVersion }) : ''}</span>
              {j.unpublishedChanges && (
                <span className="ml-2 inline-flex items-center gap-1 text-xs text-amber-700" data-testid="unpublished-changes">
                  <span className="h-1.5 w-1.5 rounded-full bg-amber-500" />{t('unpublished')}
                </span>
              )}
            </td>
            <td className={cell}><StatusBadge status={j.status} /></td>
            <td className={`${cell} text-right tabular-nums`}>{formatNumber(locale, j.runs.active)}</td>
            <td className={`${cell} text-right tabular-nums text-slate-600`}>{formatNumber(locale, j.runs.total)}</td>
            <td className={`${cell} text-right tabular-nums text-slate-600`}>{formatNumber(locale, j.conversions)}</td>
            <td className={`${cell} text-right tabular-nums text-slate-600`}><Revenue revenue={j.revenue} /></td>
            <td className={`${cell} whitespace-nowrap text-right text-slate-500`}>{relativeTime(j.updatedAt)}</td>
            <td className={`${cell} text-right`}><RowActions journey={j} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

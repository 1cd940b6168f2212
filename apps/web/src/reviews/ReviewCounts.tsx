// The counts on top of the Reviews page: each status, those needing attention, the average.
// Clicking a count filters the list by it.
import { formatNumber } from '@afterglow/i18n';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { useLocale } from '../ui/locale';
import { STAR } from './Stars';

export type CountKey = 'total' | 'new' | 'published' | 'hidden' | 'needsAttention';

export function ReviewCounts({ active, onPick }: { active: CountKey; onPick(key: CountKey): void }) {
  const trpc = useTRPC();
  const { t } = useTranslation('reviews');
  const locale = useLocale();
  const summary = useQuery(trpc.reviews.summary.queryOptions());
  const s = summary.data;
  const tiles: { key: CountKey; label: string; tone: string }[] = [
    { key: 'total', label: t('counts.total'), tone: 'text-slate-900' },
    { key: 'new', label: t('counts.new'), tone: 'text-violet-700' },
    { key: 'published', label: t('counts.published'), tone: 'text-emerald-700' },
    { key: 'hidden', label: t('counts.hidden'), tone: 'text-slate-500' },
    { key: 'needsAttention', label: t('counts.attention'), tone: 'text-rose-600' },
  ];
  return (
    <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="review-counts">
      {tiles.map((tile) => (
        <button key={tile.key} type="button" onClick={() => onPick(tile.key)} aria-pressed={active === tile.key}
          className={`rounded-xl bg-white p-3 text-left shadow-sm ring-1 transition hover:ring-violet-300 ${active === tile.key ? 'ring-2 ring-violet-500' : 'ring-slate-200'}`}>
          <div className="truncate text-xs font-medium text-slate-500" title={tile.label}>{tile.label}</div>
          <div className={`mt-1 text-xl font-semibold tabular-nums ${tile.tone}`}>{s ? formatNumber(locale, s[tile.key]) : '–'}</div>
        </button>
      ))}
      <div className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <div className="truncate text-xs font-medium text-slate-500" title={t('counts.average')}>{t('counts.average')}</div>
        <div className="mt-1 text-xl font-semibold tabular-nums text-amber-500">
          {s?.averageRating != null ? `${STAR} ${formatNumber(locale, s.averageRating, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}` : '–'}
        </div>
      </div>
    </div>
  );
}

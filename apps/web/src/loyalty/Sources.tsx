// Where the period's issued points came from, and what besides redemption and expiry took points
// back: every ledger entry is in exactly one line (docs/loyalty.md#loyalty-page).
import { useTranslation } from 'react-i18next';
import { Card } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { points, type LoyaltyAnalytics } from './format';

const SOURCES = ['orders', 'journeys', 'reviews', 'referrals', 'birthday', 'signup', 'adjustments'] as const;

export function Sources({ data }: { data: LoyaltyAnalytics }) {
  const { t } = useTranslation('loyalty-analytics');
  const locale = useLocale();
  const issued = (source: (typeof SOURCES)[number]) => data.series.reduce((sum, b) => sum + b.issued[source], 0);
  // `|| 0`: nothing taken is 0, not -0.
  const rows = [
    ...SOURCES.map((source) => ({ key: source, label: t(`source.${source}`), value: issued(source) })),
    { key: 'refunded', label: t('taken.refunded'), value: -data.totals.refunded || 0 },
    { key: 'deducted', label: t('taken.deducted'), value: -data.totals.deducted || 0 },
  ];
  return (
    <Card className="p-4">
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{t('sources.title')}</h2>
      <dl className="divide-y divide-slate-100 text-sm">
        {rows.map((row) => (
          <div key={row.key} className="flex items-baseline justify-between gap-3 py-1.5">
            <dt className="text-slate-600">{row.label}</dt>
            <dd className={`tabular-nums font-medium ${row.value < 0 ? 'text-rose-700' : 'text-slate-900'}`} data-testid={`source-${row.key}`}>
              {points(locale, row.value)}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

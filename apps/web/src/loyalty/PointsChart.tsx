// Points issued, redeemed and expired per UTC bucket of the period (lines).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartData } from '../ui/charts/Chart';
import { Card } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { bucketLabel, points, type LoyaltyAnalytics } from './format';

export function PointsChart({ data }: { data: LoyaltyAnalytics }) {
  const { t } = useTranslation('loyalty-analytics');
  const locale = useLocale();
  const { series, period } = data;
  const chart = useMemo<ChartData>(() => ({
    kind: 'lines',
    categories: series.map((b) => bucketLabel(locale, b.start, period)),
    series: [
      { label: t('series.issued'), values: series.map((b) => Object.values(b.issued).reduce((sum, n) => sum + n, 0)), color: '#7c3aed' },
      { label: t('series.redeemed'), values: series.map((b) => b.redeemed), color: '#059669' },
      { label: t('series.expired'), values: series.map((b) => b.expired), color: '#d97706' },
    ],
    formatValue: (n) => points(locale, n),
  }), [series, period, t, locale]);
  return <Card className="p-4"><Chart caption={t('chart.points')} categoryTitle={t(`bucket.${period.bucket}`)} data={chart} /></Card>;
}

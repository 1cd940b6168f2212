// Attributed revenue over the period: a line for each of the five journeys that brought in the
// most, one for the rest together. Its CSV has every journey, one column each.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartData } from '../ui/charts/Chart';
import { useLocale } from '../ui/locale';
import { money, utcDay } from './format';
import { Section } from './Section';
import type { Dashboard } from './types';

const COLORS = ['#7c3aed', '#059669', '#d97706', '#0284c7', '#db2777', '#94a3b8'];
const SHOWN = 5;

export function RevenueChart({ data }: { data: Dashboard }) {
  const { t } = useTranslation('dashboard');
  const locale = useLocale();
  const chart = useMemo((): ChartData => {
    const shown = data.journeys.filter((j) => j.revenue > 0).slice(0, SHOWN);
    const rest = data.journeys.filter((j) => !shown.includes(j));
    const series = shown.map((j, i) => ({ label: j.name, color: COLORS[i], values: data.series.map((p) => p.revenue[j.journeyId] ?? 0) }));
    if (rest.some((j) => j.revenue !== 0)) {
      series.push({
        label: t('revenue.others'), color: COLORS[SHOWN],
        values: data.series.map((p) => rest.reduce((sum, j) => sum + (p.revenue[j.journeyId] ?? 0), 0)),
      });
    }
    return { kind: 'lines', categories: data.series.map((p) => utcDay(locale, p.start)), series, formatValue: (n) => money(locale, n) };
  }, [data, locale, t]);
  const csv = () => ({
    header: [t(`bucket.${data.period.bucket}`), ...data.journeys.map((j) => j.name)],
    rows: data.series.map((p) => [p.start, ...data.journeys.map((j) => p.revenue[j.journeyId] ?? 0)]),
  });
  return (
    <Section title={t('revenue.title')} csv={{ filename: 'revenue-by-journey', table: csv }}>
      {chart.series.length === 0 ? <p className="py-6 text-sm text-slate-500">{t('revenue.none')}</p>
        : <Chart caption={t('revenue.note')} categoryTitle={t(`bucket.${data.period.bucket}`)} data={chart} />}
    </Section>
  );
}

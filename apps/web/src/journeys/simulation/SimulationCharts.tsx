// Entries per day and emails per day (marketing and transactional) of a simulation, drawn by the
// chart the journey report uses (uPlot, with its table).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartData } from '../../ui/charts/Chart';
import { useLocale } from '../../ui/locale';
import { bucketLabel, count } from '../report/format';
import { daysOf, onDays } from './days';
import type { SimulationResult } from './types';

export function SimulationCharts({ result }: { result: SimulationResult }) {
  const { t } = useTranslation('simulation');
  const locale = useLocale();
  const [entries, emails] = useMemo((): [ChartData, ChartData] => {
    const days = daysOf(result.from, result.to);
    const categories = days.map((d) => bucketLabel(locale, d));
    const formatValue = (n: number) => count(locale, n);
    return [
      { kind: 'bars', categories, formatValue, series: [{ label: t('chart.entries'), color: '#7c3aed', values: onDays(days, result.entries.perDay, (r) => r.n) }] },
      { kind: 'lines', categories, formatValue, series: [
        { label: t('chart.marketing'), color: '#0284c7', values: onDays(days, result.emails.perDay, (r) => r.marketing) },
        { label: t('chart.transactional'), color: '#059669', values: onDays(days, result.emails.perDay, (r) => r.transactional) },
      ] },
    ];
  }, [result, locale, t]);
  return (
    <div className="space-y-4" data-testid="simulation-charts">
      <Chart caption={t('chart.entriesCaption')} categoryTitle={t('chart.day')} data={entries} height={160} />
      <Chart caption={t('chart.emailsCaption')} categoryTitle={t('chart.day')} data={emails} height={160} />
    </div>
  );
}

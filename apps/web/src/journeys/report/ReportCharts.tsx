// The period's figures per bucket as two charts (uPlot, ui/charts): what came in (entries and
// conversions) and the revenue attributed; with two versions, one line per version.
import type { Locale } from '@afterglow/i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartData } from '../../ui/charts/Chart';
import { Card } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { bucketLabel, count, money } from './format';
import type { JourneyReport } from './types';

const COLORS = ['#7c3aed', '#059669', '#d97706', '#0284c7'];

function lines(report: JourneyReport, locale: Locale, metrics: { key: 'entries' | 'conversions' | 'revenue'; label: string }[],
  versionLabel: (id: string | null) => string, format: (n: number) => string): ChartData {
  const first = report.series[0];
  return {
    kind: 'lines',
    categories: first ? first.points.map((p) => bucketLabel(locale, p.start)) : [],
    series: report.series.flatMap((s, i) => metrics.map((m, j) => ({
      label: s.versionId === null ? m.label : `${m.label} · ${versionLabel(s.versionId)}`,
      values: s.points.map((p) => p[m.key]),
      color: COLORS[(i * metrics.length + j) % COLORS.length],
    }))),
    formatValue: format,
  };
}

export function ReportCharts({ report, bucket }: { report: JourneyReport; bucket: 'day' | 'week' }) {
  const { t } = useTranslation('journey-report');
  const locale = useLocale();
  const versionLabel = (id: string | null) => t('version', { version: report.versions.find((v) => v.id === id)?.version ?? 0 });
  const activity = useMemo(() => lines(report, locale, [
    { key: 'entries', label: t('figure.entries') }, { key: 'conversions', label: t('figure.conversions') },
  ], versionLabel, (n) => count(locale, n)), [report, locale, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const revenue = useMemo(() => lines(report, locale, [{ key: 'revenue', label: t('figure.revenue') }], versionLabel,
    (n) => money(locale, n)), [report, locale, t]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="p-4"><Chart caption={t('chart.activity')} categoryTitle={t(`bucket.${bucket}`)} data={activity} /></Card>
      <Card className="p-4"><Chart caption={t('chart.revenue')} categoryTitle={t(`bucket.${bucket}`)} data={revenue} /></Card>
    </div>
  );
}

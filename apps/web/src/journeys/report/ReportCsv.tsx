// The journey report's tables as CSV files: the figures per bucket (one row per bucket and
// version), the path funnel (one row per branch) and the experiments' groups. Numbers are plain
// (rates as fractions, money in full) so a spreadsheet can compute with them.
import { useTranslation } from 'react-i18next';
import { DownloadCsv } from '../../ui/csv/DownloadCsv';
import { useLocale } from '../../ui/locale';
import { stepWords } from './stepWords';
import type { JourneyReport } from './types';

const FIGURES = ['entries', 'conversions', 'conversionRate', 'revenue', 'revenuePerEntrant', 'sent', 'opened', 'clicked', 'unsubscribed'] as const;

export function ReportCsv({ report, bucket }: { report: JourneyReport; bucket: 'day' | 'week' }) {
  const { t } = useTranslation(['report-csv', 'journey-report']);
  const locale = useLocale();
  const r = (key: string, opts?: Record<string, unknown>) => t(key, { ns: 'journey-report', ...opts });
  const version = (id: string | null) => (id === null ? t('allVersions') : r('version', { version: report.versions.find((v) => v.id === id)?.version ?? 0 }));
  const stepLabel = (nodeId: string) => {
    const step = report.funnel?.steps.find((s) => s.nodeId === nodeId);
    return step ? stepWords(step, locale).label : nodeId;
  };
  const figures = () => ({
    header: [r(`bucket.${bucket}`), t('version'), ...FIGURES.map((f) => r(`figure.${f}`))],
    rows: report.series.flatMap((s) => s.points.map((p) => [p.start, version(s.versionId), ...FIGURES.map((f) => p[f])])),
  });
  const funnel = () => ({
    header: [t('step'), r('funnel.branch'), r('funnel.runs'), r('figure.conversions'), r('figure.conversionRate'), r('figure.revenue')],
    rows: (report.funnel?.steps ?? []).flatMap((s) => {
      const words = stepWords(s, locale);
      return s.branches.map((b) => [words.label, words.branch(b.branch), b.runs, b.conversions, b.conversionRate, b.revenue]);
    }),
  });
  const lift = () => ({
    header: [t('step'), r('lift.group'), r('lift.customers'), t('converted'), r('figure.conversionRate'), r('figure.revenue'), r('lift.revenuePerCustomer')],
    rows: report.experiments.flatMap((e) => e.groups.map((g) => [
      e.nodeId === null ? r('lift.journeyHoldout') : stepLabel(e.nodeId), e.kind === 'holdout' ? r(g.id === 'in' ? 'lift.treated' : 'lift.heldOut') : g.name ?? r('lift.removedArm'),
      g.customers, g.converted, g.rate, g.revenue, g.revenuePerCustomer,
    ])),
  });
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid="report-csv">
      <DownloadCsv filename="journey-figures" table={figures} label={t('figures')} />
      {report.funnel && <DownloadCsv filename="journey-funnel" table={funnel} label={t('funnel')} />}
      {report.experiments.length > 0 && <DownloadCsv filename="journey-lift" table={lift} label={t('lift')} />}
    </div>
  );
}

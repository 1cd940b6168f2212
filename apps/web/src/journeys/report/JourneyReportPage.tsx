// A journey's report (/journeys/:id/report): what it brought in over a period, by day or week,
// the path funnel, and treated vs held out and A/B arms with their intervals; every version
// together, one alone, or two side by side (VersionPicker). Managers read it;
// every figure comes from rollups (journeys.report), so it answers fast for any journey.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { useTRPC } from '../../trpc';
import { ErrorNote, PageHeader, Spinner } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { periodOf } from './format';
import { FunnelTable } from './FunnelTable';
import { LiftCard } from './LiftCards';
import { ReportCharts } from './ReportCharts';
import { ReportControls, type ReportPeriod } from './ReportControls';
import { ReportCsv } from './ReportCsv';
import { ReportTiles } from './ReportTiles';
import { VersionCompare } from './VersionCompare';
import { VersionPicker } from './VersionPicker';
import { stepWords } from './stepWords';

export function JourneyReportPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const { t } = useTranslation('journey-report');
  const locale = useLocale();
  const [period, setPeriod] = useState<ReportPeriod>({ days: 30, bucket: 'day' });
  const [versions, setVersions] = useState<string[]>([]);
  const range = useMemo(() => periodOf(period.days), [period.days]);
  const journey = useQuery(trpc.journeys.get.queryOptions({ id }));
  const report = useQuery(trpc.journeys.report.queryOptions(
    { journeyId: id, ...range, bucket: period.bucket, ...(versions.length > 0 && { versions }) }, { placeholderData: keepPreviousData }));
  const data = report.data;
  const published = data && data.versions.length > 0 ? data : null;
  return (
    <div className="mx-auto max-w-6xl space-y-4 p-8">
      <PageHeader title={t('title', { name: journey.data?.name ?? '' })}
        subtitle={data ? t('subtitle', { window: data.attribution.windowDays, lift: data.attribution.liftDays }) : undefined}
        actions={<Link to={`/journeys/${id}`} className="text-sm font-medium text-violet-700 hover:underline">{t('openEditor')}</Link>} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <ReportControls value={period} onChange={setPeriod} />
          {published && published.versions.length > 1 && <VersionPicker versions={published.versions} value={versions} onChange={setVersions} />}
        </div>
        {published && <ReportCsv report={published} bucket={period.bucket} />}
      </div>
      {report.isPending && <Spinner />}
      {report.isError && <ErrorNote error={report.error} />}
      {data && !published && <p className="text-sm text-slate-500">{t('notPublished')}</p>}
      {published?.series[0] && (
        <>
          {published.series.length > 1 ? <VersionCompare report={published} /> : <ReportTiles totals={published.series[0].totals} />}
          <ReportCharts report={published} bucket={period.bucket} />
          {published.funnel && <FunnelTable funnel={published.funnel} journeyId={id} />}
          <section className="space-y-3">
            <h2 className="text-sm font-semibold text-slate-900">{t('lift.title')}</h2>
            {published.experiments.length === 0 ? <p className="text-sm text-slate-500">{t('lift.none')}</p> : (
              <div className="grid gap-4 lg:grid-cols-2">
                {published.experiments.map((e) => {
                  const step = published.funnel?.steps.find((s) => s.nodeId === e.nodeId);
                  const label = step ? stepWords(step, locale).label
                    : t(e.kind === 'journey' ? 'lift.journeyHoldout' : e.kind === 'holdout' ? 'lift.holdoutStep' : 'lift.splitStep');
                  return <LiftCard key={e.nodeId ?? e.kind} experiment={e} stepLabel={label} journeyId={id} />;
                })}
              </div>
            )}
          </section>
          <p className="text-xs text-slate-500">{t('utcNote')}</p>
        </>
      )}
    </div>
  );
}

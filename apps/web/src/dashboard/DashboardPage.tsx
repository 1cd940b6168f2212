// The workspace dashboard (/dashboard, and the home page of managers): what the journeys brought
// in over the last 7, 30 or 90 days, the best and worst of them, email health, coupon economics,
// loyalty points and repeat purchase by first-order cohort. One query (dashboard.get), read from
// rollups, so it answers as fast for a large shop as for a new one.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { EmptyState, ErrorNote, inputClass, PageHeader, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { CohortGrid } from './CohortGrid';
import { utcDay } from './format';
import { HealthCards } from './HealthCards';
import { JourneyTables } from './JourneyTables';
import { RevenueChart } from './RevenueChart';
import { Tiles } from './Tiles';
import type { Dashboard } from './types';

const DAYS = [7, 30, 90] as const;

const isEmpty = (d: Dashboard) => d.journeys.length === 0 && d.email.sent === 0 && d.coupons.issued === 0
  && d.loyalty.issued === 0 && d.loyalty.outstanding === 0 && d.cohorts.length === 0;

export function DashboardPage() {
  const trpc = useTRPC();
  const { t } = useTranslation('dashboard');
  const locale = useLocale();
  const [days, setDays] = useState<(typeof DAYS)[number]>(30);
  const dashboard = useQuery(trpc.dashboard.get.queryOptions({ days }, { placeholderData: keepPreviousData }));
  const data = dashboard.data;
  return (
    <div className="mx-auto max-w-6xl space-y-4 p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={(
        <label className="text-xs font-medium text-slate-500">{t('period.label')}
          <select className={`${inputClass} mt-1 w-44`} value={days} data-testid="dashboard-period"
            onChange={(e) => setDays(Number(e.target.value) as (typeof DAYS)[number])}>
            {DAYS.map((d) => <option key={d} value={d}>{t('period.days', { count: d })}</option>)}
          </select>
        </label>
      )} />
      {dashboard.isPending && <Spinner />}
      {dashboard.isError && <ErrorNote error={dashboard.error} />}
      {data && isEmpty(data) && (
        <EmptyState icon="chart" title={t('empty.title')}
          action={<Link to="/journeys" className="font-medium text-violet-700 hover:underline">{t('empty.action')}</Link>}>
          {t('empty.body')}
        </EmptyState>
      )}
      {data && !isEmpty(data) && (
        <>
          <Tiles data={data} />
          <RevenueChart data={data} />
          <JourneyTables data={data} />
          <HealthCards data={data} />
          <CohortGrid data={data} />
          <p className="text-xs text-slate-500" data-testid="period-note">
            {t('utcNote', { from: utcDay(locale, data.period.from, true), to: utcDay(locale, data.period.to, true) })}
          </p>
        </>
      )}
    </div>
  );
}

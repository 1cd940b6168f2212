// The Loyalty page (managers, marketers, administrators): the programme's members per tier, the
// points it owes, the points that moved in the chosen period, and its best customers, from one
// query (loyalty.analytics). Empty until anyone has earned a point, with the way to Settings.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { EmptyState, ErrorNote, PageHeader, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { shopDay } from './format';
import { PeriodPicker, type Period } from './PeriodPicker';
import { PointsChart } from './PointsChart';
import { Sources } from './Sources';
import { TierChart } from './TierChart';
import { Tiles } from './Tiles';
import { TopCustomers } from './TopCustomers';

export function LoyaltyPage() {
  const trpc = useTRPC();
  const { t } = useTranslation('loyalty-analytics');
  const locale = useLocale();
  const [period, setPeriod] = useState<Period>({ days: 30, bucket: 'day' });
  const analytics = useQuery(trpc.loyalty.analytics.queryOptions(period, { placeholderData: keepPreviousData }));
  const data = analytics.data;
  const empty = data && data.members === 0 && data.referralsCompleted === 0;
  return (
    <div className="mx-auto max-w-6xl p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="mb-4"><PeriodPicker value={period} onChange={setPeriod} /></div>
      {analytics.isPending && <Spinner />}
      {analytics.isError && <ErrorNote error={analytics.error} />}
      {empty && (
        <EmptyState icon="gift" title={t('empty.title')}
          action={<Link to="/settings" className="font-medium text-violet-700 hover:underline">{t('empty.action')}</Link>}>
          {t('empty.body')}
        </EmptyState>
      )}
      {data && !empty && (
        <div className="space-y-4">
          <Tiles data={data} />
          <div className="grid gap-4 lg:grid-cols-2">
            <TierChart data={data} />
            <PointsChart data={data} />
          </div>
          <div className="grid gap-4 lg:grid-cols-3">
            <div className="lg:col-span-2"><TopCustomers data={data} /></div>
            <Sources data={data} />
          </div>
          <p className="text-xs text-slate-500" data-testid="period-note">
            {t('zoneNote', {
              from: shopDay(locale, data.period.from, data.period.timeZone), to: shopDay(locale, data.period.to, data.period.timeZone), zone: data.period.timeZone,
            })}
          </p>
        </div>
      )}
    </div>
  );
}

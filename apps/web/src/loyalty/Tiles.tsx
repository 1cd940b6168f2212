// The headline figures: members and the points the shop owes now; what moved in the period.
import { useTranslation } from 'react-i18next';
import { Card } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { points, type LoyaltyAnalytics } from './format';

function Tile({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Card className="flex h-full flex-col p-4">
      <div className="text-xs font-medium text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>{value}</div>
      {hint && <div className="mt-auto pt-1 text-xs text-slate-500">{hint}</div>}
    </Card>
  );
}

export function Tiles({ data }: { data: LoyaltyAnalytics }) {
  const { t } = useTranslation('loyalty-analytics');
  const locale = useLocale();
  const inPeriod = t('tile.inPeriod', { count: data.period.days });
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 2xl:grid-cols-6">
      <Tile testId="tile-members" label={t('tile.members')} value={points(locale, data.members)} hint={t('tile.now')} />
      <Tile testId="tile-outstanding" label={t('tile.outstanding')} value={points(locale, data.outstanding.points)}
        hint={t('tile.holders', { count: data.outstanding.members })} />
      <Tile testId="tile-issued" label={t('tile.issued')} value={points(locale, data.totals.issued)} hint={inPeriod} />
      <Tile testId="tile-redeemed" label={t('tile.redeemed')} value={points(locale, data.totals.redeemed)} hint={inPeriod} />
      <Tile testId="tile-expired" label={t('tile.expired')} value={points(locale, data.totals.expired)} hint={inPeriod} />
      <Tile testId="tile-referrals" label={t('tile.referrals')} value={points(locale, data.referralsCompleted)} hint={inPeriod} />
    </div>
  );
}

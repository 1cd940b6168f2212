// The headline figures of the period: attributed revenue and orders, emails delivered, coupons
// redeemed, and the points the shop owes now.
import { useTranslation } from 'react-i18next';
import { Card } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { count, money, percent } from './format';
import type { Dashboard } from './types';

export function Tiles({ data }: { data: Dashboard }) {
  const { t } = useTranslation('dashboard');
  const locale = useLocale();
  const tiles: [string, string, string][] = [
    ['revenue', money(locale, data.attributed.revenue), t('tile.revenueHint', { count: data.attributed.conversions })],
    ['delivered', percent(locale, data.email.deliveredRate), t('tile.deliveredHint', { count: data.email.sent })],
    ['coupons', count(locale, data.coupons.redeemed), t('tile.couponsHint', { count: data.coupons.issued })],
    ['points', count(locale, data.loyalty.outstanding), t('tile.pointsHint')],
  ];
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="dashboard-tiles">
      {tiles.map(([key, value, hint]) => (
        <Card key={key} className="p-4">
          <div className="text-xs font-medium text-slate-500">{t(`tile.${key}`)}</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`tile-${key}`}>{value}</div>
          <div className="mt-1 text-xs text-slate-500">{hint}</div>
        </Card>
      ))}
    </div>
  );
}

// Members per tier, in the settings' order (bars); members in a tier the settings no longer list last.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartData } from '../ui/charts/Chart';
import { Card } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { points, type LoyaltyAnalytics } from './format';

export function TierChart({ data }: { data: LoyaltyAnalytics }) {
  const { t } = useTranslation('loyalty-analytics');
  const locale = useLocale();
  const chart = useMemo<ChartData>(() => {
    const tiers = [...data.tiers.map((tier) => ({ name: tier.name, members: tier.members })),
      ...(data.removedTier > 0 ? [{ name: t('chart.removedTier'), members: data.removedTier }] : [])];
    return {
      kind: 'bars', categories: tiers.map((tier) => tier.name),
      series: [{ label: t('chart.members'), values: tiers.map((tier) => tier.members), color: '#7c3aed' }],
      formatValue: (n) => points(locale, n),
    };
  }, [data.tiers, data.removedTier, t, locale]);
  return <Card className="p-4"><Chart caption={t('chart.tiers')} categoryTitle={t('chart.tier')} data={chart} /></Card>;
}

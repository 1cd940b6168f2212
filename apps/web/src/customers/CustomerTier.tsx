// The customer's loyalty tier beside their points: the shop's tier name (its benefits on hover)
// and what is left to the next, in points or money as the shop's tiers are measured.
import { formatNumber } from '@afterglow/i18n';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { money } from './format';

export interface TierView {
  name: string;
  benefits: string;
  basis: 'points' | 'spend';
  next: { name: string; left: number } | null;
}

export function CustomerTier({ tier, currency }: { tier: TierView; currency: string | undefined }) {
  const { t } = useTranslation('customers');
  const locale = useLocale();
  const left = (n: number) => (currency ? money(locale, n, currency) : formatNumber(locale, n, { maximumFractionDigits: 2 }));
  return (
    <div className="mt-1 flex flex-col items-end gap-1" data-testid="loyalty-tier">
      <span title={tier.benefits || t('tier.label')}><Badge tone="info">{tier.name}</Badge></span>
      <span className="text-xs text-slate-500">
        {!tier.next ? t('tier.top') : tier.basis === 'spend'
          ? t('tier.nextSpend', { amount: left(tier.next.left), tier: tier.next.name })
          : t('tier.nextPoints', { count: tier.next.left, tier: tier.next.name })}
      </span>
    </div>
  );
}

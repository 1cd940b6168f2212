// The customer's coupons on the customer page: the code, what it gives, the journey that
// issued it, and whether it is open, redeemed (by which order) or expired.
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { Section } from './CustomerPage';
import { day } from './format';

interface Coupon {
  code: string; description: string; journeyName: string | null; journeyId: string | null; createdAt: string;
  expiresAt: string | null; redeemedAt: string | null; redeemedOrderId: string | null; status: 'open' | 'redeemed' | 'expired';
}

const tones = { open: 'live', redeemed: 'info', expired: 'draft' } as const;

export function CustomerCoupons({ coupons }: { coupons: Coupon[] }) {
  const { t } = useTranslation('customers');
  const locale = useLocale();
  return (
    <Section title={t('coupons.title')}>
      {coupons.length === 0 ? <p className="text-sm text-slate-400">{t('coupons.none')}</p> : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="customer-coupons">
          {coupons.map((c) => (
            <li key={c.code} className="py-2">
              <div className="flex items-center justify-between gap-2">
                <span className="select-all font-mono text-xs font-semibold text-slate-800">{c.code}</span>
                <Badge tone={tones[c.status]}>{t(`coupons.status.${c.status}`)}</Badge>
              </div>
              <div className="text-slate-600">{c.description}</div>
              <div className="text-xs text-slate-400">
                {c.status === 'redeemed'
                  ? t('coupons.redeemed', { date: day(locale, c.redeemedAt), order: c.redeemedOrderId })
                  : t(c.status === 'expired' ? 'coupons.expired' : 'coupons.validUntil', { date: day(locale, c.expiresAt) })}
                {c.journeyName ? ` · ${t('coupons.from', { journey: c.journeyName })}` : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

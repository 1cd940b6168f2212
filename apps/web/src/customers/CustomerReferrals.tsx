// The customer's side of the referral programme: their code, who referred them, and the friends
// they brought, each pending, completed or refused (with the guard that refused it), so staff can
// answer "why did my friend's order not count?".
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Badge, ErrorNote } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { Section } from './CustomerPage';
import { day } from './format';

interface Referral { customerId: string; name: string; state: 'pending' | 'completed' | 'refused'; reason: string | null; recognisedAt: string }

const TONES = { pending: 'paused', completed: 'live', refused: 'error' } as const;

function ReferralLine({ referral }: { referral: Referral }) {
  const { t } = useTranslation('customers');
  const locale = useLocale();
  return (
    <li className="py-2">
      <div className="flex items-center justify-between gap-2">
        <Link to={`/customers/${encodeURIComponent(referral.customerId)}`} className="min-w-0 truncate text-slate-800 hover:underline" title={referral.customerId}>
          {referral.name || referral.customerId}
        </Link>
        <Badge tone={TONES[referral.state]} className="shrink-0">{t(`referrals.state.${referral.state}`)}</Badge>
      </div>
      <div className="text-xs text-slate-400">
        {referral.reason ? t(`referrals.reason.${referral.reason}`) : t('referrals.since', { date: day(locale, referral.recognisedAt) })}
      </div>
    </li>
  );
}

export function CustomerReferrals({ id }: { id: string }) {
  const trpc = useTRPC();
  const { t } = useTranslation('customers');
  const referrals = useQuery(trpc.customers.referrals.queryOptions({ id }));
  if (referrals.isError) return <Section title={t('referrals.title')}><ErrorNote error={referrals.error} /></Section>;
  if (!referrals.data) return null;
  const { code, referredBy, referred } = referrals.data;
  return (
    <Section title={t('referrals.title')} aside={code && <span className="font-mono text-xs text-slate-500" data-testid="referral-code">{code}</span>}>
      <div className="space-y-3 text-sm" data-testid="customer-referrals">
        {referredBy && (
          <div><div className="text-xs font-medium text-slate-500">{t('referrals.referredBy')}</div><ul><ReferralLine referral={referredBy} /></ul></div>
        )}
        {referred.length > 0 && (
          <div>
            <div className="text-xs font-medium text-slate-500">{t('referrals.brought')}</div>
            <ul className="divide-y divide-slate-100">{referred.map((r) => <ReferralLine key={r.customerId} referral={r} />)}</ul>
          </div>
        )}
        {!referredBy && referred.length === 0 && <p className="text-slate-400">{t(code ? 'referrals.none' : 'referrals.noCode')}</p>}
      </div>
    </Section>
  );
}

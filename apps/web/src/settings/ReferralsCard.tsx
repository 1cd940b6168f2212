// The referral programme: how long a referred friend's first order must stay unrefunded before
// the referral completes (both sides then get "Referral Completed"), and what became of the
// workspace's referrals, so staff see the self-referral and existing-customer guards at work.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/me';
import { useTRPC } from '../trpc';
import { Button, Spinner } from '../ui/kit';
import { fieldErrors } from './SettingsPage';
import { numberInputClass } from './SendingRulesCard';
import { useLeaveGuard } from '../app/router';
import { differs } from '../ui/unsaved';

const REASONS = ['self', 'same_email', 'same_address', 'existing_customer', 'order_refunded'] as const;

function ReferralStats() {
  const trpc = useTRPC();
  const { t } = useTranslation('settings');
  const stats = useQuery(trpc.referrals.stats.queryOptions());
  if (!stats.data) return null;
  const { pending, completed, refused } = stats.data;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3" data-testid="referral-stats">
      <div><dt className="text-slate-500">{t('referrals.pending')}</dt><dd className="font-semibold text-slate-900">{pending}</dd></div>
      <div><dt className="text-slate-500">{t('referrals.completed')}</dt><dd className="font-semibold text-slate-900">{completed}</dd></div>
      {REASONS.map((reason) => (
        <div key={reason}><dt className="text-slate-500">{t(`referrals.refused.${reason}`)}</dt><dd className="font-semibold text-slate-900">{refused[reason]}</dd></div>
      ))}
    </dl>
  );
}

export function ReferralsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  const current = useQuery(trpc.referrals.settings.queryOptions());
  const mayEdit = useCan()('referrals.saveSettings');
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    if (current.data && days === null) setDays(current.data.qualifyingDays);
  }, [current.data, days]);
  const save = useMutation(trpc.referrals.saveSettings.mutationOptions({
    onSuccess: (saved) => queryClient.setQueryData(trpc.referrals.settings.queryKey(), saved),
  }));
  // Leaving with edits not saved asks first (a setting changes live sending: never saved on its own).
  useLeaveGuard(differs(days, current.data?.qualifyingDays));
  if (days === null) return <Spinner />;
  const error = fieldErrors(save.error).qualifyingDays;

  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="referrals-settings">
      <h2 className="text-base font-semibold text-slate-900">{t('referrals.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('referrals.subtitle')}</p>
      <div className="mt-5 space-y-5">
        <div>
          <label className="text-sm font-medium text-slate-700" htmlFor="referral-days">{t('referrals.period')}</label>
          <div className="mt-2 flex flex-wrap items-center gap-2 pl-6 text-sm text-slate-600">
            <input id="referral-days" type="number" min={0} max={365} className={`${numberInputClass} w-24`} value={days}
              disabled={!mayEdit} onChange={(e) => { setDays(Number(e.target.value)); save.reset(); }} />
            {t('referrals.periodAfter', { count: days })}
          </div>
          <p className="mt-1 pl-6 text-xs text-slate-500">{t('referrals.periodHelp')}</p>
          {error && <p className="mt-1 pl-6 text-xs text-rose-600">{error}</p>}
        </div>
        <ReferralStats />
        <div className="flex items-center gap-3">
          {!mayEdit && <span className="text-xs text-slate-500">{t('referrals.readOnly')}</span>}
          {mayEdit && (
            <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate({ qualifyingDays: days })}>
              {t('referrals.save')}
            </Button>
          )}
          {save.isSuccess && <span className="text-xs text-emerald-600">{t('saved')}</span>}
          {save.isError && !error && <span className="text-xs text-rose-600">{save.error.message}</span>}
        </div>
      </div>
    </section>
  );
}

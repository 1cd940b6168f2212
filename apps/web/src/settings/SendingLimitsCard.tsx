// Sending limits, kept by owners and admins: the send rate (the mail provider's limit, a new
// domain's warm-up) and the addresses besides the workspace's users that may receive test
// emails. Everyone sees them; saving them is refused for anyone else, with the reason.
import type { SendingLimits } from '@afterglow/journey-core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/me';
import { useTRPC } from '../trpc';
import { Button, inputClass, Spinner } from '../ui/kit';
import { fieldErrors } from './SettingsPage';
import { numberInputClass } from './SendingRulesCard';
import { useLeaveGuard } from '../app/router';
import { differs } from '../ui/unsaved';

export function SendingLimitsCard() {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  const current = useQuery(trpc.sending.get.queryOptions());
  const mayEdit = can('settings.sendingLimits.save');
  const [limits, setLimits] = useState<SendingLimits | null>(null);
  const [adding, setAdding] = useState('');
  useEffect(() => {
    if (current.data && !limits) setLimits({ emailsPerMinute: current.data.emailsPerMinute, testRecipients: current.data.testRecipients });
  }, [current.data, limits]);
  const save = useMutation(trpc.settings.sendingLimits.save.mutationOptions({
    onSuccess: (saved) => {
      queryClient.setQueryData(trpc.sending.get.queryKey(), saved);
      setLimits({ emailsPerMinute: saved.emailsPerMinute, testRecipients: saved.testRecipients });
    },
  }));
  // Leaving with edits not saved asks first (a setting changes live sending: never saved on its own).
  useLeaveGuard(differs(limits, current.data && { emailsPerMinute: current.data.emailsPerMinute, testRecipients: current.data.testRecipients }));
  if (!limits) return <Spinner />;
  const errors = fieldErrors(save.error);
  const set = (next: SendingLimits) => { setLimits(next); save.reset(); };
  const add = () => {
    const address = adding.trim().toLowerCase();
    if (address && !limits.testRecipients.includes(address)) set({ ...limits, testRecipients: [...limits.testRecipients, address] });
    setAdding('');
  };
  const listError = errors.testRecipients ?? Object.entries(errors).find(([field]) => field.startsWith('testRecipients.'))?.[1];

  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="sending-limits">
      <h2 className="text-base font-semibold text-slate-900">{t('limits.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('limits.subtitle')}</p>
      <div className="mt-5 space-y-5">
        <div>
          <label className="text-sm font-medium text-slate-700" htmlFor="emails-per-minute">{t('limits.rate')}</label>
          <div className="mt-2 flex flex-wrap items-center gap-2 pl-6 text-sm text-slate-600">
            {t('limits.rateBefore', { count: limits.emailsPerMinute })}
            <input id="emails-per-minute" type="number" min={0} max={100000} className={`${numberInputClass} w-24`} value={limits.emailsPerMinute}
              onChange={(e) => set({ ...limits, emailsPerMinute: Number(e.target.value) })} />
            {t('limits.rateAfter', { count: limits.emailsPerMinute })}
          </div>
          <p className="mt-1 pl-6 text-xs text-slate-500">
            {t('limits.rateHelp')}
          </p>
          {errors.emailsPerMinute && <p className="mt-1 pl-6 text-xs text-rose-600">{errors.emailsPerMinute}</p>}
        </div>
        <div>
          <label className="text-sm font-medium text-slate-700" htmlFor="test-recipient">{t('limits.recipients')}</label>
          <p className="mt-1 pl-6 text-xs text-slate-500">
            {t('limits.recipientsHelp')}
          </p>
          <ul className="mt-2 space-y-1 pl-6" data-testid="test-recipients">
            {limits.testRecipients.map((address, index) => (
              <li key={address} className="flex items-center justify-between gap-2 rounded-lg bg-slate-50 px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-100">
                <span className={errors[`testRecipients.${index}`] ? 'text-rose-600' : ''}>{address}</span>
                <Button variant="ghost" icon="x" aria-label={t('limits.remove', { address })}
                  onClick={() => set({ ...limits, testRecipients: limits.testRecipients.filter((a) => a !== address) })} />
              </li>
            ))}
            {limits.testRecipients.length === 0 && <li className="text-sm text-slate-400">{t('limits.noRecipients')}</li>}
          </ul>
          <form className="mt-2 flex gap-2 pl-6" onSubmit={(e) => { e.preventDefault(); add(); }}>
            <input id="test-recipient" type="email" className={`${inputClass} max-w-xs`} placeholder={t('limits.recipientPlaceholder')} value={adding}
              onChange={(e) => setAdding(e.target.value)} />
            <Button type="submit" icon="plus" disabled={!adding.trim()}>{t('limits.add')}</Button>
          </form>
          {listError && <p className="mt-1 pl-6 text-xs text-rose-600">{listError}</p>}
        </div>
        <div className="flex items-center gap-3">
          {mayEdit
            ? <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate(limits)}>{t('limits.save')}</Button>
            : <span className="text-xs text-slate-500" data-testid="limits-read-only">{t('limits.readOnly')}</span>}
          {save.isSuccess && <span className="text-xs text-emerald-600">{t('saved')}</span>}
          {save.isError && Object.keys(errors).length === 0 && <span className="text-xs text-rose-600" role="alert">{save.error.message}</span>}
        </div>
      </div>
    </section>
  );
}

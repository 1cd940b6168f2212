// Sending rules for every journey: the frequency cap (the playbook's "once a week is
// enough"), quiet hours in each customer's own time zone, and whether machine opens
// (scanners, Apple MPP) count in the engagement figures. Marketers set these; the send
// rate is a limit the owner keeps (SendingLimitsCard).
import type { SendingRules } from '@afterglow/journey-core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { useCan } from '../app/me';
import { Button, Spinner } from '../ui/kit';
import { fieldErrors } from './SettingsPage';
import { useLeaveGuard } from '../app/router';
import { differs } from '../ui/unsaved';

export const numberInputClass = 'w-20 rounded-lg border border-slate-200 px-2 py-1 text-sm focus:border-violet-400 focus:outline-none focus:ring-2 focus:ring-violet-100';

export function SendingRulesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  const current = useQuery(trpc.sending.get.queryOptions());
  const mayEdit = useCan()('sending.save');
  const [rules, setRules] = useState<SendingRules | null>(null);
  useEffect(() => {
    if (current.data && !rules) setRules({ frequencyCap: current.data.frequencyCap, quietHours: current.data.quietHours, countMachineOpens: current.data.countMachineOpens });
  }, [current.data, rules]);
  const save = useMutation(trpc.sending.save.mutationOptions({
    onSuccess: (saved) => queryClient.setQueryData(trpc.sending.get.queryKey(), saved),
  }));
  // Leaving with edits not saved asks first (a setting changes live sending: never saved on its own).
  useLeaveGuard(differs(rules, current.data && { frequencyCap: current.data.frequencyCap, quietHours: current.data.quietHours, countMachineOpens: current.data.countMachineOpens }));
  if (!rules) return <Spinner />;
  const errors = fieldErrors(save.error);
  const cap = rules.frequencyCap;
  const quiet = rules.quietHours;
  const set = (next: SendingRules) => { setRules(next); save.reset(); };

  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="sending-rules">
      <h2 className="text-base font-semibold text-slate-900">{t('rules.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('rules.subtitle')}</p>
      <div className="mt-5 space-y-5">
        <div>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" checked={cap.enabled} onChange={(e) => set({ ...rules, frequencyCap: { ...cap, enabled: e.target.checked } })} />
            {t('rules.cap')}
          </label>
          <div className="mt-2 flex flex-wrap items-center gap-2 pl-6 text-sm text-slate-600">
            {t('rules.capBefore', { count: cap.maxEmails })}
            <input type="number" min={1} aria-label={t('rules.capEmails')} className={numberInputClass} value={cap.maxEmails} disabled={!cap.enabled}
              onChange={(e) => set({ ...rules, frequencyCap: { ...cap, maxEmails: Number(e.target.value) } })} />
            {t('rules.capMiddle', { count: cap.maxEmails })}
            <input type="number" min={1} aria-label={t('rules.capDays')} className={numberInputClass} value={cap.perDays} disabled={!cap.enabled}
              onChange={(e) => set({ ...rules, frequencyCap: { ...cap, perDays: Number(e.target.value) } })} />
            {t('rules.capAfter', { count: cap.perDays })}
          </div>
          {(errors['frequencyCap.maxEmails'] || errors['frequencyCap.perDays']) && (
            <p className="mt-1 pl-6 text-xs text-rose-600">{errors['frequencyCap.maxEmails'] ?? errors['frequencyCap.perDays']}</p>
          )}
        </div>
        <div>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" checked={quiet.enabled} onChange={(e) => set({ ...rules, quietHours: { ...quiet, enabled: e.target.checked } })} />
            {t('rules.quiet')}
          </label>
          <div className="mt-2 flex flex-wrap items-center gap-2 pl-6 text-sm text-slate-600">
            {t('rules.quietBefore')}
            <input type="number" min={0} max={23} aria-label={t('rules.quietFrom')} className={numberInputClass} value={quiet.startHour} disabled={!quiet.enabled}
              onChange={(e) => set({ ...rules, quietHours: { ...quiet, startHour: Number(e.target.value) } })} />
            {t('rules.quietMiddle')}
            <input type="number" min={0} max={23} aria-label={t('rules.quietUntil')} className={numberInputClass} value={quiet.endHour} disabled={!quiet.enabled}
              onChange={(e) => set({ ...rules, quietHours: { ...quiet, endHour: Number(e.target.value) } })} />
            {t('rules.quietAfter')}
          </div>
          {(errors['quietHours.startHour'] || errors['quietHours.endHour']) && (
            <p className="mt-1 pl-6 text-xs text-rose-600">{errors['quietHours.startHour'] ?? errors['quietHours.endHour']}</p>
          )}
        </div>
        <div>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" checked={rules.countMachineOpens} onChange={(e) => set({ ...rules, countMachineOpens: e.target.checked })} />
            {t('rules.machine')}
          </label>
          <p className="mt-1 pl-6 text-xs text-slate-500">
            {t('rules.machineHelp')}
          </p>
        </div>
        <div className="flex items-center gap-3">
          {!mayEdit && <span className="text-xs text-slate-500" data-testid="sending-read-only">{t('rules.readOnly')}</span>}
          {mayEdit && <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate(rules)}>{t('rules.save')}</Button>}
          {save.isSuccess && <span className="text-xs text-emerald-600">{t('saved')}</span>}
          {save.isError && Object.keys(errors).length === 0 && <span className="text-xs text-rose-600">{save.error.message}</span>}
        </div>
      </div>
    </section>
  );
}

// When soft bounces (a full mailbox, a block) suppress an address from marketing: after so many
// within so many days with no delivery in between (docs/email.md, "Bounces"). Admins set it, and
// the return-path domain: each email's own envelope sender there (VERP) ties any bounce to it.
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

type Policy = { softLimit: number; softWindowDays: number; returnPathDomain?: string | null };
// The schema's bounds (bounceSettingsSchema); the server refuses others naming the field.
const FIELDS = [{ name: 'softLimit', min: 2, max: 20 }, { name: 'softWindowDays', min: 1, max: 365 }] as const;
// The schema's domain rule, checked as one types; the server checks it again.
const EXAMPLE_DOMAIN = 'bounces.yourshop.com';
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function SoftBounceCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  const current = useQuery(trpc.bounces.settings.queryOptions());
  const mayEdit = useCan()('bounces.saveSettings');
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => { if (current.data && policy === null) setPolicy(current.data); }, [current.data, policy]);
  const save = useMutation(trpc.bounces.saveSettings.mutationOptions({
    // The field then shows the domain as stored (trimmed, lower-cased).
    onSuccess: (saved) => { queryClient.setQueryData(trpc.bounces.settings.queryKey(), saved); setPolicy(saved); },
  }));
  // Leaving with edits not saved asks first (a setting changes live sending: never saved on its own).
  useLeaveGuard(differs(policy, current.data));
  if (policy === null) return <Spinner />;
  const errors = fieldErrors(save.error);
  const domain = (policy.returnPathDomain ?? '').trim().toLowerCase();
  const domainError = domain && !DOMAIN.test(domain) ? t('bounces.returnPathInvalid') : errors.returnPathDomain;
  // The example address kept whole on one line: the hint is split around it.
  const example = `bounces+…@${domain && !domainError ? domain : EXAMPLE_DOMAIN}`;
  const hint = t('bounces.verpHint', { example: '\u0000' }).split('\u0000');
  const field = (name: 'softLimit' | 'softWindowDays', min: number, max: number) => (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {t(`bounces.${name}`)}
      <input type="number" min={min} max={max} className={`${numberInputClass} w-24`} value={policy[name]} disabled={!mayEdit}
        onChange={(e) => { setPolicy({ ...policy, [name]: Number(e.target.value) }); save.reset(); }} />
      {errors[name] && <span className="text-xs text-rose-600">{errors[name]}</span>}
    </label>
  );

  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="soft-bounces">
      <h2 className="text-base font-semibold text-slate-900">{t('bounces.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('bounces.subtitle')}</p>
      <div className="mt-5 flex flex-wrap items-start gap-4">
        {FIELDS.map((f) => <div key={f.name}>{field(f.name, f.min, f.max)}</div>)}
      </div>
      <label className="mt-5 flex max-w-md flex-col gap-1 text-sm font-medium text-slate-700">
        {t('bounces.returnPathDomain')}
        <input className={inputClass} value={policy.returnPathDomain ?? ''} disabled={!mayEdit} placeholder={EXAMPLE_DOMAIN}
          aria-invalid={Boolean(domainError)} data-testid="return-path-domain"
          onChange={(e) => { setPolicy({ ...policy, returnPathDomain: e.target.value }); save.reset(); }} />
        {domainError && <span className="text-xs font-normal text-rose-600" role="alert">{domainError}</span>}
      </label>
      <p className="mt-1.5 max-w-2xl text-xs text-slate-500" data-testid="verp-hint">
        {hint[0]}<code className="whitespace-nowrap">{example}</code>{hint[1]}
      </p>
      <div className="mt-4 flex items-center gap-3">
        {mayEdit && (
          <Button variant="primary" disabled={save.isPending || Boolean(domain && !DOMAIN.test(domain))}
            onClick={() => save.mutate({ ...policy, returnPathDomain: domain || null })}>{t('bounces.save')}</Button>
        )}
        {save.isSuccess && <span className="text-xs text-emerald-600">{t('bounces.saved')}</span>}
      </div>
    </section>
  );
}

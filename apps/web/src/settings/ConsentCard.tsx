// Consent and suppressions: how many customers unsubscribed, which addresses bounced hard
// (and are never emailed again), and the latest opt-ins and opt-outs from the consent
// ledger. A suppression that was a mistake can be lifted by an editor.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatNumber } from '@afterglow/i18n';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Badge, Button, inputClass, relativeTime, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { useSuppressionWhy } from './suppression-why';
import { SuppressionReport } from './SuppressionReport';

// Why an address is suppressed and where a consent change came from: catalogue keys by code
// (consent.reason.hard_bounce, consent.source.one_click); an unknown code shows as it is.

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  const locale = useLocale();
  return (
    <div className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-100">
      <div className="text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>{formatNumber(locale, value)}</div>
      <div className="text-xs text-slate-500">{label}</div>
    </div>
  );
}

export function ConsentCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  const locale = useLocale(); // relative times follow a language switch
  const why = useSuppressionWhy();
  const [search, setSearch] = useState('');
  const overview = useQuery({ ...trpc.compliance.overview.queryOptions({ search }), placeholderData: keepPreviousData });
  const lift = useMutation(trpc.compliance.unsuppress.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.compliance.overview.pathKey() }),
  }));
  const data = overview.data;

  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="consent-card">
      <h2 className="text-base font-semibold text-slate-900">{t('consent.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('consent.subtitle', { path: '/webhooks/bounces' })}</p>
      {!data && <Spinner />}
      {data && (
        <>
          <div className="mt-5 grid grid-cols-2 gap-3">
            <div className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-100">
              <div className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="consent-without">{formatNumber(locale, data.withoutConsent)}</div>
              <div className="text-xs text-slate-500">{t('consent.withoutConsent', { count: data.withoutConsent })}</div>
              {/* Which of them the ledger below saw opt out, so the two never seem to disagree. */}
              {data.withoutConsent > 0 && (
                <div className="mt-1 text-xs text-slate-400" data-testid="consent-split">
                  {t('consent.unsubscribedHere', { count: data.unsubscribed })} · {t('consent.cameWithout', { count: data.withoutConsent - data.unsubscribed })}
                </div>
              )}
            </div>
            <Stat label={t('consent.suppressedCount', { count: data.suppressed })} value={data.suppressed} testId="consent-suppressed" />
          </div>
          <div className="mt-6 flex items-center justify-between gap-4">
            <h3 className="text-sm font-semibold text-slate-800">{t('consent.suppressed')}</h3>
            <input className={`${inputClass} max-w-xs`} placeholder={t('consent.find')} aria-label={t('consent.findLabel')}
              value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          {data.suppressions.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500">{search ? t('consent.noMatch') : t('consent.noneBounced')}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100" data-testid="suppressions">
              {data.suppressions.map((s) => (
                <li key={s.address} className="flex items-start gap-3 py-2.5 text-sm">
                  <div className="min-w-0 flex-1">
                    <div className="truncate font-medium text-slate-800">{s.address}</div>
                    {/* The why wraps (Cyrillic runs long); a bare server detail is cut, whole in its tooltip. */}
                    <div className={`${s.facts ? '' : 'truncate '}text-xs text-slate-500`} title={s.detail}>{s.facts ? why(s) : s.detail || '—'}</div>
                    {s.report && <SuppressionReport report={s.report} />}
                  </div>
                  <Badge tone="error">{t(`consent.reason.${s.reason}`, { defaultValue: s.reason })}</Badge>
                  <span className="w-24 text-right text-xs text-slate-500">{relativeTime(s.createdAt)}</span>
                  <Button variant="ghost" disabled={lift.isPending} onClick={() => lift.mutate({ address: s.address })}
                    title={t('consent.liftHelp')}>{t('consent.lift')}</Button>
                </li>
              ))}
            </ul>
          )}
          {lift.error && <p className="mt-2 text-xs text-rose-600" role="alert">{lift.error.message}</p>}
          <h3 className="mt-6 text-sm font-semibold text-slate-800">{t('consent.latest')}</h3>
          {data.ledger.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500">{t('consent.noChanges')}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100" data-testid="consent-ledger">
              {data.ledger.map((l, i) => (
                <li key={i} className="flex items-center gap-3 py-2 text-sm">
                  <Badge tone={l.action === 'opt_in' ? 'live' : 'paused'}>{l.action === 'opt_in' ? t('consent.optedIn') : t('consent.optedOut')}</Badge>
                  <span className="min-w-0 flex-1 truncate text-slate-700">
                    <span className="font-medium">{l.email ?? l.customerId}</span>
                    {' '}{l.topicLabel ? t('consent.fromTopic', { topic: l.topicLabel }) : t('consent.fromMarketing')}
                    <span className="text-slate-500"> {t('consent.via', { source: t(`consent.source.${l.source}`, { defaultValue: l.source }) })}</span>
                  </span>
                  <span className="text-xs text-slate-500">{relativeTime(l.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

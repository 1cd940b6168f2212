// One customer: profile, loyalty, predicted next purchases, orders with items, recent events,
// journeys, segments, and their data rights (download, erase) for the roles allowed.
import { formatNumber } from '@afterglow/i18n';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { Badge, Card, ErrorNote, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { CustomerActivity } from './CustomerActivity';
import { CustomerCoupons } from './CustomerCoupons';
import { CustomerDataRights } from './CustomerDataRights';
import { CustomerLanguage } from './CustomerLanguage';
import { CustomerPoints } from './CustomerPoints';
import { CustomerRedeemReward } from './CustomerRedeemReward';
import { CustomerReferrals } from './CustomerReferrals';
import { CustomerReplenishment } from './CustomerReplenishment';
import { CustomerReviews } from './CustomerReviews';
import { CustomerTags } from './CustomerTags';
import { CustomerTier } from './CustomerTier';
import { calendarDay, day, moment, money } from './format';
import type { ShownReport } from '../settings/SuppressionReport';
import type { SuppressionReasonFacts } from '../settings/suppression-why';
import { CustomerSuppression } from './CustomerSuppression';

export function CustomerPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const customer = useQuery({ ...trpc.customers.get.queryOptions({ id }), refetchInterval: 5000 });
  const { t } = useTranslation('customers');
  const locale = useLocale();
  if (customer.isPending) return <Spinner />;
  if (customer.isError) return <ErrorNote error={customer.error} />;
  const { profile, loyalty, segments, consent, orderStats } = customer.data;
  const fullName = [profile.firstName, profile.lastName].filter(Boolean).join(' ') || t('unnamed');
  const currency = customer.data.orders[0]?.currency;
  return (
    <div className="mx-auto max-w-6xl p-8">
      <div className="mb-4 flex items-center justify-between gap-4">
        <Link to="/customers" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"><Icon name="arrowLeft" /> {t('back')}</Link>
        <CustomerDataRights id={profile.id} name={fullName} />
      </div>
      <div className="mb-6 flex items-center gap-4">
        <div className="flex h-14 w-14 items-center justify-center rounded-full bg-gradient-to-br from-violet-500 to-fuchsia-400 text-lg font-semibold text-white">
          {(profile.firstName?.[0] ?? '') + (profile.lastName?.[0] ?? '') || '?'}
        </div>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{fullName}</h1>
          <p className="text-sm text-slate-500">{profile.email ?? t('noEmail')} · <span className="font-mono text-xs">{profile.id}</span></p>
        </div>
        <div className="ml-auto flex gap-8 text-right">
          <Fact label={t('fact.orders')} value={formatNumber(locale, orderStats.orderCount)} />
          <Fact label={t('fact.totalSpent')} value={currency ? money(locale, orderStats.totalSpent, currency) : formatNumber(locale, orderStats.totalSpent, { maximumFractionDigits: 2 })} />
          <Fact label={t('fact.lastOrder')} value={day(locale, orderStats.lastOrderAt)} />
        </div>
        <div className="text-right">
          <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('fact.points')}</div>
          <div className="text-3xl font-semibold tabular-nums text-violet-700" data-testid="loyalty-balance">{formatNumber(locale, loyalty.balance)}</div>
          <CustomerTier tier={loyalty.tier} currency={currency} />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[320px_minmax(0,1fr)]">
        <div className="space-y-6">
          <Section title={t('profile.title')}>
            <dl className="space-y-2 text-sm">
              <div><dt className="text-slate-500">{t('profile.language')}</dt><dd className="mt-1"><CustomerLanguage id={profile.id} locale={profile.locale} /></dd></div>
              <CustomerTags tags={profile.tags} />
              <Row label={t('profile.timezone')}>{profile.timezone}</Row>
              <Row label={t('profile.birthday')}>{calendarDay(locale, profile.birthday)}</Row>
              <Row label={t('profile.since')}>{day(locale, profile.createdAt)}</Row>
              {Object.entries(profile.attributes ?? {}).map(([k, v]) => <Row key={k} label={k}>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</Row>)}
            </dl>
          </Section>
          <ConsentSection consent={consent} id={profile.id} email={profile.email} />
          <Section title={t('segments.title')}>
            {segments.length === 0 ? <p className="text-sm text-slate-400">{t('segments.none')}</p> : (
              <ul className="space-y-2 text-sm" data-testid="customer-segments">
                {segments.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-3">
                    <Link to={`/segments/${s.id}`} title={s.name} className="flex min-w-0"><Badge tone="info" className="min-w-0"><span className="truncate">{s.name}</span></Badge></Link>
                    <span className="shrink-0 whitespace-nowrap text-xs text-slate-400">{s.since ? t('segments.since', { date: day(locale, s.since) }) : t('segments.justNow')}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <CustomerReplenishment id={profile.id} />
          <CustomerPoints ledger={loyalty.ledger} aside={<CustomerRedeemReward customerId={profile.id} balance={loyalty.balance} />} />
          <CustomerCoupons coupons={customer.data.coupons} />
          <CustomerReviews id={profile.id} />
          <CustomerReferrals id={profile.id} />
        </div>
        <CustomerActivity data={customer.data} />
      </div>
    </div>
  );
}

export function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <Card className="p-5">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-x-3 gap-y-1"><h2 className="text-sm font-semibold text-slate-900">{title}</h2>{aside}</div>
      {children}
    </Card>
  );
}

type Consent = { marketing: boolean; suppressed: (SuppressionReasonFacts & { since: string; report: ShownReport | null }) | null; topicsOff: string[];
  history: { action: string; topic: string | null; source: string; at: string }[] };

/** Points granted read +50, points spent −20. */

/** Suppression reasons with words of their own (`suppression.<reason>`); others show as stored. */
const SUPPRESSION_REASONS = ['hard_bounce', 'soft_bounce', 'complaint', 'manual', 'erased'];

function ConsentSection({ consent, id, email }: { consent: Consent; id: string; email: string | null }) {
  const { t } = useTranslation('customers');
  const locale = useLocale();
  const blocked = !consent.marketing || consent.suppressed;
  const reason = consent.suppressed?.reason ?? '';
  return (
    <Section title={t('consent.title')} aside={<Badge tone={blocked ? 'error' : 'live'}>{blocked ? t('consent.blocked') : t('consent.allowed')}</Badge>}>
      <dl className="space-y-2 text-sm">
        <Row label={t('consent.marketing')}>{consent.marketing ? t('consent.optedIn') : t('consent.optedOut')}</Row>
        {consent.suppressed && <Row label={t('consent.suppressed')}>{SUPPRESSION_REASONS.includes(reason) ? t(`suppression.${reason}`) : reason}</Row>}
        {consent.suppressed && <CustomerSuppression id={id} email={email} suppressed={consent.suppressed} />}
        {consent.topicsOff.length > 0 && <Row label={t('consent.topicsOff')}>{consent.topicsOff.join(', ')}</Row>}
      </dl>
      {consent.history.length > 0 && (
        <ul className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-xs text-slate-500">
          {consent.history.slice(0, 3).map((h, i) => {
            const values = { topic: h.topic, source: h.source.replace(/_/g, ' '), date: moment(locale, h.at) };
            const optIn = h.action === 'opt_in';
            return <li key={i}>{h.topic ? t(optIn ? 'consent.historyInTopic' : 'consent.historyOutTopic', values) : t(optIn ? 'consent.historyIn' : 'consent.historyOut', values)}</li>;
          })}
        </ul>
      )}
    </Section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 text-lg font-semibold tabular-nums text-slate-800">{value}</div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return <div className="flex justify-between gap-4"><dt className="text-slate-500">{label}</dt><dd className="truncate text-right text-slate-800">{children}</dd></div>;
}

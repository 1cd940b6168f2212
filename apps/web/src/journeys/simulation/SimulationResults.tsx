// A finished simulation: what it replayed, entries and emails per day, where runs are at the end,
// the frequency cap and quiet hours in words, the effects it would have issued, and sample emails.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/locale';
import { useSummaryNames } from '../editor/stepNames';
import { count } from '../report/format';
import { SampleEmails } from './SampleEmails';
import { SendPolicyWords } from './SendPolicyWords';
import { SimulationCharts } from './SimulationCharts';
import type { SimulationResult } from './types';

/** End statuses and effect services with words of their own; others show as stored. */
const STATUSES = ['active', 'waiting', 'completed', 'exited', 'failed'];
const SERVICES = ['webhook', 'sms'];

export function SimulationResults({ result }: { result: SimulationResult }) {
  const { t } = useTranslation('simulation');
  const locale = useLocale();
  const names = useSummaryNames();
  const step = (id: string) => names.step?.(id) ?? t('removedStep');
  const n = (v: number) => count(locale, v);
  const e = result.effects;
  const effects = [
    { key: 'coupons', value: e.coupons }, { key: 'points', value: e.points, grants: e.pointsGrants },
    { key: 'staffAlerts', value: e.staffAlerts }, { key: 'profileUpdates', value: e.profileUpdates },
  ].filter((x) => x.value > 0);
  return (
    <div className="space-y-6 p-5" data-testid="simulation-results">
      <div className="grid grid-cols-3 gap-3">
        <Tile label={t('tile.entries')} value={n(result.entries.total)} testId="simulation-entries" />
        <Tile label={t('tile.emails')} value={n(result.emails.total)} testId="simulation-emails" />
        <Tile label={t('tile.events')} value={n(result.events.replayed)} testId="simulation-events" />
      </div>
      {result.entries.total === 0 && <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-600" data-testid="simulation-no-entries">{t('empty.entries', { events: n(result.events.read) })}</p>}
      <SimulationCharts result={result} />
      <Section title={t('section.ends')}>
        {result.endPositions.length === 0 ? <Empty text={t('empty.ends')} /> : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="simulation-ends">
            {result.endPositions.map((p) => (
              <li key={`${p.status}${p.nodeId}`} className="flex items-center gap-3 py-1.5">
                <span className="min-w-0 flex-1 truncate text-slate-800">{step(p.nodeId)}</span>
                <span className="text-xs text-slate-500">{STATUSES.includes(p.status) ? t(`status.${p.status}`) : p.status}</span>
                <b className="w-16 text-right tabular-nums">{n(p.n)}</b>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('section.sending')}><SendPolicyWords policy={result.sendPolicy} /></Section>
      <Section title={t('section.effects')}>
        {effects.length === 0 && e.services.length === 0 ? <Empty text={t('empty.effects')} /> : (
          <ul className="space-y-1 text-sm text-slate-700" data-testid="simulation-effects">
            {effects.map((x) => <li key={x.key}>{t(`effect.${x.key}`, { count: x.value, n: n(x.value), grants: n(x.grants ?? 0) })}</li>)}
            {e.services.map((s) => (
              <li key={s.serviceId}>{SERVICES.includes(s.serviceId)
                ? t(`effect.${s.serviceId}`, { count: s.n, n: n(s.n) }) : t('effect.service', { count: s.n, n: n(s.n), service: s.serviceId })}</li>
            ))}
          </ul>
        )}
      </Section>
      {result.exits.length > 0 && (
        <Section title={t('section.exits')}>
          <ul className="space-y-1 text-sm text-slate-700">
            {result.exits.map((x) => <li key={x.reason} className="flex gap-3"><span className="flex-1">{x.reason}</span><b className="tabular-nums">{n(x.n)}</b></li>)}
          </ul>
        </Section>
      )}
      <Section title={t('section.samples')}><SampleEmails samples={result.samples} /></Section>
    </div>
  );
}

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg bg-violet-50/70 p-3 ring-1 ring-violet-100">
      <div className="text-xl font-semibold tabular-nums text-slate-900" data-testid={testId}>{value}</div>
      <div className="text-xs text-slate-500">{label}</div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return <section><h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>{children}</section>;
}

const Empty = ({ text }: { text: string }) => <p className="text-sm text-slate-400">{text}</p>;

// One step of a run's timeline: when, what happened (went on, waits, failed…), the branch it
// took, the facts the engine recorded, and the effects the step had (email, coupon, points).
import type { JourneyGraph } from '@afterglow/journey-core';
import { formatNumber } from '@afterglow/i18n';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { formatDate } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { branchLabel } from './names';
import type { Timeline } from './RunTimelineDialog';

type Step = Timeline['steps'][number];
/** Outcomes with words of their own (`outcome.<o>`). */
const OUTCOMES = ['next', 'sleep', 'resume', 'exit', 'end', 'error', 'retry', 'goal', 'defer', 'moved'];

/** The i-th time a run went on from a step holds the step's i-th effect of each kind (a loop makes several). */
function effectsOf<T extends { nodeId: string }>(effects: T[], steps: Step[], step: Step): T[] {
  const passes = steps.filter((s) => s.nodeId === step.nodeId && s.outcome === 'next');
  const i = passes.indexOf(step);
  if (i < 0) return [];
  const mine = effects.filter((e) => e.nodeId === step.nodeId);
  return i === passes.length - 1 ? mine.slice(i) : mine.slice(i, i + 1);
}

export function TimelineStep({ step, graph, name, data }: { step: Step; graph: JourneyGraph; name: string; data: Timeline }) {
  const { t } = useTranslation('runs');
  const locale = useLocale();
  const detail = step.detail ?? {};
  const facts: string[] = [];
  if (typeof detail.until === 'string') facts.push(t('fact.until', { date: formatDate(detail.until) }));
  if (typeof detail.reason === 'string') facts.push(t('fact.reason', { reason: detail.reason }));
  if (typeof detail.error === 'string') facts.push(t('fact.error', { error: detail.error }));
  if (detail.held_out === true) facts.push(t('fact.heldOut'));
  if (typeof detail.email === 'string' && detail.email !== 'queued') facts.push(t('fact.email', { what: detail.email }));
  if (typeof detail.alert === 'string') facts.push(t('fact.alert', { what: detail.alert }));
  const emails = effectsOf(data.emails, data.steps, step);
  const coupons = effectsOf(data.coupons, data.steps, step);
  const points = effectsOf(data.points, data.steps, step);
  const failed = step.outcome === 'error' || step.outcome === 'retry';
  const branch = step.branch && branchLabel(graph, step.nodeId, step.branch, locale);
  return (
    <li className="relative text-sm" data-testid="timeline-step">
      <span className={`absolute -left-[26px] top-1.5 h-2.5 w-2.5 rounded-full ring-2 ring-white ${failed ? 'bg-rose-500' : 'bg-violet-500'}`} />
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium text-slate-900">{name}</span>
        <span className={failed ? 'text-rose-700' : 'text-slate-500'}>{OUTCOMES.includes(step.outcome) ? t(`outcome.${step.outcome}`) : step.outcome}</span>
        {branch && <span className="rounded bg-sky-50 px-1.5 text-xs text-sky-800 ring-1 ring-sky-200">{t('branch', { branch })}</span>}
        <span className="ml-auto text-xs text-slate-400">{formatDate(step.at)}</span>
      </div>
      {facts.map((f) => <p key={f} className="text-xs text-slate-500">{f}</p>)}
      {emails.map((e, k) => (
        <p key={`e${k}`} className="text-xs text-slate-600" data-testid="timeline-email">
          {t('effect.email', { subject: e.subject ?? '—', status: t(`emailStatus.${e.status}`, { defaultValue: e.status }) })}
          {e.mailboxId && <> · <Link to={`/outbox/${e.mailboxId}`} className="text-violet-700 hover:underline">{t('effect.openEmail')}</Link></>}
        </p>
      ))}
      {coupons.map((c) => (
        <p key={c.code} className="text-xs text-slate-600">
          {t('effect.coupon', { code: c.code })}{c.redeemedAt && ` · ${t('effect.redeemed', { date: formatDate(c.redeemedAt) })}`}
        </p>
      ))}
      {points.map((p, k) => <p key={`p${k}`} className="text-xs text-slate-600">{t('effect.points', { count: p.points, points: formatNumber(locale, p.points) })}</p>)}
    </li>
  );
}

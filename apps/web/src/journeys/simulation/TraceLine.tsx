// One line of a followed customer's path: when, which step, what happened (entered, a wait and
// what ended it, a branch and the facts that decided it, an email rendered, an effect, the end).
import type { JourneyGraph } from '@afterglow/journey-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { useSummaryNames } from '../editor/stepNames';
import { branchLabel } from '../runs/names';
import { effectWords, enteredWords, factsOf } from './traceWords';
import type { TraceEntry } from './types';

const OUTCOMES = ['next', 'sleep', 'resume', 'exit', 'end', 'error', 'retry', 'goal', 'defer'];
const STATUSES = ['active', 'waiting', 'completed', 'exited', 'failed'];

export function TraceLine({ entry, graph }: { entry: TraceEntry; graph: JourneyGraph }) {
  const { t } = useTranslation('simulation');
  const locale = useLocale();
  const names = useSummaryNames();
  const [open, setOpen] = useState(false);
  const detail = entry.detail ?? {};
  const step = entry.nodeId ? names.step?.(entry.nodeId) ?? t('removedStep') : null;
  const event = typeof detail.event === 'string' ? detail.event : '';
  const branch = entry.kind === 'step' && entry.branch && entry.nodeId ? branchLabel(graph, entry.nodeId, entry.branch, locale) : null;
  const what = entry.kind === 'step' ? (OUTCOMES.includes(entry.outcome ?? '') ? t(`runs:outcome.${entry.outcome}`) : entry.outcome ?? '')
    : entry.kind === 'end' ? t('trace.end', { status: STATUSES.includes(entry.outcome ?? '') ? t(`status.${entry.outcome}`) : entry.outcome ?? '' })
    : entry.kind === 'effect' ? effectWords(t, detail)
    : entry.kind === 'entered' && !event ? enteredWords(t, detail)
    : t(`trace.${entry.kind}`, { event });
  const facts = entry.kind === 'step' || entry.kind === 'end' ? factsOf(t, detail) : [];
  const email = entry.email;
  return (
    <li className="relative text-sm" data-testid={`trace-${entry.kind}`}>
      <span className={`absolute -left-[27px] top-1.5 h-2.5 w-2.5 rounded-full ring-2 ring-white ${entry.outcome === 'error' ? 'bg-rose-500' : entry.kind === 'step' ? 'bg-violet-500' : 'bg-sky-500'}`} />
      <div className="flex flex-wrap items-baseline gap-x-2">
        {step && entry.kind !== 'effect' && <span className="font-medium text-slate-900">{step}</span>}
        <span className="text-slate-600">{what}</span>
        {branch && <span className="rounded bg-sky-50 px-1.5 text-xs text-sky-800 ring-1 ring-sky-200">{t('runs:branch', { branch })}</span>}
        <span className="ml-auto text-xs text-slate-400">{formatDate(entry.at)}</span>
      </div>
      {facts.map((f) => <p key={f} className="break-words text-xs text-slate-500">{f}</p>)}
      {email && (email.error ? <p className="text-xs text-rose-700">{t('sample.error', { error: email.error })}</p> : (
        <div className="mt-1">
          <button type="button" onClick={() => setOpen((v) => !v)} aria-expanded={open} className="text-xs font-medium text-violet-700 hover:underline">
            {t(open ? 'trace.hideEmail' : 'trace.showEmail', { subject: email.subject })}
          </button>
          {open && <iframe title={t('sample.frame')} sandbox="" srcDoc={email.html} className="mt-1 h-72 w-full rounded-lg bg-white ring-1 ring-slate-200" />}
        </div>
      ))}
    </li>
  );
}

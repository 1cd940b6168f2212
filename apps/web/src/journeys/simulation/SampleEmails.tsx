// A few emails the simulation rendered, each in its customer's language, shown one at a time in a
// sandboxed frame (no scripts, no requests on its behalf), as the template preview shows them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/kit';
import { useSummaryNames } from '../editor/stepNames';
import type { SimulationResult } from './types';

export function SampleEmails({ samples }: { samples: SimulationResult['samples'] }) {
  const { t } = useTranslation('simulation');
  const names = useSummaryNames();
  const [open, setOpen] = useState(0);
  if (samples.length === 0) return <p className="text-sm text-slate-400">{t('empty.samples')}</p>;
  const shown = samples[Math.min(open, samples.length - 1)];
  return (
    <div data-testid="simulation-samples">
      <div className="mb-2 flex flex-wrap gap-1.5">
        {samples.map((s, i) => (
          <button key={`${s.customerId}${s.nodeId}${s.at}`} type="button" onClick={() => setOpen(i)} aria-pressed={i === open}
            className={`rounded-md px-2 py-1 text-xs ring-1 ring-inset ${i === open ? 'bg-violet-50 text-violet-800 ring-violet-300' : 'text-slate-600 ring-slate-200 hover:bg-slate-50'}`}>
            {t('sample.tab', { customer: s.customerId, locale: s.locale ?? '—' })}
          </button>
        ))}
      </div>
      <p className="mb-1 text-xs text-slate-500">{t('sample.meta', { step: names.step?.(shown.nodeId) ?? t('removedStep'), date: formatDate(shown.at) })}</p>
      {shown.error ? <p className="rounded-lg bg-rose-50 p-3 text-sm text-rose-700" role="alert">{t('sample.error', { error: shown.error })}</p> : (
        <>
          <p className="mb-2 text-sm font-medium text-slate-900" data-testid="simulation-sample-subject">{shown.subject}</p>
          <iframe title={t('sample.frame')} sandbox="" srcDoc={shown.html} className="h-80 w-full rounded-lg bg-white ring-1 ring-slate-200" />
        </>
      )}
    </div>
  );
}

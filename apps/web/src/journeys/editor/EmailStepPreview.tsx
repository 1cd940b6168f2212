// Under a Send email step's form: the email as one real customer gets it (the demo's first
// customer unless another is picked, in that customer's language), its merge-field problems
// and the fields empty for that customer, and a test send through the template editor's own
// dialog (the same approved recipients and rate limit on the server).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { languageName } from '../../templates/LanguageTabs';
import { SendTestDialog } from '../../templates/SendTestDialog';
import { Button, inputClass } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import type { EmailStepPreviewState } from './useEmailStepPreview';

/** The procedure a test send calls: offered to those who may call it. */
const SEND_TEST = 'templates.sendTest';

export function EmailStepPreview({ state }: { state: EmailStepPreviewState }) {
  const { t } = useTranslation('send-step');
  const uiLocale = useLocale();
  const can = useCan();
  const [testing, setTesting] = useState(false);
  const { templateId, customers, customerId, setCustomerId, content, preview } = state;
  const result = preview.data;
  const email = result?.ok ? result.email : null;
  const issues = preview.isError ? [{ field: 'template', message: preview.error.message }] : result?.issues ?? [];
  const gaps = result?.ok ? result.gaps : [];
  const options = customers.data ?? [];
  const customer = options.find((c) => c.id === customerId);
  return (
    <section className="mt-6 border-t border-slate-200 pt-5" data-testid="step-preview" aria-label={t('title')}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{t('title')}</h3>
        {result?.locale && <span className="text-xs text-slate-400" data-testid="step-preview-locale">{languageName(result.locale, uiLocale)}</span>}
      </div>
      <label className="mt-2 block text-xs font-semibold text-slate-500">{t('as')}
        <select className={`${inputClass} mt-1 py-1 text-xs font-normal`} value={customerId} onChange={(e) => setCustomerId(e.target.value)}
          disabled={!customers.data} data-testid="step-preview-customer">
          {customerId && !customer && <option value={customerId}>{customerId}</option>}
          {options.map((c) => <option key={c.id} value={c.id}>{c.name || c.id} · {c.email}</option>)}
        </select>
      </label>
      <ul className="mt-3 space-y-1.5" data-testid="step-preview-problems">
        {issues.map((i) => (
          <li key={`${i.field}:${i.message}`} role="alert" className="rounded-md bg-rose-50 px-2.5 py-1.5 text-xs text-rose-700 ring-1 ring-rose-200">
            {t(`field.${i.field === 'subject' || i.field === 'body' ? i.field : 'template'}`)}: {i.message}
          </li>
        ))}
        {gaps.map((g) => (
          <li key={g.path} className="rounded-md bg-amber-50 px-2.5 py-1.5 text-xs text-amber-800 ring-1 ring-amber-200">
            {t('gap', { field: t(`field.${g.field}`), line: g.line, path: g.path, name: customer?.name || customerId })}
          </li>
        ))}
        {result && issues.length === 0 && gaps.length === 0 && <li className="text-xs text-emerald-700">{t('clean')}</li>}
      </ul>
      <div className="mt-3 rounded-lg bg-slate-100 p-2">
        <div className="truncate px-1 pb-2 text-xs font-semibold text-slate-800" data-testid="step-preview-subject">{email?.subject ?? ' '}</div>
        {email
          ? <iframe title={t('frame')} sandbox="" srcDoc={email.html} data-testid="step-preview-frame" className={`h-96 w-full rounded bg-white ${preview.isFetching ? 'opacity-60' : ''}`} />
          : <div className="p-4 text-center text-xs text-slate-500">{preview.isError || result?.ok === false ? t('failed') : t('rendering')}</div>}
      </div>
      {can(SEND_TEST) && (
        <Button icon="mail" className="mt-3 w-full" disabled={!email || !content || !result?.locale} onClick={() => setTesting(true)}>{t('sendTest')}</Button>
      )}
      {testing && content && result?.locale && (
        <SendTestDialog onClose={() => setTesting(false)}
          request={{ ...content, templateId: templateId || null, customerId, locale: result.locale }} />
      )}
    </section>
  );
}

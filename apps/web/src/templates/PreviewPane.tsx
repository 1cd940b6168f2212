// Live preview: the template rendered on the server with a chosen customer's real data, in the
// language of the editor's tab (Serbian in the script picked here: the one text serves both),
// shown in a fully sandboxed iframe (no scripts, no same-origin) at desktop or phone width.
import type { Locale } from '@afterglow/i18n';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { inputClass } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { useDebounced } from '../ui/useDebounced';
import type { SerbianLocale } from './draft';
import { languageName } from './LanguageTabs';

interface PreviewCustomer { id: string; name: string; email: string; lastOrderAt: string | null }

export interface PreviewEmail { subject: string; html: string }

const widths = { desktop: 680, mobile: 375 } as const;

const SCRIPTS: readonly SerbianLocale[] = ['sr-Cyrl', 'sr-Latn'];
const pill = (on: boolean) => `rounded-md px-2.5 py-1 text-xs font-medium ${on ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-500 hover:text-slate-800'}`;

export function PreviewPane({ customerId, onCustomer, email, preheader, updating, failed, serbian, shownLocale }: {
  customerId: string; onCustomer(id: string): void; email: PreviewEmail | null; preheader: string; updating: boolean; failed: boolean;
  /** On the Serbian tab: the script shown, and the toggle between the two. */
  serbian: { script: SerbianLocale; onScript(script: SerbianLocale): void } | null;
  /** The locale the preview is in (the main text when the tab's language has no variant). */
  shownLocale: Locale | null;
}) {
  const trpc = useTRPC();
  const { t } = useTranslation('templates');
  const uiLocale = useLocale();
  const [search, setSearch] = useState('');
  const customers = useQuery({ ...trpc.templates.previewCustomers.queryOptions({ search: useDebounced(search.trim(), 300) }), placeholderData: keepPreviousData });
  const [device, setDevice] = useState<keyof typeof widths>('desktop');
  // Every customer seen so far: the chosen one stays in the list when a search leaves it out.
  const seen = useRef(new Map<string, PreviewCustomer>());
  for (const c of customers.data ?? []) seen.current.set(c.id, c);
  const chosen = seen.current.get(customerId);
  const options = customers.data && chosen && !customers.data.some((c) => c.id === customerId) ? [chosen, ...customers.data] : customers.data;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2.5">
        <label htmlFor="preview-customer" className="text-xs font-semibold text-slate-500">{t('preview.as')}</label>
        <select id="preview-customer" className={`${inputClass} min-w-[10rem] max-w-[240px] flex-1 py-1 text-xs`} value={customerId}
          onChange={(e) => onCustomer(e.target.value)} disabled={!options}>
          {!options && <option value="">{t('preview.loadingCustomers')}</option>}
          {options?.map((c) => <option key={c.id} value={c.id}>{c.name || c.id} · {c.email}</option>)}
        </select>
        <div className="w-36 shrink-0">
          <input type="search" aria-label={t('preview.find')} placeholder={t('preview.findPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)}
            className={`${inputClass} py-1 text-xs`} />
        </div>
        {serbian && (
          <div className="flex rounded-lg bg-slate-100 p-0.5" role="group" aria-label={t('preview.script')} data-testid="preview-script">
            {SCRIPTS.map((s) => (
              <button key={s} type="button" aria-pressed={serbian.script === s} onClick={() => serbian.onScript(s)} className={pill(serbian.script === s)}>
                {t(s === 'sr-Cyrl' ? 'preview.cyrillic' : 'preview.latin')}
              </button>
            ))}
          </div>
        )}
        <div className="ml-auto flex rounded-lg bg-slate-100 p-0.5" role="group" aria-label={t('preview.width')}>
          {(Object.keys(widths) as (keyof typeof widths)[]).map((d) => (
            <button key={d} type="button" aria-pressed={device === d} onClick={() => setDevice(d)} className={pill(device === d)}>
              {t(`preview.${d}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="border-b border-slate-100 bg-white px-4 py-2.5 text-sm">
        <div className="truncate font-semibold text-slate-900" data-testid="preview-subject">{email?.subject ?? ' '}</div>
        <div className="truncate text-xs text-slate-500">
          {t('preview.to', { email: chosen?.email ?? '…' })}{preheader ? <> · <span className="text-slate-400">{preheader}</span></> : null}
          {shownLocale && <span className="ml-1 text-slate-400" data-testid="preview-locale">· {languageName(shownLocale, uiLocale)}</span>}
          {chosen && !chosen.lastOrderAt && <span className="ml-1 text-amber-600">{t('preview.noOrders')}</span>}
        </div>
      </div>
      <div className="relative min-h-0 flex-1 overflow-auto bg-slate-100 p-4">
        <div className={`mx-auto transition-[width] ${updating ? 'opacity-60' : ''}`} style={{ width: widths[device], maxWidth: '100%' }}>
          {email && (
            <iframe title={t('preview.frame')} sandbox="" srcDoc={email.html} data-testid="preview-frame" data-device={device}
              className="h-[1400px] w-full rounded-lg bg-white shadow-sm ring-1 ring-slate-200" />
          )}
          {!email && !failed && <div className="p-6 text-center text-sm text-slate-500">{t('preview.rendering')}</div>}
        </div>
        {failed && <div className="absolute inset-x-4 top-4 rounded-lg bg-white/90 p-3 text-center text-sm text-rose-700 ring-1 ring-rose-200">{t('preview.failed')}</div>}
      </div>
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
// One received email: its envelope, then its HTML (sandboxed), plain text or headers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Card, ErrorNote, formatDate, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';

const VIEWS = ['html', 'text', 'headers'] as const;

export function OutboxMessage({ id }: { id: string }) {
  const trpc = useTRPC();
  const message = useQuery({ ...trpc.outbox.get.queryOptions({ id }), staleTime: Infinity });
  const { t } = useTranslation('outbox');
  useLocale(); // the date follows a language switch
  const [view, setView] = useState<(typeof VIEWS)[number]>('html');
  if (message.isPending) return <Card><Spinner /></Card>;
  if (message.isError) return <ErrorNote error={message.error} />;
  const m = message.data;
  const tab = (name: typeof view, label: string) => (
    <button key={name} type="button" onClick={() => setView(name)} aria-pressed={view === name}
      className={`rounded-md px-2.5 py-1 text-xs font-medium ${view === name ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}>{label}</button>
  );
  return (
    <Card className="flex min-h-0 flex-col overflow-hidden" >
      <div className="border-b border-slate-200 p-5" data-testid="outbox-message">
        <h2 className="text-lg font-semibold text-slate-900" data-testid="outbox-subject">{m.subject || t('noSubject')}</h2>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-sm">
          <dt className="text-slate-500">{t('from')}</dt><dd className="text-slate-800">{m.from}</dd>
          <dt className="text-slate-500">{t('to')}</dt><dd className="text-slate-800">{m.to.join(', ')}</dd>
          <dt className="text-slate-500">{t('date')}</dt><dd className="text-slate-800">{formatDate(m.receivedAt)}</dd>
        </dl>
        <div className="mt-3 flex gap-1">{VIEWS.map((name) => tab(name, t(`tab.${name}`)))}</div>
      </div>
      <div className="min-h-[480px] flex-1 bg-slate-100">
        {view === 'html' && (m.html
          ? <iframe title={t('preview')} sandbox="" srcDoc={m.html} className="h-full min-h-[480px] w-full bg-white" data-testid="outbox-html" />
          : <p className="p-5 text-sm text-slate-500">{t('noHtml')}</p>)}
        {view === 'text' && <pre className="h-full overflow-auto whitespace-pre-wrap bg-white p-5 font-mono text-xs text-slate-700">{m.text ?? ''}</pre>}
        {view === 'headers' && (
          <dl className="h-full overflow-auto bg-white p-5 font-mono text-xs">
            {Object.entries(m.headers).map(([k, v]) => (
              <div key={k} className="grid grid-cols-[220px_1fr] gap-2 border-b border-slate-50 py-1">
                <dt className="text-slate-500">{k}</dt><dd className="break-all text-slate-800">{String(v)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </Card>
  );
}

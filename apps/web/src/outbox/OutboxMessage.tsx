import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc';
import { Card, ErrorNote, formatDate, Spinner } from '../ui/kit';

export function OutboxMessage({ id }: { id: string }) {
  const trpc = useTRPC();
  const message = useQuery({ ...trpc.outbox.get.queryOptions({ id }), staleTime: Infinity });
  const [view, setView] = useState<'html' | 'text' | 'headers'>('html');
  if (message.isPending) return <Card><Spinner /></Card>;
  if (message.isError) return <ErrorNote error={message.error} />;
  const m = message.data;
  const tab = (name: typeof view, label: string) => (
    <button type="button" onClick={() => setView(name)} aria-pressed={view === name}
      className={`rounded-md px-2.5 py-1 text-xs font-medium ${view === name ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}>{label}</button>
  );
  return (
    <Card className="flex min-h-0 flex-col overflow-hidden" >
      <div className="border-b border-slate-200 p-5" data-testid="outbox-message">
        <h2 className="text-lg font-semibold text-slate-900" data-testid="outbox-subject">{m.subject || '(no subject)'}</h2>
        <dl className="mt-2 grid grid-cols-[60px_1fr] gap-y-0.5 text-sm">
          <dt className="text-slate-500">From</dt><dd className="text-slate-800">{m.from}</dd>
          <dt className="text-slate-500">To</dt><dd className="text-slate-800">{m.to.join(', ')}</dd>
          <dt className="text-slate-500">Date</dt><dd className="text-slate-800">{formatDate(m.receivedAt)}</dd>
        </dl>
        <div className="mt-3 flex gap-1">{tab('html', 'HTML')}{tab('text', 'Plain text')}{tab('headers', 'Headers')}</div>
      </div>
      <div className="min-h-[480px] flex-1 bg-slate-100">
        {view === 'html' && (m.html
          ? <iframe title="Email preview" sandbox="" srcDoc={m.html} className="h-full min-h-[480px] w-full bg-white" data-testid="outbox-html" />
          : <p className="p-5 text-sm text-slate-500">This email has no HTML part.</p>)}
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

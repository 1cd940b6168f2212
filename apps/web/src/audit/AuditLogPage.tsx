// The audit log (owners, admins, managers): who did what and when, filtered by kind of
// action, person and period, a page at a time; admins set how long it is kept. Each action is
// described in words by the `audit` catalogue (action.<procedure path or event>); an action it
// does not know yet shows as its path.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/me';
import { fieldErrors } from '../settings/SettingsPage';
import { useTRPC } from '../trpc';
import { Button, Card, EmptyState, ErrorNote, PageHeader, Spinner, formatDate, inputClass } from '../ui/kit';
import { useDebounced } from '../ui/useDebounced';
import { useLocale } from '../ui/locale';

// The filter's kinds of action by path prefix; each named by kind.<prefix> ('kind.' for all).
const KINDS = ['', 'auth.', 'journeys.', 'approvals.', 'users.', 'settings.', 'sending.', 'customers.', 'templates.', 'segments.', 'reviews.'];

function Retention() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('audit');
  const settings = useQuery(trpc.audit.settings.queryOptions());
  const [days, setDays] = useState<string | null>(null);
  const save = useMutation(trpc.audit.saveSettings.mutationOptions({
    onSuccess: (data) => { queryClient.setQueryData(trpc.audit.settings.queryKey(), data); setDays(null); },
  }));
  const value = days ?? String(settings.data?.retentionDays ?? '');
  const error = fieldErrors(save.error).retentionDays;
  return (
    <form className="flex items-center gap-2 whitespace-nowrap text-sm text-slate-600" onSubmit={(e) => { e.preventDefault(); save.mutate({ retentionDays: Number(value) }); }}>
      <label htmlFor="retention">{t('retention.before')}</label>
      <span className="w-20"><input id="retention" type="number" min={30} max={3650} value={value} onChange={(e) => setDays(e.target.value)} className={inputClass} /></span>
      {t('retention.after', { count: Number(value) || 0 })}
      {days !== null && <Button type="submit" disabled={save.isPending}>{t('retention.save')}</Button>}
      {error && <span role="alert" className="text-rose-600">{error}</span>}
    </form>
  );
}

export function AuditLogPage() {
  const trpc = useTRPC();
  const can = useCan();
  const { t } = useTranslation('audit');
  useLocale(); // dates follow a language switch
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // Debounced as text: a new object each render would restart the timer for ever.
  const filtersKey = useDebounced(JSON.stringify({
    action, actor: actor.trim(), from: from ? new Date(from).toISOString() : undefined,
    to: to ? new Date(new Date(to).getTime() + 86_400_000).toISOString() : undefined, limit: 50,
  }), 250);
  const filters = useMemo(() => JSON.parse(filtersKey) as { action: string; actor: string; from?: string; to?: string; limit: number }, [filtersKey]);
  const log = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions(filters, {
    initialCursor: undefined, getNextPageParam: (page) => page.nextBefore ?? undefined,
  }));
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <div className="mx-auto max-w-5xl p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={can('audit.saveSettings') ? <Retention /> : undefined} />
      <Card className="mb-4 flex flex-wrap items-end gap-3 p-4">
        <label className="text-xs font-medium text-slate-500">{t('filter.what')}
          <select value={action} onChange={(e) => setAction(e.target.value)} className={`${inputClass} mt-1 w-52`} aria-label={t('filter.kind')}>
            {KINDS.map((prefix) => <option key={prefix} value={prefix}>{t(`kind.${prefix}`)}</option>)}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-500">{t('filter.who')}
          <input value={actor} onChange={(e) => setActor(e.target.value)} placeholder={t('filter.whoPlaceholder')} className={`${inputClass} mt-1 w-56`} />
        </label>
        <label className="text-xs font-medium text-slate-500">{t('filter.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} className={`${inputClass} mt-1`} />
        </label>
        <label className="text-xs font-medium text-slate-500">{t('filter.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} className={`${inputClass} mt-1`} />
        </label>
      </Card>
      {log.isPending && <Spinner />}
      {log.isError && <ErrorNote error={log.error} />}
      {log.data && entries.length === 0 && <EmptyState icon="history" title={t('empty.title')}>{t('empty.body')}</EmptyState>}
      {entries.length > 0 && (
        <Card>
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <thead className="border-b border-slate-100 text-xs uppercase tracking-wide text-slate-400">
              <tr>
                <th className="px-4 py-2 font-medium">{t('column.when')}</th><th className="px-4 py-2 font-medium">{t('column.who')}</th>
                <th className="px-4 py-2 font-medium">{t('column.what')}</th><th className="px-4 py-2 font-medium">{t('column.details')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-50">
              {entries.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="whitespace-nowrap px-4 py-2 text-slate-500">{formatDate(e.at)}</td>
                  <td className="px-4 py-2 text-slate-800">{e.actorEmail || '—'}{e.ip && <div className="text-xs text-slate-400">{e.ip}</div>}</td>
                  <td className="px-4 py-2 font-medium text-slate-900">{t(`action.${e.action}`, { defaultValue: e.action })}{e.targetId && <div className="font-mono text-xs font-normal text-slate-500">{e.targetId}</div>}</td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-500">{Object.entries(e.detail).map(([k, v]) => `${k}: ${String(v)}`).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {log.hasNextPage && (
            <div className="border-t border-slate-100 p-3 text-center">
              <Button onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>{log.isFetchingNextPage ? t('loadingOlder') : t('older')}</Button>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}

import { formatNumber } from '@afterglow/i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { preloadPage } from '../app/pages';
import { Link, useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { useLocale } from '../ui/locale';
import { Button, Card, Dialog, EmptyState, ErrorNote, inputClass, PageHeader, relativeTime, Spinner, StatusBadge } from '../ui/kit';

export function JourneysPage() {
  const trpc = useTRPC();
  const journeys = useQuery(trpc.journeys.list.queryOptions());
  const { t } = useTranslation('journeys');
  const locale = useLocale();
  const [creating, setCreating] = useState(false);
  const newButton = <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>{t('new')}</Button>;
  const walking = journeys.data?.reduce((sum, j) => sum + j.runs.active, 0) ?? 0;
  return (
    <div className="mx-auto max-w-5xl p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={newButton} />
      {journeys.isPending && <Spinner />}
      {journeys.isError && <ErrorNote error={journeys.error} />}
      {journeys.data?.length === 0 && (
        <EmptyState icon="journeys" title={t('empty.title')} action={newButton}>{t('empty.body')}</EmptyState>
      )}
      {journeys.data && journeys.data.length > 0 && (
        <Card className="overflow-hidden">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-3">{t('column.journey')}</th><th className="px-5 py-3">{t('column.status')}</th><th className="px-5 py-3">{t('column.version')}</th>
                <th className="px-5 py-3 text-right">{t('column.activeRuns')}</th><th className="px-5 py-3 text-right">{t('column.totalRuns')}</th>
                <th className="px-5 py-3 text-right">{t('column.edited')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {journeys.data.map((j) => (
                <tr key={j.id} className="hover:bg-slate-50" data-testid={`journey-row-${j.id}`}>
                  <td className="px-5 py-3"><Link to={`/journeys/${j.id}`} onMouseEnter={() => preloadPage(`/journeys/${j.id}`)} className="font-medium text-slate-900 hover:text-violet-700">{j.name}</Link></td>
                  <td className="px-5 py-3"><StatusBadge status={j.status} /></td>
                  <td className="px-5 py-3 text-slate-600">{j.currentVersion ? t('versionNumber', { version: j.currentVersion }) : '—'}</td>
                  <td className="px-5 py-3 text-right tabular-nums">{formatNumber(locale, j.runs.active)}</td>
                  <td className="px-5 py-3 text-right tabular-nums text-slate-600">{formatNumber(locale, j.runs.total)}</td>
                  <td className="px-5 py-3 text-right text-slate-500">{relativeTime(j.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="border-t border-slate-100 px-5 py-3 text-sm text-slate-500" data-testid="journeys-walking">{t('walking', { count: walking })}</p>
        </Card>
      )}
      {creating && <NewJourneyDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function NewJourneyDialog({ onClose }: { onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const { t } = useTranslation('journeys');
  const [name, setName] = useState('');
  const create = useMutation(trpc.journeys.create.mutationOptions({
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
      navigate(`/journeys/${id}`);
    },
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate({ name: name.trim() });
  };
  return (
    <Dialog title={t('dialog.title')} onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <label className="block text-sm font-medium text-slate-700">
          {t('dialog.name')}
          <input className={`${inputClass} mt-1`} value={name} onChange={(e) => setName(e.target.value)}
            placeholder={t('dialog.namePlaceholder')} maxLength={120} />
        </label>
        {create.isError && <p role="alert" className="text-sm text-rose-600">{create.error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t('dialog.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={!name.trim() || create.isPending}>{t('dialog.create')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

// The Templates page: every saved email template (with the languages it is written in), and
// "New from starter" to begin from one of the shipped starters (order confirmation, review
// request, win-back, …), which come with their translations.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { preloadPage } from '../app/pages';
import { Link, useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { Badge, Button, Card, Dialog, EmptyState, ErrorNote, PageHeader, relativeTime, Spinner } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { ListControls, Pager, usePaging } from '../ui/Pager';
import type { Language } from './draft';
import { languageName } from './LanguageTabs';
import { TemplateEngagement } from './TemplateEngagement';

const PAGE = 24;

export function TemplatesPage() {
  const trpc = useTRPC();
  // Always fresh on arrival: publishing a journey elsewhere changes which templates are in use.
  const paging = usePaging<'updated' | 'name'>('updated', PAGE);
  const templates = useQuery({ ...trpc.templates.page.queryOptions(paging.input), staleTime: 0, placeholderData: keepPreviousData });
  const rows = templates.data?.items ?? [];
  const engagement = useQuery({ ...trpc.compliance.templateStats.queryOptions(), staleTime: 0 });
  const [choosing, setChoosing] = useState(false);
  const { t } = useTranslation('templates');
  const locale = useLocale();
  const newButton = <Button variant="primary" icon="plus" onClick={() => setChoosing(true)}>{t('new')}</Button>;
  const sorts = [{ value: 'updated' as const, label: t('list.sort.updated') }, { value: 'name' as const, label: t('list.sort.name') }];
  return (
    <div className="mx-auto max-w-5xl p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={newButton} />
      <ListControls paging={paging} sorts={sorts} searchLabel={t('list.search')} placeholder={t('list.searchPlaceholder')} />
      {templates.isPending && <Spinner />}
      {templates.isError && <ErrorNote error={templates.error} />}
      {templates.data && rows.length === 0 && (paging.term
        ? <EmptyState icon="mail" title={t('list.noMatch')}>{t('list.noMatchBody', { term: paging.term })}</EmptyState>
        : <EmptyState icon="mail" title={t('empty.title')} action={newButton}>{t('empty.body')}</EmptyState>)}
      {rows.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {rows.map((tpl) => (
            <Link key={tpl.id} to={`/templates/${tpl.id}`} onMouseEnter={() => preloadPage(`/templates/${tpl.id}`)} data-testid={`template-${tpl.id}`}>
              <Card className="flex h-full flex-col p-5 transition hover:shadow-md hover:ring-violet-300">
                <div className="flex items-start justify-between gap-2">
                  <h3 className="font-semibold text-slate-900">{tpl.name}</h3>
                  <Badge tone={tpl.kind === 'transactional' ? 'draft' : 'info'}>{t(tpl.kind === 'transactional' ? 'kind.transactional' : 'kind.marketing')}</Badge>
                </div>
                <p className="mt-1 line-clamp-2 flex-1 text-sm text-slate-500">{tpl.subject}</p>
                <p className="mt-1 text-xs text-slate-500" data-testid={`template-languages-${tpl.id}`}>
                  {tpl.languages.map((l) => languageName(l as Language, locale)).join(' · ')}
                </p>
                <TemplateEngagement id={tpl.id} stats={engagement.data?.[tpl.id]} />
                <p className="mt-3 text-xs text-slate-400">
                  {t('card.edited', { version: tpl.version, when: relativeTime(tpl.updatedAt) })}
                  {tpl.journeys > 0 && <span className="text-violet-600"> · {t('card.journeys', { count: tpl.journeys })}</span>}
                </p>
              </Card>
            </Link>
          ))}
        </div>
      )}
      <Pager paging={paging} shown={rows.length} total={templates.data?.total} />
      {choosing && <StarterDialog onClose={() => setChoosing(false)} />}
    </div>
  );
}

function StarterDialog({ onClose }: { onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const starters = useQuery(trpc.templates.starters.queryOptions());
  const { t } = useTranslation('templates');
  const locale = useLocale();
  const create = useMutation(trpc.templates.create.mutationOptions({
    onSuccess: (result) => {
      if (!result.ok) return;
      void queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.templates.page.queryKey() });
      navigate(`/templates/${result.id}`);
    },
  }));
  const refused = create.data && !create.data.ok ? create.data.issues : [];
  return (
    <Dialog title={t('starters.title')} onClose={onClose}>
      <p className="-mt-2 mb-3 text-sm text-slate-500">{t('starters.hint')}</p>
      <div className="max-h-[60vh] space-y-1.5 overflow-auto pr-1">
        {starters.data?.map((s) => (
          <button key={s.key} type="button" disabled={create.isPending} onClick={() => create.mutate({ starter: s.key })}
            className="block w-full rounded-lg p-3 text-left ring-1 ring-slate-200 transition hover:bg-violet-50 hover:ring-violet-300">
            <span className="block text-sm font-semibold text-slate-900">{s.name}</span>
            <span className="block text-xs text-slate-500">{s.description}</span>
            <span className="mt-0.5 block text-[11px] text-slate-400">{s.languages.map((l) => languageName(l as Language, locale)).join(' · ')}</span>
          </button>
        ))}
        <button type="button" disabled={create.isPending} onClick={() => create.mutate({})}
          className="block w-full rounded-lg border border-dashed border-slate-300 p-3 text-left text-sm text-slate-600 hover:bg-slate-50">
          {t('starters.blank')}
        </button>
      </div>
      {create.isError && <p className="mt-3 text-xs text-rose-600" role="alert">{create.error.message}</p>}
      {refused.map((i) => <p key={i.message} className="mt-1 text-xs text-rose-600" role="alert">{i.message}</p>)}
    </Dialog>
  );
}

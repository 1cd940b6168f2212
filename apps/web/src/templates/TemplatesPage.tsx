// The Templates page: every saved email template, and "New from starter" to begin from
// one of the shipped starters (order confirmation, review request, win-back, …).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { preloadPage } from '../app/pages';
import { Link, useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { Badge, Button, Card, Dialog, EmptyState, ErrorNote, PageHeader, relativeTime, Spinner } from '../ui/kit';
import { TemplateEngagement } from './TemplateEngagement';

export function TemplatesPage() {
  const trpc = useTRPC();
  // Always fresh on arrival: publishing a journey elsewhere changes which templates are in use.
  const templates = useQuery({ ...trpc.templates.list.queryOptions(), staleTime: 0 });
  const engagement = useQuery({ ...trpc.compliance.templateStats.queryOptions(), staleTime: 0 });
  const [choosing, setChoosing] = useState(false);
  const newButton = <Button variant="primary" icon="plus" onClick={() => setChoosing(true)}>New from starter</Button>;
  return (
    <div className="mx-auto max-w-5xl p-8">
      <PageHeader title="Templates" subtitle="Emails your journeys send: MJML with merge fields, previewed with real customers." actions={newButton} />
      {templates.isPending && <Spinner />}
      {templates.isError && <ErrorNote error={templates.error} />}
      {templates.data?.length === 0 && (
        <EmptyState icon="mail" title="No templates yet" action={newButton}>
          Start from a ready-made email (order confirmation, review request, birthday greeting…) and make it yours.
        </EmptyState>
      )}
      {templates.data && templates.data.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {templates.data.map((t) => (
            <Link key={t.id} to={`/templates/${t.id}`} onMouseEnter={() => preloadPage(`/templates/${t.id}`)} data-testid={`template-${t.id}`}>
              <Card className="flex h-full flex-col p-5 transition hover:shadow-md hover:ring-violet-300">
                <div className="flex items-start justify-between gap-2">
                  <h3 className="font-semibold text-slate-900">{t.name}</h3>
                  <Badge tone={t.kind === 'transactional' ? 'draft' : 'info'}>{t.kind}</Badge>
                </div>
                <p className="mt-1 line-clamp-2 flex-1 text-sm text-slate-500">{t.subject}</p>
                <TemplateEngagement id={t.id} stats={engagement.data?.[t.id]} />
                <p className="mt-3 text-xs text-slate-400">
                  Version {t.version} · edited {relativeTime(t.updatedAt)}
                  {t.journeys > 0 && <span className="text-violet-600"> · in {t.journeys === 1 ? '1 journey' : `${t.journeys} journeys`}</span>}
                </p>
              </Card>
            </Link>
          ))}
        </div>
      )}
      {choosing && <StarterDialog onClose={() => setChoosing(false)} />}
    </div>
  );
}

function StarterDialog({ onClose }: { onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const starters = useQuery(trpc.templates.starters.queryOptions());
  const create = useMutation(trpc.templates.create.mutationOptions({
    onSuccess: (result) => {
      if (!result.ok) return;
      void queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
      navigate(`/templates/${result.id}`);
    },
  }));
  const refused = create.data && !create.data.ok ? create.data.issues : [];
  return (
    <Dialog title="New template" onClose={onClose}>
      <p className="-mt-2 mb-3 text-sm text-slate-500">Pick a starting point; you can change everything.</p>
      <div className="max-h-[60vh] space-y-1.5 overflow-auto pr-1">
        {starters.data?.map((s) => (
          <button key={s.key} type="button" disabled={create.isPending} onClick={() => create.mutate({ starter: s.key })}
            className="block w-full rounded-lg p-3 text-left ring-1 ring-slate-200 transition hover:bg-violet-50 hover:ring-violet-300">
            <span className="block text-sm font-semibold text-slate-900">{s.name}</span>
            <span className="block text-xs text-slate-500">{s.description}</span>
          </button>
        ))}
        <button type="button" disabled={create.isPending} onClick={() => create.mutate({})}
          className="block w-full rounded-lg border border-dashed border-slate-300 p-3 text-left text-sm text-slate-600 hover:bg-slate-50">
          Blank template
        </button>
      </div>
      {create.isError && <p className="mt-3 text-xs text-rose-600" role="alert">{create.error.message}</p>}
      {refused.map((i) => <p key={i.message} className="mt-1 text-xs text-rose-600" role="alert">{i.message}</p>)}
    </Dialog>
  );
}

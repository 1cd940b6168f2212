// Publish approval: the requests waiting for a decision (with what each changes), the ones
// decided, and (for owners and admins) the setting that makes marketers ask before publishing.
import { formatRelativeTime } from '@afterglow/i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../app/me';
import { Link } from '../app/router';
import { useTRPC, type Api, type inferOutput } from '../trpc';
import { useIssueText } from '../journeys/editor/issueText';
import { Badge, Button, Card, EmptyState, ErrorNote, PageHeader, Spinner, inputClass } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { RequestDiff } from './RequestDiff';

type Request = inferOutput<Api['approvals']['list']>[number];

function ApprovalSetting() {
  const trpc = useTRPC();
  const { t } = useTranslation('approvals');
  const queryClient = useQueryClient();
  const setting = useQuery(trpc.approvals.settings.queryOptions());
  const save = useMutation(trpc.approvals.saveSettings.mutationOptions({
    onSuccess: (data) => queryClient.setQueryData(trpc.approvals.settings.queryKey(), data),
  }));
  const on = setting.data?.publishApproval ?? false;
  return (
    <Card className="mb-8 flex items-center gap-4 p-5">
      <div className="flex-1">
        <div className="text-sm font-semibold text-slate-900">{t('setting.title')}</div>
        <div className="text-xs text-slate-500">{t('setting.hint')}</div>
      </div>
      <button type="button" role="switch" aria-checked={on} aria-label={t('setting.switch')} disabled={setting.isPending || save.isPending}
        onClick={() => save.mutate({ publishApproval: !on })} data-testid="approval-switch"
        className={`relative h-6 w-11 rounded-full transition ${on ? 'bg-violet-600' : 'bg-slate-300'}`}>
        <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition ${on ? 'left-5' : 'left-0.5'}`} />
      </button>
    </Card>
  );
}

function PendingRequest({ request }: { request: Request }) {
  const trpc = useTRPC();
  const { t } = useTranslation('approvals');
  const locale = useLocale();
  const issueText = useIssueText();
  const can = useCan();
  const me = useMe();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const detail = useQuery({ ...trpc.approvals.get.queryOptions({ id: request.id }), enabled: open });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.approvals.list.queryKey() });
  const decide = useMutation(trpc.approvals.decide.mutationOptions({ onSuccess: refresh }));
  const withdraw = useMutation(trpc.approvals.withdraw.mutationOptions({ onSuccess: refresh }));
  const refused = decide.data && 'issues' in decide.data ? decide.data.issues : null;
  const mayDecide = can('approvals.decide');
  return (
    <li className="px-5 py-4" data-testid="pending-request">
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <Link to={`/journeys/${request.journeyId}`} className="text-sm font-semibold text-slate-900 hover:text-violet-700">{request.journeyName}</Link>
          <div className="text-xs text-slate-500">{t('requestedBy', { who: request.requestedBy })} · {formatRelativeTime(locale, new Date(request.createdAt))}</div>
        </div>
        <Button variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>{open ? t('hideChanges') : t('reviewChanges')}</Button>
        {me?.email === request.requestedBy && <Button variant="ghost" onClick={() => withdraw.mutate({ id: request.id })}>{t('withdraw')}</Button>}
      </div>
      {open && (
        <div className="mt-4 space-y-4">
          {detail.isPending && <Spinner label={t('comparing')} />}
          {detail.data && <RequestDiff diff={detail.data.diff} />}
          {mayDecide && (
            <div className="space-y-2">
              <textarea className={inputClass} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000}
                placeholder={t('commentPlaceholder')} aria-label={t('comment')} />
              {refused && <p role="alert" className="text-sm text-rose-600">{t('notPublished', { problems: refused.map(issueText).join('; ') })}</p>}
              {decide.error && <p role="alert" className="text-sm text-rose-600">{decide.error.message}</p>}
              <div className="flex justify-end gap-2">
                <Button variant="danger" icon="x" disabled={decide.isPending} onClick={() => decide.mutate({ id: request.id, approve: false, comment })}>{t('reject')}</Button>
                <Button variant="primary" icon="check" disabled={decide.isPending} onClick={() => decide.mutate({ id: request.id, approve: true, comment })}
                  data-testid="approve">{t('approve')}</Button>
              </div>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

const verdictTone = { approved: 'live', rejected: 'error', withdrawn: 'draft' } as const;

export function ApprovalsPage() {
  const trpc = useTRPC();
  const { t } = useTranslation('approvals');
  const locale = useLocale();
  const can = useCan();
  const pending = useQuery(trpc.approvals.list.queryOptions({ status: 'pending' }));
  const decided = useQuery(trpc.approvals.list.queryOptions({ status: 'decided' }));
  const mayChangeSetting = can('approvals.saveSettings');
  return (
    <div className="mx-auto max-w-4xl p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {mayChangeSetting && <ApprovalSetting />}
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{t('pending.title')}</h2>
      {pending.isPending && <Spinner />}
      {pending.isError && <ErrorNote error={pending.error} />}
      {pending.data?.length === 0 && (
        <EmptyState icon="shield" title={t('empty.title')}>{t('empty.body')}</EmptyState>
      )}
      {pending.data && pending.data.length > 0 && (
        <Card><ul className="divide-y divide-slate-100">{pending.data.map((r) => <PendingRequest key={r.id} request={r} />)}</ul></Card>
      )}
      {decided.data && decided.data.length > 0 && (
        <section className="mt-10">
          <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{t('decided.title')}</h2>
          <Card>
            <ul className="divide-y divide-slate-100">
              {decided.data.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
                  <Badge tone={verdictTone[r.status as keyof typeof verdictTone] ?? 'draft'}>{t('verdict', { status: r.status })}</Badge>
                  <span className="font-medium text-slate-900">{r.journeyName}</span>
                  <span className="text-slate-500">
                    {t('requestedBy', { who: r.requestedBy })}
                    {r.decidedBy && `, ${t('decidedBy', { status: r.status, who: r.decidedBy })}`}
                    {r.decidedAt && ` · ${formatRelativeTime(locale, new Date(r.decidedAt))}`}
                  </span>
                  {r.comment && <span className="w-full pl-1 text-xs italic text-slate-500">{t('quoted', { comment: r.comment })}</span>}
                </li>
              ))}
            </ul>
          </Card>
        </section>
      )}
    </div>
  );
}

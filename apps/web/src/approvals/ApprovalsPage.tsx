// Publish approval: the requests waiting for a decision (with what each changes), the ones
// decided, and (for owners and admins) the setting that makes marketers ask before publishing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan, useMe } from '../app/me';
import { Link } from '../app/router';
import { useTRPC, type Api, type inferOutput } from '../trpc';
import { Badge, Button, Card, EmptyState, ErrorNote, PageHeader, Spinner, inputClass, relativeTime } from '../ui/kit';
import { RequestDiff } from './RequestDiff';

type Request = inferOutput<Api['approvals']['list']>[number];

function ApprovalSetting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setting = useQuery(trpc.approvals.settings.queryOptions());
  const save = useMutation(trpc.approvals.saveSettings.mutationOptions({
    onSuccess: (data) => queryClient.setQueryData(trpc.approvals.settings.queryKey(), data),
  }));
  const on = setting.data?.publishApproval ?? false;
  return (
    <Card className="mb-8 flex items-center gap-4 p-5">
      <div className="flex-1">
        <div className="text-sm font-semibold text-slate-900">Marketers ask before publishing</div>
        <div className="text-xs text-slate-500">When on, a marketer’s Publish becomes a request that a manager, admin or owner approves.</div>
      </div>
      <button type="button" role="switch" aria-checked={on} aria-label="Require approval to publish" disabled={setting.isPending || save.isPending}
        onClick={() => save.mutate({ publishApproval: !on })} data-testid="approval-switch"
        className={`relative h-6 w-11 rounded-full transition ${on ? 'bg-violet-600' : 'bg-slate-300'}`}>
        <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition ${on ? 'left-5' : 'left-0.5'}`} />
      </button>
    </Card>
  );
}

function PendingRequest({ request }: { request: Request }) {
  const trpc = useTRPC();
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
  return (
    <li className="px-5 py-4" data-testid="pending-request">
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <Link to={`/journeys/${request.journeyId}`} className="text-sm font-semibold text-slate-900 hover:text-violet-700">{request.journeyName}</Link>
          <div className="text-xs text-slate-500">asked by {request.requestedBy} {relativeTime(request.createdAt)}</div>
        </div>
        <Button variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>{open ? 'Hide changes' : 'Review changes'}</Button>
        {me?.email === request.requestedBy && <Button variant="ghost" onClick={() => withdraw.mutate({ id: request.id })}>Withdraw</Button>}
      </div>
      {open && (
        <div className="mt-4 space-y-4">
          {detail.isPending && <Spinner label="Comparing with the live version…" />}
          {detail.data && <RequestDiff diff={detail.data.diff} />}
          {can('approvals.decide') && (
            <div className="space-y-2">
              <textarea className={inputClass} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000}
                placeholder="A comment for the requester (optional)" aria-label="Comment" />
              {refused && <p role="alert" className="text-sm text-rose-600">Not published: {refused.map((i) => i.message).join('; ')}</p>}
              {decide.error && <p role="alert" className="text-sm text-rose-600">{decide.error.message}</p>}
              <div className="flex justify-end gap-2">
                <Button variant="danger" icon="x" disabled={decide.isPending} onClick={() => decide.mutate({ id: request.id, approve: false, comment })}>Reject</Button>
                <Button variant="primary" icon="check" disabled={decide.isPending} onClick={() => decide.mutate({ id: request.id, approve: true, comment })}
                  data-testid="approve">Approve and publish</Button>
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
  const can = useCan();
  const pending = useQuery(trpc.approvals.list.queryOptions({ status: 'pending' }));
  const decided = useQuery(trpc.approvals.list.queryOptions({ status: 'decided' }));
  return (
    <div className="mx-auto max-w-4xl p-8">
      <PageHeader title="Approvals" subtitle="Journeys waiting to go live, and who decided what." />
      {can('approvals.saveSettings') && <ApprovalSetting />}
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">Waiting for a decision</h2>
      {pending.isPending && <Spinner />}
      {pending.isError && <ErrorNote error={pending.error} />}
      {pending.data?.length === 0 && (
        <EmptyState icon="shield" title="Nothing waiting">Requests to publish appear here when approval is on and a marketer publishes.</EmptyState>
      )}
      {pending.data && pending.data.length > 0 && (
        <Card><ul className="divide-y divide-slate-100">{pending.data.map((r) => <PendingRequest key={r.id} request={r} />)}</ul></Card>
      )}
      {decided.data && decided.data.length > 0 && (
        <section className="mt-10">
          <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">Decided</h2>
          <Card>
            <ul className="divide-y divide-slate-100">
              {decided.data.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
                  <Badge tone={verdictTone[r.status as keyof typeof verdictTone] ?? 'draft'}>{r.status}</Badge>
                  <span className="font-medium text-slate-900">{r.journeyName}</span>
                  <span className="text-slate-500">asked by {r.requestedBy}{r.decidedBy ? `, ${r.status} by ${r.decidedBy}` : ''} {r.decidedAt ? relativeTime(r.decidedAt) : ''}</span>
                  {r.comment && <span className="w-full pl-1 text-xs italic text-slate-500">“{r.comment}”</span>}
                </li>
              ))}
            </ul>
          </Card>
        </section>
      )}
    </div>
  );
}
